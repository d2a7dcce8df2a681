import Foundation
import Testing
import KnowledgeGraph
@testable import Rendering

@Suite struct MapTests {
    @Test func outlinesResourceHoldsTheWorld() {
        let rings = WorldOutlines.rings
        #expect(rings.count > 200, "only \(rings.count) country rings loaded")
        let codes = Set(rings.map(\.country))
        for code in ["RU", "CN", "DE", "JP", "US", "KR"] { #expect(codes.contains(code), "no outline for \(code)") }
    }

    @Test func clippingKeepsOnlyThePartInsideThePanel() {
        let panel = MapPanel(minLon: 0, maxLon: 10, minLat: 0, maxLat: 10, width: 1, height: 1)
        // A square from (5,5) to (15,15): a quarter lies inside.
        let clipped = panel.clip([(5, 5), (15, 5), (15, 15), (5, 15), (5, 5)])
        #expect(!clipped.isEmpty)
        #expect(clipped.allSatisfy { $0.x >= -1e-9 && $0.x <= panel.width + 1e-9 && $0.y >= -1e-9 && $0.y <= panel.height + 1e-9 })
        #expect(clipped.contains { abs($0.x - panel.width) < 1e-9 }, "the cut along the right side is missing")
        #expect(panel.clip([(20, 20), (30, 20), (30, 30), (20, 20)]).isEmpty)
    }

    /// Country outlines are drawn as SVG paths under the places, in the same coordinates: the
    /// dot of a place lies on land.
    @Test func mapDrawsCountryOutlinesUnderThePlaces() throws {
        let g = try Fixture.graph()
        let svg = String(decoding: try MapDiagram.make(g).render(.svg), as: UTF8.self)
        let land = svg.matches(of: /<path fill="#f3f1ea"/).count
        #expect(land > 50, "only \(land) country outlines drawn")
        // Omsk's dot (the reporter: thick outline) sits inside the outline of Russia.
        let laidOut = String(decoding: try MapDiagram.make(g).render(.dot), as: UTF8.self)
        let omskID = try #require(MapDiagram.make(g).dot.nodes.first { n in
            n.id.hasPrefix("p") && n.attributes.contains { $0.0 == "tooltip" && $0.1.plain == "Омск" } }?.id)
        let omsk = try #require(LaidOut.boxes(laidOut).first { $0.id == omskID })
        let panel = try #require(MapDiagram.layout(MapDiagram.places(in: g.sorted(), pairs: PlacePair.all(in: g.sorted(), includeVisits: true),
                                                                       reporters: g.diagramReporters).located, options: .init()).first)
        let russia = WorldOutlines.rings.filter { $0.country == "RU" }.map { panel.clip($0.points) }
        #expect(russia.contains { Self.contains($0, x: omsk.x / 72, y: omsk.y / 72) }, "Omsk's dot is not on Russia")
    }

    @Test func placesWithoutCoordinatesAreListedWithTheReason() throws {
        let g = Graph(documents: [Document(id: "d", path: "d.txt", sha256: "0", reporter: "city/a")], nodes: [
            Node(id: "city/a", type: .city, name: "Первоград", attributes: ["lat": .double(55), "lon": .double(73)]),
            Node(id: "city/b", type: .city, name: "Безвестный"),
            Node(id: "region/c", type: .region, name: "Краевая область"),
        ], edges: [
            Edge(type: .twinnedWith, source: "city/a", target: "city/b"),
            Edge(type: .partnerOf, source: "city/a", target: "region/c"),
        ])
        let svg = String(decoding: try MapDiagram.make(g).render(.svg), as: UTF8.self)
        #expect(svg.contains("нет в справочнике мест (GeoNames) — Безвестный"))
        #expect(svg.contains("регионы (область, а не точка) — Краевая область"))
    }

    /// The map places every node itself: another layout engine is refused with a message, its
    /// own (neato) draws the same picture.
    @Test func anotherLayoutIsRefused() throws {
        let d = MapDiagram.make(try Fixture.graph())
        #expect(throws: RenderError.self) { try d.render(.svg, layout: .fdp) }
        #expect(try d.render(.svg, layout: .neato) == d.render(.svg))
    }

    /// Even-odd ray casting.
    static func contains(_ polygon: [(x: Double, y: Double)], x: Double, y: Double) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in polygon.indices {
            let (a, b) = (polygon[i], polygon[j])
            if (a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
            j = i
        }
        return inside
    }
}
