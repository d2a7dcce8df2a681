import KnowledgeGraph
/// A small, safe model of a DOT graph: every identifier and attribute value is quoted and escaped
/// when written, so names from reports (quotes, «», <, >, &, backslashes, newlines) can never
/// change the graph's structure.
public struct DOTGraph: Sendable {
    public struct Node: Sendable {
        public var id: String
        public var attributes: [(String, DOTValue)]
        public init(id: String, attributes: [(String, DOTValue)] = []) {
            self.id = id
            self.attributes = attributes
        }
    }

    public struct Edge: Sendable {
        public var source: String
        public var target: String
        public var attributes: [(String, DOTValue)]
        public init(source: String, target: String, attributes: [(String, DOTValue)] = []) {
            self.source = source
            self.target = target
            self.attributes = attributes
        }
    }

    public struct Cluster: Sendable {
        public var id: String
        public var attributes: [(String, DOTValue)]
        public var nodeIDs: [String]
        public init(id: String, attributes: [(String, DOTValue)] = [], nodeIDs: [String]) {
            self.id = id
            self.attributes = attributes
            self.nodeIDs = nodeIDs
        }
    }

    public var directed = true
    public var graphAttributes: [(String, DOTValue)] = []
    public var nodeDefaults: [(String, DOTValue)] = []
    public var edgeDefaults: [(String, DOTValue)] = []
    public var nodes: [Node] = []
    public var edges: [Edge] = []
    public var clusters: [Cluster] = []

    public init(directed: Bool = true) { self.directed = directed }

    /// The DOT text.
    public func render() -> String {
        var out = directed ? "digraph G {\n" : "graph G {\n"
        func attrs(_ a: [(String, DOTValue)]) -> String {
            a.isEmpty ? "" : " [" + a.map { "\(DOTValue.quote($0.0))=\($0.1.dot)" }.joined(separator: ", ") + "]"
        }
        if !graphAttributes.isEmpty { out += "  graph\(attrs(graphAttributes));\n" }
        if !nodeDefaults.isEmpty { out += "  node\(attrs(nodeDefaults));\n" }
        if !edgeDefaults.isEmpty { out += "  edge\(attrs(edgeDefaults));\n" }
        var clustered = Set<String>()
        let byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (k, cluster) in clusters.enumerated() {
            out += "  subgraph \(DOTValue.quote("cluster_\(k)_" + cluster.id)) {\n"
            for (key, value) in cluster.attributes { out += "    \(DOTValue.quote(key))=\(value.dot);\n" }
            for id in cluster.nodeIDs {
                guard let node = byID[id], !clustered.contains(id) else { continue }
                clustered.insert(id)
                out += "    \(DOTValue.quote(node.id))\(attrs(node.attributes));\n"
            }
            out += "  }\n"
        }
        for node in nodes where !clustered.contains(node.id) {
            out += "  \(DOTValue.quote(node.id))\(attrs(node.attributes));\n"
        }
        let arrow = directed ? "->" : "--"
        for edge in edges {
            out += "  \(DOTValue.quote(edge.source)) \(arrow) \(DOTValue.quote(edge.target))\(attrs(edge.attributes));\n"
        }
        out += "}\n"
        return out
    }
}

/// An attribute value: plain text (quoted and escaped) or an HTML-like label built by TwinGraph.
public enum DOTValue: Sendable, ExpressibleByStringLiteral {
    case text(String)
    case html(String)

    public init(stringLiteral value: String) { self = .text(value) }

    var dot: String {
        switch self {
        case .text(let s): return DOTValue.quote(s)
        case .html(let s): return "<\(s)>"
        }
    }

    /// A DOT quoted string for `s`. Backslashes are doubled so that label escapes such as `\N`
    /// or `\G` cannot be injected; newlines become `\n` line breaks; quotes are escaped; `&` is
    /// written `&amp;` because Graphviz decodes entities in text ("&amp;" would show as "&").
    public static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "\n": out += "\\n"
            case "\r": break
            case "\0": break
            default: out.unicodeScalars.append(ch)
            }
        }
        out += "\""
        return out
    }

    /// Escapes text for an HTML-like label.
    public static func escapeHTML(_ s: String) -> String {
        XMLText.escape(s).replacingOccurrences(of: "\n", with: "<BR/>")
    }
}
