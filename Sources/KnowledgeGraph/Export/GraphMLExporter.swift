/// Writes a graph as GraphML (http://graphml.graphdrawing.org/), which Gephi, yEd, Cytoscape,
/// igraph and NetworkX read. Every attribute is declared as a `<key>` with a GraphML type
/// inferred from its values; names also go to `label`, the attribute Gephi shows.
///
/// The graph is declared directed and no edge overrides that: NetworkX refuses a graph whose
/// edges mix directions (`directed=false edge found in directed graph`), and igraph ignores the
/// per-edge attribute. A symmetric relation (twinned-with, partner-of) is written once, source id
/// before target id, with the boolean edge attribute `symmetric` true, so a reader that wants it
/// undirected can tell.
public enum GraphMLExporter {
    /// The GraphML document, UTF-8 text, deterministic (sorted by id).
    public static func export(_ graph: Graph) -> String {
        let g = graph.sorted()
        let nodeAttributeKeys = typedKeys(g.nodes.map(\.attributes))
        let edgeAttributeKeys = typedKeys(g.edges.map(\.attributes))
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

        """
        func key(_ id: String, _ domain: String, _ name: String, _ type: String) {
            out += "  <key id=\"\(XMLText.escape(id))\" for=\"\(domain)\" attr.name=\"\(XMLText.escape(name))\" attr.type=\"\(type)\"/>\n"
        }
        key("label", "node", "label", "string")
        key("type", "node", "type", "string")
        key("name", "node", "name", "string")
        key("aliases", "node", "aliases", "string")
        key("mentions", "node", "mentions", "int")
        for (k, t) in nodeAttributeKeys { key("n." + k, "node", k, t) }
        key("relation", "edge", "relation", "string")
        key("elabel", "edge", "label", "string")
        key("evidence", "edge", "evidence", "string")
        key("documents", "edge", "documents", "string")
        key("symmetric", "edge", "symmetric", "boolean")
        for (k, t) in edgeAttributeKeys { key("e." + k, "edge", k, t) }
        out += "  <graph id=\"twingraph\" edgedefault=\"directed\">\n"
        for n in g.nodes {
            out += "    <node id=\"\(XMLText.escape(n.id))\">\n"
            func data(_ key: String, _ value: String) { out += "      <data key=\"\(XMLText.escape(key))\">\(XMLText.escape(value))</data>\n" }
            data("label", n.name)
            data("type", n.type.rawValue)
            data("name", n.name)
            if !n.aliases.isEmpty { data("aliases", n.aliases.joined(separator: "; ")) }
            data("mentions", String(n.mentions.count))
            for (k, _) in nodeAttributeKeys { if let v = n.attributes[k] { data("n." + k, v.description) } }
            out += "    </node>\n"
        }
        for e in g.edges {
            out += "    <edge id=\"\(XMLText.escape(e.id))\" source=\"\(XMLText.escape(e.source))\" target=\"\(XMLText.escape(e.target))\">\n"
            func data(_ key: String, _ value: String) { out += "      <data key=\"\(XMLText.escape(key))\">\(XMLText.escape(value))</data>\n" }
            data("relation", e.type.rawValue)
            data("elabel", e.type.rawValue)
            if !e.evidence.isEmpty { data("evidence", e.evidence.map(\.text).joined(separator: " | ")) }
            data("documents", Array(Set(e.evidence.map(\.document))).sorted().joined(separator: "; "))
            data("symmetric", e.type.isSymmetric ? "true" : "false")
            for (k, _) in edgeAttributeKeys { if let v = e.attributes[k] { data("e." + k, v.description) } }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    /// Attribute names with the narrowest GraphML type that holds every value seen.
    static func typedKeys(_ maps: [[String: AttributeValue]]) -> [(String, String)] {
        var kinds: [String: Set<String>] = [:]
        for m in maps {
            for (k, v) in m {
                let kind: String
                switch v {
                case .int: kind = "long"
                case .double: kind = "double"
                case .bool: kind = "boolean"
                case .string: kind = "string"
                }
                kinds[k, default: []].insert(kind)
            }
        }
        return kinds.keys.sorted().map { k in
            let set = kinds[k] ?? []
            if set.count == 1, let only = set.first { return (k, only) }
            if set == ["long", "double"] { return (k, "double") }
            return (k, "string")
        }
    }

}
