import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import KnowledgeGraph

/// Collects what a GraphML reader needs: declared keys, nodes, edges, and every data reference.
final class GraphMLReader: NSObject, XMLParserDelegate {
    var keys: [String: (domain: String, name: String, type: String)] = [:]
    var nodes: [String] = []
    var edges: [(String, String)] = []
    var dataKeys: [String] = []
    var labels: [String] = []
    private var text = ""
    private var inLabel = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "key": keys[attributes["id"] ?? ""] = (attributes["for"] ?? "", attributes["attr.name"] ?? "", attributes["attr.type"] ?? "")
        case "node": nodes.append(attributes["id"] ?? "")
        case "edge": edges.append((attributes["source"] ?? "", attributes["target"] ?? ""))
        case "data":
            dataKeys.append(attributes["key"] ?? "")
            inLabel = attributes["key"] == "label"
            text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inLabel { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "data" && inLabel { labels.append(text); inLabel = false }
    }
}

@Suite struct ExportTests {
    @Test func graphMLParsesAsXMLWithEveryKeyDeclared() throws {
        var g = try Fixture.graph()
        // Characters XML must escape, and one it cannot carry at all.
        g.nodes[0].name = "A & B <\"C\"> \u{1}"
        let xml = GraphMLExporter.export(g)
        let reader = GraphMLReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(reader.nodes.count == g.nodes.count)
        #expect(reader.edges.count == g.edges.count)
        #expect(Set(reader.dataKeys).isSubset(of: Set(reader.keys.keys)))
        #expect(reader.keys["n.country"]?.type == "string")
        #expect(reader.keys["e.year"]?.type == "long")
        #expect(reader.labels.contains("A & B <\"C\"> "))
        let nodeIDs = Set(reader.nodes)
        #expect(reader.edges.allSatisfy { nodeIDs.contains($0.0) && nodeIDs.contains($0.1) })
    }

    @Test func neo4jFilesHaveTheImporterHeaders() throws {
        let g = try Fixture.graph()
        let files = Neo4jExporter.export(g)
        #expect(Set(files.keys) == ["nodes.csv", "relationships.csv", "import.cypher"])
        let nodes = try #require(files["nodes.csv"]).split(separator: "\n")
        #expect(nodes.first?.hasPrefix("\"id:ID\",\"name\"") == true)
        #expect(nodes.first?.contains("\":LABEL\"") == true)
        #expect(nodes.count == g.nodes.count + 1)
        #expect(nodes.contains { $0.contains("\"Entity;City\"") })
        let rels = try #require(files["relationships.csv"]).split(separator: "\n")
        #expect(rels.first?.hasPrefix("\":START_ID\",\":END_ID\",\":TYPE\"") == true)
        #expect(rels.count == g.edges.count + 1)
        #expect(rels.contains { $0.contains("\"TWINNED_WITH\"") })
        let cypher = try #require(files["import.cypher"])
        #expect(cypher.contains("CREATE CONSTRAINT entity_id"))
        #expect(cypher.contains("MERGE (a)-[r:PARTNER_OF"))
    }

    @Test func csvQuotesAndFlattens() {
        let g = Graph(nodes: [Node(id: "org/x", type: .organisation, name: "ООО \"Рога\"\nи копыта")])
        let csv = Neo4jExporter.export(g)["nodes.csv"] ?? ""
        #expect(csv.contains("\"ООО \"\"Рога\"\" и копыта\""))
    }
}
