import ArgumentParser
import Foundation
import Documents
import GraphStore
import KnowledgeGraph

/// Progress on standard error: a redrawn bar on a terminal, one plain line per item when piped
/// (so logs stay readable).
struct Progress {
    let total: Int
    let terminal = isatty(STDERR_FILENO) != 0
    var done = 0

    mutating func step(_ item: String, _ outcome: String) {
        done += 1
        if terminal {
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            printError("\r\u{1B}[K\(bar) \(done)/\(total) \(item): \(outcome)", newline: done == total)
        } else {
            printError("twingraph: ingest \(done)/\(total) \(item): \(outcome)")
        }
    }

    /// A message that must stay visible (a failure): on a terminal it goes above the bar.
    func note(_ message: String) {
        printError((terminal ? "\r\u{1B}[K" : "") + message)
    }
}

func printError(_ message: String, newline: Bool) {
    var text = message + (newline ? "\n" : "")
    _ = text.withUTF8 { Output.writeAll(2, UnsafeRawBufferPointer($0)) }
}

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add reports to the graph store, replacing earlier versions of the same documents.",
        discussion: """
        Each document is stored in one transaction: a failure or an interrupted run leaves the \
        store as it was before that document. A document whose sha256 is already stored is \
        skipped; a changed one replaces only its own facts. A bad file does not stop the others; \
        the exit code is 1 if any failed.

        Examples:
          twingraph ingest --graph-json Graphs/graph.json
          twingraph ingest Examples/corpus/*.txt --store my.sqlite
        """
    )

    @Argument(help: "Report files or folders (any format `extract` reads), or graph JSON files with --graph-json.")
    var files: [String]

    @OptionGroup var documentOptions: DocumentOptions

    @Flag(help: "The files are graph JSON (as `twingraph extract` writes); each of their documents is ingested separately.")
    var graphJSON = false

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var correctionsOptions: CorrectionsOptions

    @Option(help: "The pymorphy3 dictionary folder, for the search index (default: $TWINGRAPH_DICT or ~/.local/share/twingraph/pymorphy3-dicts-ru).")
    var dict: String?

    func run() throws {
        var store = try storeOptions.open()
        let correctionsPath = try correctionsOptions.path(store: store, storePath: store.path)
        let corrections = try CorrectionsOptions.load(correctionsPath, mustExist: correctionsOptions.corrections != nil)
        try correctionsOptions.record(in: store)
        if !corrections.corrections.isEmpty {
            printError("twingraph: applying \(corrections.corrections.count) correction\(corrections.corrections.count == 1 ? "" : "s") from \(correctionsPath)")
        }
        store.searchTerms = SearchLemmas.indexTerms(dictionary: dict)
        var failures = 0
        // Graph JSON is read up front so that progress counts documents, not files (one graph
        // file usually holds the whole corpus); a report is extracted when its turn comes.
        var work: [(label: String, load: () throws -> (Document, Graph))] = []
        if !graphJSON {
            let (inputs, gatherFailures) = gatherDocuments(files, options: documentOptions)
            failures += gatherFailures.count
            gatherFailures.forEach { printError("twingraph: error: \($0)") }
            let options = documentOptions
            for input in inputs { work.append((input.id, { try extractDocument(input, options: options) })) }
        }
        for file in files where graphJSON {
            do {
                let g = try loadGraph(file)
                let split = g.contributions()
                if !split.orphans.nodes.isEmpty || !split.orphans.edges.isEmpty {
                    printError("twingraph: warning: \(file): \(split.orphans.nodes.count) nodes and \(split.orphans.edges.count) edges have no mention or evidence in a listed document and are not stored")
                }
                if split.parts.isEmpty {
                    throw CLIFailure(message: "\(file): the graph lists no documents, so nothing can be stored; every graph from `twingraph extract` lists its documents")
                }
                for part in split.parts { work.append(("\(file): \(part.document.id)", { (part.document, part.graph) })) }
            } catch let error as CLIFailure {
                failures += 1
                printError("twingraph: error: \(error.message)")
            }
        }
        var progress = Progress(total: work.count)
        var matched = Array(repeating: false, count: corrections.corrections.count)
        var stored = 0  // documents ingested, unchanged ones included
        for item in work {
            do {
                let (doc, extracted) = try item.load()
                let (graph, named) = corrections.applying(to: extracted)
                matched = zip(matched, named).map { $0 || $1 }
                let outcome = try store.ingest(document: doc, graph: graph)
                stored += 1
                progress.step(item.label, outcome.rawValue + (outcome == .unchanged ? "" : " (\(graph.nodes.count) nodes, \(graph.edges.count) edges)"))
            } catch let error as GraphStoreError {
                failures += 1
                progress.note("twingraph: error: \(item.label): \(error.description)")
                progress.step(item.label, "failed")
            } catch let error as CLIFailure {
                failures += 1
                progress.note("twingraph: error: \(error.message)")
                progress.step(item.label, "failed")
            } catch {
                failures += 1
                progress.note("twingraph: error: \(item.label): \(error)")
                progress.step(item.label, "failed")
            }
        }
        let unmatched = zip(corrections.corrections, matched).filter { !$0.1 }.map(\.0.summary)
        if stored > 0 && !unmatched.isEmpty {
            printError("twingraph: note: \(unmatched.count) correction\(unmatched.count == 1 ? "" : "s") named nothing in these documents (the fact or node may be in others, or a newer extraction gives it another id; `twingraph export` lists the ids):\n  " + unmatched.joined(separator: "\n  "))
        }
        if let terms = store.searchTerms {
            let indexed = try store.indexUnindexedDocuments(terms: terms)
            if indexed > 0 { printError("twingraph: \(indexed) earlier document\(indexed == 1 ? "" : "s") added to the search index") }
        }
        try keepQuerySnapshot(store)
        if failures > 0 {
            throw CLIFailure(message: stored == 0
                ? "\(failures) of the inputs failed (see above); nothing was stored"
                : "\(failures) of the inputs failed (see above); the others are stored in \(store.path)")
        }
    }
}

struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove documents and the facts they contributed from the store.",
        discussion: "Facts that other documents also state stay. Example: twingraph remove omsk-2019"
    )

    @Argument(help: "Document ids (the file name without extension, as `twingraph documents` lists them).")
    var documents: [String]

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: storeOptions.path) else {
            throw CLIFailure(message: "no graph store at \(storeOptions.path); pass --store to name the one to change")
        }
        let store = try storeOptions.open()
        var failures = 0
        for id in documents {
            do {
                try store.remove(document: id)
                printError("twingraph: removed \(id)")
            } catch let error as GraphStoreError {
                failures += 1
                printError("twingraph: error: \(error.description)")
            }
        }
        try keepQuerySnapshot(store)
        if failures > 0 { throw CLIFailure(message: "") }
    }
}

/// After a writing command: the store's query graph, ready for the next query
/// (`GraphStore.updateQuerySnapshot`).
func keepQuerySnapshot(_ store: GraphStore) throws {
    do { try store.updateQuerySnapshot() } catch {
        throw CLIFailure(message: "the documents are stored, but the store's query snapshot could not be written (\(error)); queries still work, more slowly, and the next ingest tries again")
    }
}
