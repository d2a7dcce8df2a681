import ArgumentParser
import Extraction
import Foundation
import KnowledgeGraph
import RussianText

extension TextEncoding: ExpressibleByArgument {}

/// Reads, decodes and extracts one report; errors name the file.
func extractFile(_ path: String, extractor: Extractor, encoding: TextEncoding?) throws -> (DocumentExtraction, [String]) {
    let url = URL(fileURLWithPath: path)
    let data: Data
    do {
        data = try Data(contentsOf: url)
    } catch {
        throw CLIFailure(message: "\(path): cannot read: \(FileManager.default.fileExists(atPath: path) ? error.localizedDescription : "no such file")")
    }
    let decoded: DecodedText
    do {
        decoded = try DocumentDecoder.decode(data, fileName: path, forced: encoding)
    } catch {
        throw CLIFailure(message: error.description)
    }
    let id = url.deletingPathExtension().lastPathComponent
    let result = extractor.extract(text: decoded.text, documentID: id, path: path, sha256: SHA256.hex(data))
    return (result, decoded.warnings.map { "\(path): warning: \($0)" })
}

/// The extractor, with the dictionary error turned into a message that names the setup step.
func makeExtractor(dictionary: String?) throws -> Extractor {
    do {
        return try Extractor.standard(dictionary: dictionary)
    } catch {
        throw CLIFailure(message: "\(error)")
    }
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract the knowledge graph of reports and print it as graph JSON.",
        discussion: """
        Reads plain-text reports (UTF-8 with or without BOM, UTF-16, windows-1251 or KOI8-R, \
        detected or forced with --encoding), recognises places, organisations, people and \
        events, finds the relations between them with the sentences that prove them, and merges \
        all documents into one graph. A document that cannot be read is reported and skipped; \
        the others are still extracted, and the exit code is then 1.

        Example: twingraph extract Examples/corpus/*.txt -o graph.json
        """
    )

    @Argument(help: "Report files (plain text).")
    var files: [String]

    @Option(name: .shortAndLong, help: "Write the graph JSON here instead of standard output.")
    var output: String?

    @Option(help: "Force the input encoding: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")).")
    var encoding: TextEncoding?

    @Option(help: "The pymorphy3 dictionary folder (default: $TWINGRAPH_DICT or ~/.local/share/twingraph/pymorphy3-dicts-ru).")
    var dict: String?

    @Flag(help: "Print on standard error which rule produced each relation, with its sentence.")
    var explain = false

    @Flag(name: .shortAndLong, help: "No progress lines on standard error.")
    var quiet = false

    @Option(help: "How many documents to extract at once (default: one per core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs takes 1 or more") }
    }

    func run() throws {
        let extractor = try makeExtractor(dictionary: dict)
        // Documents are independent, so a folder of reports is extracted on every core; the
        // results are reported and merged in the order the files were given.
        let results = ResultSlots(count: files.count)
        let files = self.files, encoding = self.encoding, quiet = self.quiet
        let next = ResultSlots.Counter()
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(1, files.count))) { _ in
            while let k = next.take(below: files.count) {
                let path = files[k]
                let outcome: Result<(DocumentExtraction, [String]), CLIFailure>
                do {
                    outcome = .success(try extractFile(path, extractor: extractor, encoding: encoding))
                } catch let failure as CLIFailure {
                    outcome = .failure(failure)
                } catch {
                    outcome = .failure(CLIFailure(message: "\(path): \(error)"))
                }
                let done = results.set(k, outcome)
                if !quiet, case .success(let (r, _)) = outcome {
                    printError("[\(done)/\(files.count)] \(path): \(r.graph.nodes.count) nodes, \(r.graph.edges.count) edges")
                }
            }
        }
        var graphs: [Graph] = []
        var failures: [String] = []
        for (k, path) in files.enumerated() {
            switch results.get(k) {
            case .success(let (result, warnings)):
                warnings.forEach(printError)
                graphs.append(result.graph)
                if explain { result.explanations.forEach { printError("\(result.document.id)\t\($0)") } }
            case .failure(let failure):
                printError("twingraph: error: \(failure.message)")
                failures.append(path)
            case nil:
                failures.append(path)
            }
        }
        let merged = Graph.merging(graphs)
        try writeOutput(try GraphJSON.encode(merged), to: output)
        if !failures.isEmpty {
            throw CLIFailure(message: "\(failures.count) of \(files.count) documents failed: \(failures.joined(separator: ", "))")
        }
    }
}

/// Results of parallel extraction, one slot per input file.
final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<(DocumentExtraction, [String]), CLIFailure>?]
    private var finished = 0
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Hands out file indices to the workers.
    final class Counter: @unchecked Sendable {
        private var next = 0
        private let lock = NSLock()
        func take(below n: Int) -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard next < n else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Stores a result; returns how many are finished.
    func set(_ k: Int, _ r: Result<(DocumentExtraction, [String]), CLIFailure>) -> Int {
        lock.lock(); defer { lock.unlock() }
        slots[k] = r
        finished += 1
        return finished
    }

    func get(_ k: Int) -> Result<(DocumentExtraction, [String]), CLIFailure>? {
        lock.lock(); defer { lock.unlock() }
        return slots[k]
    }
}
