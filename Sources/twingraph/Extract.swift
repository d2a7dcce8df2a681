import ArgumentParser
import Extraction
import Foundation
import KnowledgeGraph
import Documents

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
        Reads reports as .txt (UTF-8 with or without BOM, UTF-16, windows-1251 or KOI8-R, \
        detected or forced with --encoding; hard-wrapped lines rejoined), .docx, .odt, .doc, .rtf, .pdf or \
        .html, by content; folders are walked (--glob to choose files). The reporting city and \
        year come from the title in any form ("ОМСК", "Отчёт … Администрации города Омска за \
        2019 год", a title property), or --reporter and --year. Recognises places, organisations, \
        people and events, finds the relations between them with the sentences that prove them, \
        and merges all documents into one graph. The same content under two names is one \
        document; two files of one name in different folders are two (their ids are their \
        relative paths). A document that cannot be read is reported and skipped; the others are \
        still extracted, and the exit code is then 1.

        Example: twingraph extract Examples/corpus -o graph.json
        """
    )

    @Argument(help: "Report files or folders.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Write the graph JSON here instead of standard output.")
    var output: String?

    @OptionGroup var documentOptions: DocumentOptions

    @Option(help: "The pymorphy3 dictionary folder (default: $TWINGRAPH_DICT or ~/.local/share/twingraph/pymorphy3-dicts-ru).")
    var dict: String?

    @Option(help: ArgumentHelp("Apply this corrections file (as `twingraph correct` writes) to the extracted graph.", valueName: "file.tsv"))
    var corrections: String?

    @Flag(help: "Print on standard error which rule produced each relation, with its sentence.")
    var explain = false

    @Flag(name: .shortAndLong, help: "No progress lines on standard error.")
    var quiet = false

    // Optional so that ArgumentParser does not append the machine's core count as a second
    // "(default: …)" to the help.
    @Option(help: "How many documents to extract at once (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes 1 or more") }
    }

    func run() throws {
        var explaining = try makeExtractor(dictionary: dict)
        explaining.collectsExplanations = explain
        let extractor = explaining
        let reporterID = try documentOptions.reporterID(extractor.gazetteer)
        let fixes = try corrections.map { try CorrectionsOptions.load($0, mustExist: true) } ?? CorrectionsFile()
        let (inputs, gatherFailures) = gatherDocuments(files, options: documentOptions)
        try Output.refuseOverwriting(files + inputs.flatMap(\.paths), with: output)
        gatherFailures.forEach { printError("twingraph: error: \($0)") }
        // Documents are independent, so a folder of reports is extracted on every core; the
        // results are reported and merged in the order the files were given.
        let results = ResultSlots(count: inputs.count)
        let options = documentOptions, quiet = self.quiet
        let next = ResultSlots.Counter()
        DispatchQueue.concurrentPerform(iterations: min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, max(1, inputs.count))) { _ in
            while let k = next.take(below: inputs.count) {
                let input = inputs[k]
                let outcome: Result<(DocumentExtraction, [String]), CLIFailure>
                do {
                    outcome = .success(try extractInput(input, extractor: extractor, options: options, reporterID: reporterID))
                } catch let failure as CLIFailure {
                    outcome = .failure(failure)
                } catch {
                    outcome = .failure(CLIFailure(message: "\(input.path): \(error)"))
                }
                let done = results.set(k, outcome)
                if !quiet, case .success(let (r, _)) = outcome {
                    printError("[\(done)/\(inputs.count)] \(input.path): \(r.graph.nodes.count) nodes, \(r.graph.edges.count) edges")
                }
            }
        }
        var graphs: [Graph] = []
        var failures = gatherFailures.count
        for (k, input) in inputs.enumerated() {
            switch results.get(k) {
            case .success(let (result, warnings)):
                warnings.forEach(printError)
                graphs.append(result.graph)
                if explain { result.explanations.forEach { printError("\(result.document.id)\t\($0)") } }
            case .failure(let failure):
                printError("twingraph: error: \(failure.message)")
                failures += 1
            case nil:
                printError("twingraph: error: \(input.path): not extracted")
                failures += 1
            }
        }
        let total = inputs.count + gatherFailures.count
        // When nothing was extracted there is no graph to write: an empty one on stdout beside
        // the error would be taken for a result by whatever reads it.
        if failures > 0 && graphs.isEmpty {
            throw CLIFailure(message: "\(failures) of \(total) documents failed (see above); no graph written")
        }
        try writeOutput(try GraphJSON.encode(fixes.apply(to: Graph.merging(graphs))), to: output)
        if failures > 0 {
            throw CLIFailure(message: "\(failures) of \(total) documents failed (see above); the others are in the graph")
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
