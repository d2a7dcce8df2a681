import Foundation
import FoundationXML
import Testing
import KnowledgeGraph
@testable import Rendering

/// Names that try to break out of DOT quoting, labels or markup.
let hostileNames = [
    #"x"]; a -> b; ""#, "«Породнённые «города»»", "<b>&amp;</b>", #"back\slash\N\G"#, "line\nbreak",
    "</text><script>alert(1)</script>", "Омск",
]

func hostileGraph() -> Graph {
    let nodes = hostileNames.enumerated().map { k, name in
        Node(id: "city/h\(k)", type: .city, name: name)
    }
    let edges = (1..<nodes.count).map { k in
        Edge(type: .partnerOf, source: nodes[0].id, target: nodes[k].id)
    }
    return Graph(nodes: nodes, edges: edges)
}

func svgNodeCount(_ svg: String) -> Int {
    svg.components(separatedBy: "class=\"node\"").count - 1
}

@Suite struct DOTEscapingTests {
    @Test func quoteEscapesEverythingThatCouldEndAString() {
        #expect(DOTValue.quote(#"a"b"#) == #""a\"b""#)
        #expect(DOTValue.quote(#"a\N"#) == #""a\\N""#)
        #expect(DOTValue.quote("a\nb") == #""a\nb""#)
    }

    @Test func hostileNamesStaySingleNodesWithTheirExactLabels() throws {
        let g = hostileGraph()
        var options = GraphStyle.Options()
        options.legend = false
        let svg = String(decoding: try Graphviz.render(dot: GraphStyle.dotGraph(for: g, options: options).render(),
                                                       layout: .dot, format: .svg), as: UTF8.self)
        #expect(svgNodeCount(svg) == hostileNames.count)
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == hostileNames.count - 1)
        let doc = try XMLDocument(data: Data(svg.utf8))
        let texts = try doc.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(texts.contains(#"x"]; a -> b; ""#))
        #expect(texts.contains("«Породнённые «города»»"))
        #expect(texts.contains("<b>&amp;</b>"))
        #expect(texts.contains(#"back\slash\N\G"#))
        #expect(texts.contains("</text><script>alert(1)</script>"))
        #expect(!svg.contains("<script>"))
    }
}

@Suite struct FormatAndLayoutTests {
    let dot = GraphStyle.dotGraph(for: hostileGraph()).render()

    @Test func svgParsesAsXMLAndHoldsCyrillic() throws {
        let data = try Graphviz.render(dot: dot, layout: .sfdp, format: .svg)
        _ = try XMLDocument(data: data)
        #expect(String(decoding: data, as: UTF8.self).contains("Омск"))
    }

    @Test func pngHasMagicBytesAndSize() throws {
        let data = try Graphviz.render(dot: dot, layout: .dot, format: .png)
        #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(data.count > 2000)
    }

    @Test func pdfHasMagicBytesAndSize() throws {
        let data = try Graphviz.render(dot: dot, layout: .dot, format: .pdf)
        #expect(String(decoding: data.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(data.count > 1000)
    }

    @Test func dotFormatCarriesPositions() throws {
        let text = String(decoding: try Graphviz.render(dot: dot, layout: .neato, format: .dot), as: UTF8.self)
        #expect(text.contains("pos="))
    }

    @Test(arguments: Layout.allCases)
    func everyLayoutRenders(layout: Layout) throws {
        let svg = String(decoding: try Graphviz.render(dot: dot, layout: layout, format: .svg), as: UTF8.self)
        #expect(svgNodeCount(svg) == hostileNames.count + 1)  // + legend
    }

    @Test func formatFromExtension() {
        #expect(OutputFormat(fileName: "a/b.PNG") == .png)
        #expect(OutputFormat(fileName: "x.gv") == .dot)
        #expect(OutputFormat(fileName: "x.txt") == nil)
    }

    @Test func invalidDOTBecomesAnErrorWithGraphvizMessage() {
        #expect {
            try Graphviz.render(dot: "digraph { a -> ; }", layout: .dot, format: .svg)
        } throws: { error in
            guard case let RenderError.parse(messages) = error else { return false }
            return messages.joined().contains("syntax error")
        }
    }

    @Test func labelErrorsAreNotSwallowed() {
        #expect(throws: RenderError.self) {
            try Graphviz.render(dot: "digraph { a [label=<<B>unclosed>]; }", layout: .dot, format: .svg)
        }
    }

    @Test func largeGraphRendersWithSfdp() throws {
        var rng = SeededGenerator(seed: 7)
        let n = 2000
        let nodes = (0..<n).map { Node(id: "city/c\($0)", type: .city, name: "Город \($0)") }
        var edges: [Edge] = []
        var seen = Set<String>()
        while edges.count < 3000 {
            let a = Int(rng.next() % UInt64(n)), b = Int(rng.next() % UInt64(n))
            guard a != b else { continue }
            let e = Edge(type: .partnerOf, source: nodes[a].id, target: nodes[b].id)
            if seen.insert(e.id).inserted { edges.append(e) }
        }
        var options = GraphStyle.Options()
        options.legend = false
        let svg = String(decoding: try Graphviz.render(
            dot: GraphStyle.dotGraph(for: Graph(nodes: nodes, edges: edges), options: options).render(),
            layout: .sfdp, format: .svg), as: UTF8.self)
        #expect(svgNodeCount(svg) == n)
    }
}

