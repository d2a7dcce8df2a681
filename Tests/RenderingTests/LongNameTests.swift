import Foundation
import Testing
import KnowledgeGraph
@testable import Rendering

@Suite struct LongNameTests {
    /// A name of ten million characters is cut for drawing: every picture renders at once, its
    /// SVG holds the first characters and an ellipsis, not the name; the graph keeps it whole.
    @Test func tenMillionCharacterNameIsCutInEveryPicture() throws {
        var g = try Fixture.graph()
        let long = "Кайфын" + String(repeating: "а", count: 10_000_000)
        let k = try #require(g.nodes.firstIndex { $0.id == "city/kaifeng" })
        g.nodes[k].name = long
        let path = try #require(g.edges.first { $0.source == "city/kaifeng" || $0.target == "city/kaifeng" })
        let diagrams: [(String, Diagram)] = [
            ("network", NetworkDiagram.make(g)),
            ("ego", try EgoDiagram.make(g, center: "city/omsk")),
            ("path", try PathDiagram.make(g, path: [path], from: "city/kaifeng")),
            ("map", MapDiagram.make(g)),
            ("timeline", try TimelineDiagram.make(g, center: "city/omsk")),
        ]
        let clock = ContinuousClock()
        for (name, diagram) in diagrams {
            var svg = Data()
            let took = try clock.measure { svg = try diagram.render(.svg) }
            #expect(took < .seconds(20), "\(name) took \(took)")
            #expect(svg.count < 2_000_000, "\(name): \(svg.count) bytes")
            let text = String(decoding: svg, as: UTF8.self)
            #expect(text.contains("Кайфын"), "\(name) lost the name")
            #expect(!text.contains(String(repeating: "а", count: DiagramText.longestDrawnName + 1)), "\(name) draws more than the cut name")
        }
        #expect(g.nodes[k].name.count == long.count)
        #expect(DiagramText.truncated(long).count == DiagramText.longestDrawnName)
        #expect(DiagramText.truncated(long).hasSuffix("…"))
        #expect(DiagramText.truncated("Омск") == "Омск")
    }
}
