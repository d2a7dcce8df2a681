import ArgumentParser
import Foundation
import KnowledgeGraph

enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case json, graphml, neo4j
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the stored graph as graph JSON, GraphML, or Neo4j import files.",
        discussion: """
        json: the graph interchange format (sorted, byte-stable). graphml: for Gephi, yEd, \
        Cytoscape. neo4j: nodes.csv, relationships.csv and import.cypher written into the folder \
        given with -o, for `neo4j-admin database import full`. Facts corrected by hand \
        (`twingraph correct`) carry a "corrected" attribute saying what was changed.

        Examples:
          twingraph export > graph.json
          twingraph export --format graphml -o graph.graphml
          twingraph export --format neo4j -o neo4j-import/
        """
    )

    @OptionGroup var source: GraphSourceOptions

    @OptionGroup var facts: FactFilterOptions

    @Option(help: Vocabulary.viaHelp("Export only facts of these relations"))
    var via: String?

    @Option(help: Vocabulary.typeHelp("Export only nodes of these types"))
    var type: String?

    @Option(help: "json, graphml or neo4j.")
    var format: ExportFormat = .json

    @Option(name: .shortAndLong, help: "Output file (a folder for neo4j). Default: standard output.")
    var output: String?

    func validate() throws {
        if format == .neo4j && (output == nil || output == "-") {
            throw ValidationError("--format neo4j writes three files; pass a folder with -o DIR")
        }
    }

    func run() throws {
        try Output.refuseOverwriting(source.inputs, with: output)
        let graph = try source.load(filteredBy: facts, relations: try parseRelations(via), nodeTypes: try parseNodeTypes(type))
        switch format {
        case .json:
            try writeOutput(try GraphJSON.encode(graph), to: output)
        case .graphml:
            try writeOutput(Data(GraphMLExporter.export(graph).utf8), to: output)
        case .neo4j:
            guard let dir = output else { return }
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw CLIFailure(message: "cannot create \(dir): \(error.localizedDescription)")
            }
            for (name, text) in Neo4jExporter.export(graph).sorted(by: { $0.key < $1.key }) {
                try writeOutput(Data(text.utf8), to: (dir as NSString).appendingPathComponent(name))
            }
        }
    }
}
