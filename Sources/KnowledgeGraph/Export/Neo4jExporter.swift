import Foundation

/// Files for Neo4j's bulk importer (`neo4j-admin database import full`): `nodes.csv` and
/// `relationships.csv` with typed headers, and `import.cypher`, which creates the constraint and
/// indexes after a bulk import and can also load the same CSVs with `LOAD CSV` into a running
/// database. This is the way out for a graph that outgrows one machine.
public enum Neo4jExporter {
    /// File name → contents.
    public static func export(_ graph: Graph) -> [String: String] {
        let g = graph.sorted()
        let nodeKeys = GraphMLExporter.typedKeys(g.nodes.map(\.attributes)).filter { !["id", "name", "type", "aliases"].contains($0.0) }
        let edgeKeys = GraphMLExporter.typedKeys(g.edges.map(\.attributes)).filter { !["id", "evidence", "documents"].contains($0.0) }

        var nodes = [["id:ID", "name", "type", "aliases:string[]", "mentions:int"]
            + nodeKeys.map { "\($0.0):\(neo4jType($0.1))" } + [":LABEL"]]
        for n in g.nodes {
            nodes.append([n.id, n.name, n.type.rawValue, n.aliases.joined(separator: ";"), String(n.mentions.count)]
                + nodeKeys.map { n.attributes[$0.0]?.description ?? "" }
                + ["Entity;" + label(n.type)])
        }
        var rels = [[":START_ID", ":END_ID", ":TYPE", "id", "evidence:string[]", "documents:string[]"]
            + edgeKeys.map { "\($0.0):\(neo4jType($0.1))" }]
        for e in g.edges {
            rels.append([e.source, e.target, relationshipType(e.type), e.id,
                         e.evidence.map { $0.text.replacingOccurrences(of: ";", with: ",") }.joined(separator: ";"),
                         Array(Set(e.evidence.map(\.document))).sorted().joined(separator: ";")]
                + edgeKeys.map { e.attributes[$0.0]?.description ?? "" })
        }
        return [
            "nodes.csv": csv(nodes),
            "relationships.csv": csv(rels),
            "import.cypher": cypher(graph: g, nodeKeys: nodeKeys, edgeKeys: edgeKeys),
        ]
    }

    /// Neo4j's convention for labels: one capitalised word per node type.
    static func label(_ t: NodeType) -> String { t.rawValue.prefix(1).uppercased() + t.rawValue.dropFirst() }

    /// Neo4j's convention for relationship types: upper case with underscores.
    static func relationshipType(_ t: EdgeType) -> String { t.rawValue.uppercased().replacingOccurrences(of: "-", with: "_") }

    static func neo4jType(_ graphML: String) -> String {
        switch graphML {
        case "long": return "long"
        case "double": return "double"
        case "boolean": return "boolean"
        default: return "string"
        }
    }

    /// RFC 4180: every field quoted, quotes doubled, CRLF-free (newlines inside fields are kept
    /// quoted, which the importer accepts with --multiline-fields; evidence has none after
    /// flattening).
    static func csv(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { field in
                let flat = field.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
                return "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    static func cypher(graph: Graph, nodeKeys: [(String, String)], edgeKeys: [(String, String)]) -> String {
        func convert(_ field: String, _ type: String) -> String {
            switch type {
            case "long": return "toInteger(\(field))"
            case "double": return "toFloat(\(field))"
            case "boolean": return "toBoolean(\(field))"
            default: return field
            }
        }
        var out = """
        // TwinGraph export for Neo4j 5.
        //
        // Bulk import into a new, stopped database (fastest; the CSVs' headers carry the types):
        //   neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j
        // then run the first block below (constraint and indexes) in cypher-shell.
        //
        // Or load into a running database: copy the CSVs into its import/ folder and run this
        // whole file: cypher-shell -f import.cypher

        CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
        CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
        CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type);


        """
        for t in NodeType.allCases where graph.nodes.contains(where: { $0.type == t }) {
            var sets = ["n.name = row.name", "n.type = row.type",
                        "n.aliases = CASE WHEN row.`aliases:string[]` = '' THEN [] ELSE split(row.`aliases:string[]`, ';') END",
                        "n.mentions = toInteger(row.`mentions:int`)"]
            for (k, type) in nodeKeys {
                let field = "row.`\(k):\(neo4jType(type))`"
                sets.append("n.`\(k)` = CASE WHEN \(field) = '' THEN null ELSE \(convert(field, type)) END")
            }
            out += """
            LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
            WITH row WHERE row.type = '\(t.rawValue)'
            MERGE (n:Entity:\(label(t)) {id: row.`id:ID`})
            SET \(sets.joined(separator: ",\n    "));


            """
        }
        for t in EdgeType.allCases where graph.edges.contains(where: { $0.type == t }) {
            var sets = ["r.evidence = split(row.`evidence:string[]`, ';')", "r.documents = split(row.`documents:string[]`, ';')"]
            for (k, type) in edgeKeys {
                let field = "row.`\(k):\(neo4jType(type))`"
                sets.append("r.`\(k)` = CASE WHEN \(field) = '' THEN null ELSE \(convert(field, type)) END")
            }
            out += """
            LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
            WITH row WHERE row.`:TYPE` = '\(relationshipType(t))'
            MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
            MERGE (a)-[r:\(relationshipType(t)) {id: row.id}]->(b)
            SET \(sets.joined(separator: ",\n    "));


            """
        }
        return out
    }
}
