import ArgumentParser
import Foundation
import Documents
import Parsing
import RussianText

/// `twingraph parse`: Natasha's slovnet models (NER, morphology, syntax) over text, as CoNLL-U.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Tag and parse Russian text with Natasha's slovnet models; write CoNLL-U.",
        discussion: """
        Each sentence is written as CoNLL-U: ID FORM LEMMA(_) UPOS XPOS(_) FEATS HEAD DEPREL \
        DEPS(_) MISC, with FEATS sorted Key=Value|… (_ when none) and the entity tag in MISC \
        (NER=B-LOC, NER=I-PER, NER=O); a blank line ends each sentence.

        Plain text (UTF-8, UTF-16, windows-1251 or KOI8-R) is split into sentences and tokens by \
        TwinGraph's segmenter. With --input conllu the input is already tokenised: the ID and FORM \
        columns of CoNLL-U are read (other columns, comments, multiword and empty-node lines are \
        ignored), which is how the output is compared with slovnet's token by token.

        The models are read from --models, else $TWINGRAPH_MODELS, else \
        ~/.local/share/twingraph/natasha; scripts/setup.sh puts them there.
        Exit codes: 0 success, 1 a file or the models could not be read, 2 usage error.
        """
    )

    enum InputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, conllu
    }

    @Option(name: .long, help: "What the input is: text (segmented here) or conllu (tokenised).")
    var input: InputFormat = .text

    @Option(name: .long, help: "The folder holding the Natasha model tar files.")
    var models: String?

    @Flag(name: .long, help: "Compute the first convolution plainly, without the per-word projection cache (slower; for checking).")
    var plain = false

    @Argument(help: "Files to parse (default: stdin).")
    var files: [String] = []

    func run() throws {
        var loaded: NatashaModels
        do {
            loaded = try NatashaModels(directory: models)
        } catch {
            throw CLIFailure(message: "cannot load Natasha's models: \(error.description)")
        }
        if plain { loaded.firstLayer = .plain }
        // The process ends right after this command: skip tearing down the vocabularies and weights.
        _ = Unmanaged.passRetained(KeptAlive(loaded))
        let sources: [(name: String, data: Data)]
        var failed = false
        if files.isEmpty {
            sources = [("stdin", FileHandle.standardInput.readDataToEndOfFile())]
        } else {
            sources = files.compactMap { path in
                guard let data = FileManager.default.contents(atPath: path) else {
                    printError("\(path): cannot read the file")
                    failed = true
                    return nil
                }
                return (path, data)
            }
        }
        var out = OutputBuffer()
        defer { out.close() }
        for source in sources {
            let sentences: [(text: String?, words: [String])]
            switch input {
            case .conllu:
                guard let text = String(data: source.data, encoding: .utf8) else {
                    printError("\(source.name): CoNLL-U must be UTF-8")
                    failed = true
                    continue
                }
                sentences = Self.conlluSentences(text).map { (nil, $0) }
            case .text:
                // any format the Documents stage reads: .txt in any encoding, .docx, .pdf, …
                let decoded: ReadDocument
                do {
                    decoded = try DocumentReader.read(source.data, path: source.name)
                } catch {
                    printError("\(source.name): \(error.description)")
                    failed = true
                    continue
                }
                sentences = SentenceSplitter.sentences(decoded.text).map { sentence in
                    (sentence.text.replacingOccurrences(of: "\n", with: " "), sentence.tokens.map(\.text))
                }
            }
            let parsed = loaded.parse(sentences: sentences.map(\.words))
            for (sentence, analysis) in zip(sentences, parsed) {
                if let text = sentence.text { out.append(string: "# text = \(text)\n") }
                for (i, token) in analysis.tokens.enumerated() {
                    out.append(string: "\(i + 1)\t\(token.form)\t_\t\(token.upos)\t_\t\(token.featuresText)\t\(token.head)\t\(token.relation)\t_\tNER=\(token.entity)\n")
                }
                out.append("\n")
            }
        }
        out.flush()
        if failed { throw ExitCode(1) }
    }

    /// The FORM column of each sentence of CoNLL-U text, skipping comments and the
    /// multiword-token ("1-2") and empty-node ("1.1") lines.
    static func conlluSentences(_ text: String) -> [[String]] {
        var sentences: [[String]] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !current.isEmpty { sentences.append(current) }
                current = []
                continue
            }
            if line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2, columns[0].allSatisfy(\.isNumber) else { continue }
            current.append(String(columns[1]))
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }
}

/// Holds a value that is never released (see `Unmanaged.passRetained` in `ParseCommand.run`).
private final class KeptAlive<Value>: Sendable where Value: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
