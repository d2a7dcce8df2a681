import Foundation
import Testing
import KnowledgeGraph
@testable import Rendering

@Suite struct TimelineTests {
    /// Ten yearly reports, each with fifteen dated visits to different places.
    static func tenYears() -> Graph {
        let span = Span(document: "d", start: 0, end: 1, text: "x")
        var nodes = [Node(id: "city/home", type: .city, name: "Родной город", mentions: [span])]
        var edges: [Edge] = []
        for year in 2010..<2020 {
            for k in 0..<15 {
                let id = "city/p\(year)-\(k)"
                nodes.append(Node(id: id, type: .city, name: "Город \(year)-\(k)", mentions: [span]))
                edges.append(Edge(type: .visited, source: "city/home", target: id,
                                  attributes: ["year": .int(year), "date": .string(String(format: "%d-%02d", year, 1 + k % 12))], evidence: [span]))
            }
        }
        return Graph(documents: [Document(id: "d", path: "d.txt", sha256: "0", reporter: "city/home")], nodes: nodes, edges: edges)
    }

    /// Ten years do not shrink onto one page: they go over several pages of three columns,
    /// each at a legible scale, and every fact is on exactly one page.
    @Test func tenYearsArePaginatedAndLegible() throws {
        let g = Self.tenYears()
        let pages = TimelineDiagram.pageCount(g, center: "city/home")
        #expect(pages > 1)
        var seen: [String: Int] = [:]
        for page in 1...pages {
            var o = TimelineDiagram.Options()
            o.page = page
            let svg = String(decoding: try TimelineDiagram.make(g, center: "city/home", options: o).render(.svg), as: UTF8.self)
            let scale = try #require(svg.firstMatch(of: /scale\(([0-9.]+)/).flatMap { Double($0.output.1) })
            #expect(scale >= 0.7, "page \(page) is scaled to \(scale)")
            #expect(svg.contains("страница \(page) из \(pages)"))
            for match in svg.matches(of: /визит: Родной город → (Город [0-9]+(?:-|&#45;)[0-9]+)/) { seen[String(match.output.1), default: 0] += 1 }
        }
        #expect(seen.count == 150)
        #expect(seen.values.allSatisfy { $0 == 1 })
        var beyond = TimelineDiagram.Options()
        beyond.page = pages + 1
        #expect(throws: DiagramError.self) { try TimelineDiagram.make(g, center: "city/home", options: beyond) }
    }

    /// A busy year flows on into further columns, its heading repeated, at a legible scale.
    @Test func busyYearFlowsIntoColumns() throws {
        var g = Self.tenYears()
        g.edges.removeAll { $0.attributes["year"]?.intValue != 2015 }
        for k in 15..<40 {
            let id = "city/x\(k)"
            g.nodes.append(Node(id: id, type: .city, name: "Ещё город \(k)"))
            g.edges.append(Edge(type: .visited, source: "city/home", target: id, attributes: ["year": .int(2015)]))
        }
        #expect(TimelineDiagram.pageCount(g, center: "city/home") == 1)
        let svg = String(decoding: try TimelineDiagram.make(g, center: "city/home").render(.svg), as: UTF8.self)
        #expect(svg.contains("продолжение"))
        let scale = try #require(svg.firstMatch(of: /scale\(([0-9.]+)/).flatMap { Double($0.output.1) })
        #expect(scale >= 0.7, "scaled to \(scale)")
    }
}
