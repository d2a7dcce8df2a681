import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KnowledgeGraph
@testable import Rendering

/// The hand-built Omsk 2019 (+ Blagoveshchensk 2011) graph shared with ReportsTests.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let url = root.appendingPathComponent("Tests/ReportsTests/Fixtures/omsk-2019-graph.json")

    static func graph() throws -> Graph { try GraphJSON.read(contentsOf: url) }
    /// Two years of Omsk (the 2019 graph and a synthetic 2020 report naming the same partners).
    static func twoYears() throws -> Graph {
        try GraphJSON.read(contentsOf: root.appendingPathComponent("Tests/ReportsTests/Fixtures/omsk-2019-2020-graph.json"))
    }

    /// A graph whose names try every trick: markup, DOT syntax, path traversal, quotes, newlines.
    static func hostile() -> Graph {
        let span = Span(document: "evil", start: 0, end: 1, text: "<script>alert('x')</script>")
        let names = [
            "city/evil": "<script>alert(\"x\")</script>",
            "city/dot": "x\"]; a -> b; \"",
            "city/path": "../../x",
            "city/amp": "A & B «» \\N \\G\nnewline",
            "country/zz": "<b>Страна</b>",
        ]
        let nodes = names.sorted { $0.key < $1.key }.map { id, name in
            Node(id: id, type: id.hasPrefix("country") ? .country : .city, name: name, aliases: [name],
                 attributes: ["country": "ZZ", "lat": .double(50), "lon": .double(id.count % 2 == 0 ? 10 : 20)],
                 mentions: [span])
        }
        let edges = [
            Edge(type: .twinnedWith, source: "city/evil", target: "city/dot", attributes: ["since": 2001, "year": 2019], evidence: [span]),
            Edge(type: .partnerOf, source: "city/evil", target: "city/path", attributes: ["status": "planned", "year": 2019], evidence: [span]),
            Edge(type: .visited, source: "city/amp", target: "city/evil", attributes: ["date": "2019-05"], evidence: [span]),
            Edge(type: .locatedIn, source: "city/evil", target: "country/zz", evidence: [span]),
        ]
        return Graph(documents: [Document(id: "evil", path: "../../evil.txt", sha256: "00", reporter: "city/evil", year: 2019)],
                     nodes: nodes, edges: edges)
    }

    /// Parses XML, returning the error if it is not well-formed.
    static func parseXML(_ data: Data) -> Error? {
        do {
            _ = try XMLDocument(data: data, options: [])
            return nil
        } catch {
            return error
        }
    }
}

/// Node boxes of a laid-out graph, read from Graphviz's `dot` output (pos/width/height), in points.
enum LaidOut {
    struct Box {
        var id: String
        var x, y, w, h: Double
        func overlaps(_ o: Box, slack: Double = 0.5) -> Bool {
            abs(x - o.x) * 2 < (w + o.w) - slack && abs(y - o.y) * 2 < (h + o.h) - slack
        }
    }

    static func boxes(_ dotOutput: String) -> [Box] {
        var boxes: [Box] = []
        for statement in dotOutput.components(separatedBy: "];") {
            let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let bracket = trimmed.firstIndex(of: "[") else { continue }
            let head = trimmed[..<bracket].trimmingCharacters(in: .whitespacesAndNewlines)
            // Node statements only: no edge operator, not a default or subgraph line.
            guard !head.isEmpty, !head.contains("->"), !head.contains("--"), !head.contains("{"), !head.contains("}"),
                  !["node", "edge", "graph"].contains(head) else { continue }
            let body = String(trimmed[bracket...])
            func value(_ key: String) -> String? {
                guard let r = body.range(of: "(?<![A-Za-z_])\(key)=(\"[^\"]*\"|[^,\\]\\s]+)", options: .regularExpression) else { return nil }
                return String(body[r].dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            guard let pos = value("pos"), let w = value("width").flatMap(Double.init), let h = value("height").flatMap(Double.init) else { continue }
            let xy = pos.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "!"))) }
            guard xy.count >= 2 else { continue }
            boxes.append(Box(id: head, x: xy[0], y: xy[1], w: w * 72, h: h * 72))
        }
        return boxes
    }

    /// Pairs of boxes that overlap (ignoring ids for which `ignore` is true).
    static func overlaps(_ boxes: [Box], ignore: (String) -> Bool = { _ in false }) -> [(String, String)] {
        let kept = boxes.filter { !ignore($0.id) && $0.w > 0.5 && $0.h > 0.5 }
        var out: [(String, String)] = []
        for i in kept.indices { for j in kept.indices where j > i && kept[i].overlaps(kept[j]) { out.append((kept[i].id, kept[j].id)) } }
        return out
    }
}
