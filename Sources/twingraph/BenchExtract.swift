import ArgumentParser
import Extraction
import Foundation
import Documents

/// `twingraph bench extract`: extraction throughput on files, loading excluded.
struct BenchExtract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Time extraction on files (dictionary and gazetteer loading excluded); one JSON line.",
        discussion: "Benchmarks/extraction/bench.sh runs it side by side with Natasha on the same files."
    )

    @Option(name: .customLong("repeat"), help: "How many times to extract every file.")
    var repetitions = 5

    @Option(help: "The pymorphy3 dictionary folder.")
    var dict: String?

    @Argument(help: "Report files.")
    var files: [String]

    func run() throws {
        let extractor = try makeExtractor(dictionary: dict)
        var texts: [(String, String)] = []
        for path in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            texts.append((URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
                          try DocumentDecoder.decode(data, fileName: path).text))
        }
        var chars = 0
        var edges = 0
        // characters (Unicode scalars, as the offsets of the graph) counted before the clock
        // starts, as the other side's len(text) costs nothing
        let lengths = texts.map { $0.1.unicodeScalars.count }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<max(1, repetitions) {
                for ((id, text), length) in zip(texts, lengths) {
                    let r = extractor.extract(text: text, documentID: id, path: id, sha256: "-")
                    chars += length
                    edges += r.graph.edges.count
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Int((Double(chars) / seconds).rounded())
        let line = "{\"tool\": \"twingraph\", \"chars\": \(chars), \"seconds\": \(String(format: "%.4f", seconds)), \"chars_per_second\": \(rate), \"edges\": \(edges)}\n"
        try Output.standardOutput(Data(line.utf8))
    }
}

/// `twingraph bench …`: benchmarks, each printing JSON for a side-by-side script.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks (see Benchmarks/ for the scripts that compare with reference tools).",
        subcommands: [BenchExtract.self, BenchGraph.self]
    )
}
