import Documents
import Foundation
import KnowledgeGraph
import Rendering

/// The graph JSON reader: any input is read or refused with an error, and a graph it reads
/// is written and read back the same. The query read (light nodes and edges) accepts and
/// refuses what the whole read does, with the same message, and gives the same graph less its
/// text, the text of each edge read back by id.
enum GraphJSONTarget {
    static func run(_ data: Data) {
        let whole = Result { try GraphJSON.decode(data, file: "fuzz.json") }
        let light = Result { try GraphJSON.readForQueries(data, file: "fuzz.json") }
        switch (whole, light) {
        case (.failure(let a), .failure(let b)):
            require("\(a)" == "\(b)", "the query read refused the input with another message")
        case (.success(let graph), .success(let read)):
            requireSameLightGraph(read, graph)
            requireRoundTrip(graph)
        default:
            require(false, "the query read and the whole read disagree on accepting the input")
        }
    }

    static func requireSameLightGraph(_ read: GraphJSONQueryRead, _ graph: Graph) {
        require(read.graph == graph.withoutText(), "the query read's graph is not the whole graph less its text")
        require(read.counts == GraphQueries.FactCounts(of: graph), "the query read counted other mentions or evidence")
        guard let edges = try? read.details?.edges(withIDs: graph.edges.map(\.id)) else {
            require(false, "the query read could not read back an edge it had checked")
            return
        }
        for e in graph.edges where edges[e.id] != graph.edges.first(where: { $0.id == e.id }) {
            require(false, "the query read gave back another edge for \(e.id)")
        }
    }

    static func requireRoundTrip(_ graph: Graph) {
        guard let written = try? GraphJSON.encode(graph) else {
            require(false, "a graph could not be written as graph JSON")
            return
        }
        guard let back = try? GraphJSON.decode(written, file: "written.json") else {
            require(false, "graph JSON the writer wrote could not be read back")
            return
        }
        require(back.sorted() == graph.sorted(), "graph JSON round trip changed the graph")
    }
}

/// The DOT writer: a small graph whose names, countries and years come from the input (one
/// value per line) is written as DOT that Graphviz reads and lays out without an error.
enum DOTTarget {
    static let maximumNodes = 12

    static func run(_ data: Data) {
        let values = lossyText(data).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !values.isEmpty else { return }
        let graph = graph(from: Array(values.prefix(maximumNodes * 2)))
        let dot = GraphStyle.dotGraph(for: graph).render()
        do {
            _ = try Graphviz.render(dot: dot, layout: .dot, format: .dot)
        } catch {
            require(false, "Graphviz refused the DOT written for hostile names: \(error)")
        }
    }

    /// Nodes named by the even values with the odd values as their countries, joined in a
    /// chain of twin edges whose year is the value's length.
    static func graph(from values: [String]) -> Graph {
        var nodes: [Node] = []
        for (index, pair) in stride(from: 0, to: values.count, by: 2).enumerated() {
            let name = values[pair]
            let country = pair + 1 < values.count ? values[pair + 1] : ""
            let type = NodeType.allCases[index % NodeType.allCases.count]
            nodes.append(Node(id: "\(type.rawValue):\(index)", type: type, name: name,
                              attributes: country.isEmpty ? [:] : ["country": .string(country)]))
        }
        let edges = zip(nodes, nodes.dropFirst()).map { a, b in
            Edge(type: .twinnedWith, source: a.id, target: b.id, attributes: ["year": .int(1950 + a.name.count % 80)])
        }
        return Graph(nodes: nodes, edges: edges)
    }
}

/// The document readers, by the file name's extension (the format detection runs first, as
/// for a real file).
enum DocumentReaderTarget {
    static func run(_ data: Data, fileName: String) {
        guard let document = try? DocumentReader.read(data, path: fileName) else { return }
        _ = document.text.unicodeScalars.count
    }
}
