import ArgumentParser
import Foundation
import KnowledgeGraph
import Rendering
import Reports

/// The node a command-line name refers to, or a failure that lists a few names that exist.
/// The one place where the CLI turns a typed name into a node: the graph engine's
/// `NameResolver` (id, name or alias in any letter case and grammatical form, small
/// misspellings), with the closest candidates when the name is unknown or ambiguous.
func resolvePlace(_ name: String, in graph: Graph, file: String) throws -> Node {
    do {
        return try GraphQueries(graph: graph).node(named: name)
    } catch let error as QueryError {
        throw queryFailure(error, file: file)
    }
}

/// Appendix formats.
enum AppendixFormat: String, CaseIterable, ExpressibleByArgument {
    case md, html, csv, pdf
}

struct Appendix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a city's appendix: partners, visits, agreements, events, people, with sources.",
        discussion: """
        Every row is footnoted to the sentence and document it comes from. Files go to the \
        directory given with -o (default: the current directory), named after the city:
          md    CITY-appendix.md and, beside it, CITY-ego.svg (the diagram it shows)
          html  CITY-appendix.html, the diagram inline, prints on A4
          pdf   CITY-appendix.pdf, A4 pages for print, the diagram as vectors
          csv   CITY-partners.csv, CITY-visits.csv, CITY-agreements.csv, CITY-events.csv, CITY-people.csv
        For one city, -o may instead name the file: `-o omsk.html` writes the HTML appendix there \
        (the format is taken from the extension), `-o omsk.md` the Markdown one, its diagram beside it, \
        `-o omsk.pdf` the PDF.

        Examples:
          twingraph appendix омск -o omsk.html
          twingraph appendix омск --graph Graphs/graph.json --format html -o Graphs
          twingraph appendix --reporters --graph Graphs/graph.json --format md -o Graphs
        """)

    @Argument(help: "The city: name, alias or id (any letter case).")
    var city: String?

    @Flag(help: "Write the appendix of every reporting city (the documents' reporters) instead of one.")
    var reporters = false

    @OptionGroup var source: GraphSourceOptions

    @OptionGroup var facts: FactFilterOptions

    /// The graph's source as messages name it.
    var graph: String { source.label }

    @Option(help: "md, html, csv or pdf (default: from the -o file's extension, else md).")
    var format: AppendixFormat?

    @Option(name: .shortAndLong, help: "Output directory (created if missing), or for one city a file named .md, .html or .pdf.")
    var output: String = "."

    /// The extension of -o when it names an appendix file (.md, .html) rather than a directory.
    var fileExtension: String? {
        let ext = (output as NSString).pathExtension.lowercased()
        return ["md", "html", "pdf"].contains(ext) ? ext : nil
    }

    var chosenFormat: AppendixFormat { format ?? fileExtension.flatMap(AppendixFormat.init(rawValue:)) ?? .md }

    func validate() throws {
        if (city == nil) == !reporters {
            throw ValidationError("name one city, or pass --reporters for every reporting city (not both)")
        }
        if let ext = fileExtension {
            if reporters { throw ValidationError("--reporters writes one appendix per city; give a directory with -o, not \(output)") }
            if let format, format.rawValue != ext {
                throw ValidationError("-o \(output) names a .\(ext) file, but --format is \(format.rawValue)")
            }
        }
        if (output as NSString).pathExtension.lowercased() == "csv" || (chosenFormat == .csv && fileExtension != nil) {
            throw ValidationError("csv writes five files (partners, visits, agreements, events, people); give a directory with -o")
        }
    }

    func run() throws {
        let g = try source.load(filteredBy: facts)
        var nodes: [Node] = []
        if let city {
            nodes = [try resolvePlace(city, in: g, file: graph)]
        } else {
            let byID = g.nodesByID
            nodes = Set(g.documents.compactMap(\.reporter)).sorted().compactMap { byID[$0] }
            if nodes.isEmpty { printError("twingraph: \(graph) names no reporting city; nothing written") }
        }
        for node in nodes { try write(node, of: g) }
    }

    private func write(_ node: Node, of g: Graph) throws {
        let appendix: CityAppendix
        do {
            appendix = try CityAppendix(graph: g, cityID: node.id)
        } catch {
            throw CLIFailure(message: "\(graph): \(error)")
        }
        // -o omsk.html: that file, in its folder; else -o is the folder.
        let file = fileExtension.map { _ in (output as NSString).lastPathComponent }
        let folder = file == nil ? output : (output as NSString).deletingLastPathComponent
        let dir = URL(fileURLWithPath: folder.isEmpty ? "." : folder, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw CLIFailure(message: "cannot create directory \(dir.path): \(error.localizedDescription)")
        }
        var files: [(String, Data)] = []
        switch chosenFormat {
        case .md:
            let svgName = "\(appendix.slug)-ego.svg"
            files.append((svgName, Data(try egoSVG(g, node).utf8)))
            files.append((file ?? "\(appendix.slug)-appendix.md", Data(appendix.markdown(diagramFile: svgName).utf8)))
        case .html:
            files.append((file ?? "\(appendix.slug)-appendix.html", Data(appendix.html(svg: try egoSVG(g, node)).utf8)))
        case .csv:
            files += appendix.csvFiles().map { ($0.name, Data($0.contents.utf8)) }
        case .pdf:
            files.append((file ?? "\(appendix.slug)-appendix.pdf", try pdf(appendix, g, node)))
        }
        for (name, data) in files {
            let path = file == nil ? (output as NSString).appendingPathComponent(name) : (folder as NSString).appendingPathComponent(name)
            try writeOutput(data, to: path)
            printError("twingraph: wrote \(path)")
        }
    }

    private func pdf(_ appendix: CityAppendix, _ g: Graph, _ node: Node) throws -> Data {
        do {
            return try appendix.pdf(diagramPDF: try EgoDiagram.make(g, center: node.id).render(.pdf))
        } catch {
            throw CLIFailure(message: "\(graph): cannot write the PDF appendix of \(node.name): \(error)")
        }
    }

    private func egoSVG(_ g: Graph, _ node: Node) throws -> String {
        do {
            return try CityAppendix.egoSVG(graph: g, cityID: node.id)
        } catch {
            throw CLIFailure(message: "\(graph): cannot draw the diagram of \(node.name): \(error)")
        }
    }
}
