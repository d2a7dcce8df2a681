import ArgumentParser
import Explorer
import Foundation
import KnowledgeGraph

/// `twingraph serve`: the explorer in the browser, over the store or a graph file.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explore the graph in a browser: the network, each node's page, paths, search, documents.",
        discussion: """
        Read-only pages rendered on the server (Graphviz drawings in the page, no JavaScript), \
        and the queries' JSON under /api/…, as `--format json` prints it: /api/path?from=Омска&to=Иркутск, \
        /api/partners?node=Омск, /api/timeline?node=…, /api/neighbours?node=…&depth=2, \
        /api/common?first=…&second=…, /api/rank?by=pagerank, /api/components, /api/stats, \
        /api/search?q=…, /api/documents, /api/document?id=…. Filters in the URL apply to pages \
        and API: year-from=2015&year-to=2020 (years), via=twinned-with,partner-of, country=CN,JP.

        The server listens on 127.0.0.1 only, unless --host says otherwise; stop it with Ctrl-C. \
        The graph is read once at start.

        Example: twingraph serve --graph Graphs/graph.json   (then open http://127.0.0.1:8080/)
        """
    )

    @Option(help: "The address to listen on; 0.0.0.0 opens the server to the network.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @OptionGroup var source: GraphSourceOptions

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port takes 0 to 65535") }
        if source.graphFile == "-" { throw ValidationError("serve reads a graph file or the store, not standard input") }
    }

    func run() throws {
        let explorer = Explorer(graph: try source.load())
        let (host, port, label) = (host, port, source.label)
        let outcome = ServerOutcome()
        let finished = DispatchSemaphore(value: 0)
        Task {
            do {
                try await explorer.serve(host: host, port: port) { address in
                    printError("twingraph: serving \(explorer.graph.nodes.count) nodes from \(label) at \(address) (Ctrl-C stops)")
                }
            } catch { outcome.error = error }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error {
            if "\(error)".contains("Address already in use") {
                throw CLIFailure(message: "cannot serve on \(host):\(port): the port is in use; choose another with --port")
            }
            throw CLIFailure(message: "cannot serve on \(host):\(port): \(error)")
        }
    }
}

/// How the server ended, set by its task and read once it has.
private final class ServerOutcome: @unchecked Sendable {
    var error: (any Error)?
}
