import ArgumentParser
import Foundation
import GraphStore
import KnowledgeGraph

/// `--store PATH`, for commands that write the store.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The graph store (SQLite). Default: \(GraphStore.defaultPath)", valueName: "path"))
    var store: String?

    var path: String { store ?? GraphStore.defaultPath }

    func open() throws -> GraphStore {
        do { return try GraphStore(path: path) } catch let error as GraphStoreError {
            throw CLIFailure(message: error.description)
        }
    }
}

/// Where a reading command (queries, export, draw, appendix) reads its graph: the store
/// (default), a graph JSON file, or graph JSON on standard input (`--graph -`).
struct GraphSourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The graph store to read. Default: \(GraphStore.defaultPath)", valueName: "path"))
    var store: String?

    @Option(name: .customLong("graph"), help: ArgumentHelp("Read a graph JSON file instead of the store; - reads standard input.", valueName: "file.json"))
    var graphFile: String?

    /// The source as messages name it.
    var label: String {
        if let graphFile { return graphFile == "-" ? "standard input" : graphFile }
        return store ?? GraphStore.defaultPath
    }

    func validate() throws {
        if store != nil && graphFile != nil {
            throw ValidationError("pass either --store or --graph, not both")
        }
    }

    /// The file the graph is read from (the store with its WAL files, or the graph JSON).
    var inputs: [String] {
        if let graphFile { return graphFile == "-" ? [] : [graphFile] }
        let path = store ?? GraphStore.defaultPath
        return [path, path + "-wal", path + "-shm"]
    }

    /// The store to query, which must exist; opened read-only.
    func openStore() throws -> GraphStore {
        let path = store ?? GraphStore.defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIFailure(message: "no graph store at \(path); run `twingraph ingest` first, pass --store, or query a file with --graph FILE.json")
        }
        do { return try GraphStore(path: path, readOnly: true) } catch let error as GraphStoreError {
            throw CLIFailure(message: error.description)
        }
    }

    /// The whole graph, mentions and evidence included.
    func load() throws -> Graph {
        if let graphFile { return try loadGraph(graphFile) }
        do { return try openStore().graph() } catch let error as GraphStoreError {
            throw CLIFailure(message: error.description)
        }
    }

    /// Queries over the graph. From a store or a graph JSON, only nodes and the edges' ends are
    /// read up front; the attributes and evidence of the facts a report shows are read when it
    /// is built.
    func queries() throws -> GraphQueries {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            // TWINGRAPH_TIMINGS=1: how long reading took, for the end-to-end benchmark's build column.
            if ProcessInfo.processInfo.environment["TWINGRAPH_TIMINGS"] != nil {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                printError("twingraph: timing: read the graph in \(String(format: "%.3f", seconds)) s")
            }
        }
        if let graphFile {
            let read = try loadQueryGraph(graphFile)
            return GraphQueries(graph: read.graph, details: read.details, factCounts: read.counts)
        }
        let store = try openStore()
        do {
            let (graph, counts) = try store.queryGraph()
            return GraphQueries(graph: graph, details: store, factCounts: counts)
        } catch let error as GraphStoreError {
            throw CLIFailure(message: error.description)
        }
    }
}

/// `text` for people, `json` for programs.
enum QueryFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

/// Query reports as JSON: pretty, sorted keys, trailing newline (stable bytes for diffs).
func encodeJSON<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(0x0A)
    return data
}

/// Runs a query, turning a name that matches nothing (or too much) into a failure that lists
/// the candidates.
func answering<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as QueryError {
        throw queryFailure(error)
    }
}

/// A query error as the user should read it; `file` names the graph file it came from.
func queryFailure(_ error: QueryError, file: String? = nil) -> CLIFailure {
    let prefix = file.map { "\($0): " } ?? ""
    if case .unknownName(let name, let candidates) = error, candidates.isEmpty {
        // QueryError's wording ("the graph has no nodes to suggest") reads as if the graph were empty
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return CLIFailure(message: "\(prefix)the node name is empty; give a name (\"Омск\", any case or form) or an id (city/omsk)", exitCode: 2)
        }
        return CLIFailure(message: "\(prefix)no node is called \"\(name)\", and no name is close to it; `twingraph rank` lists the nodes")
    }
    return CLIFailure(message: prefix + error.description)
}

/// Prints a report in the chosen format.
func emit<T: Encodable>(_ report: T, format: QueryFormat, output: String? = nil, text: (T) -> String) throws {
    switch format {
    case .json: try writeOutput(try encodeJSON(report), to: output)
    case .text: try writeOutput(Data(text(report).utf8), to: output)
    }
}

/// Says on stderr how a name that is not a node's exact name was read ("Чанжоу" as Чанчжоу), so a
/// correction is never silent. Names that do not resolve are left to the query's own error.
func noteResolution(_ queries: GraphQueries, _ names: String...) {
    for name in names {
        guard case .found(let c, let how) = queries.resolver.resolve(name) else { continue }
        if how == .stem || how == .spelling {
            printError("twingraph: \"\(name)\" read as \(c.name) (\(c.id), by \(how == .stem ? "word form" : "spelling"))")
        } else if how == .name, !Transliteration.hasCyrillic(name), Transliteration.hasCyrillic(c.name) {
            printError("twingraph: \"\(name)\" read as \(c.name) (\(c.id), in Latin letters)")
        }
    }
}
