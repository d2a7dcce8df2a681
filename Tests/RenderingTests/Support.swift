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

extension LaidOut {
    /// The edges of a laid-out graph with points along their splines (Graphviz's pos
    /// "e,x,y s,x,y p0 p1 … p3n": cubic Béziers), sampled 20 times a piece.
    static func edgeCurves(_ dotOutput: String) -> [(source: String, target: String, points: [(Double, Double)])] {
        var out: [(String, String, [(Double, Double)])] = []
        for statement in dotOutput.components(separatedBy: "];") {
            let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let bracket = trimmed.firstIndex(of: "["), trimmed[..<bracket].contains("->"),
                  let pos = trimmed[bracket...].firstMatch(of: /[\[,\s]pos="([^"]*)"/)?.output.1 else { continue }
            let ends = trimmed[..<bracket].components(separatedBy: "->").map { $0.trimmingCharacters(in: .whitespaces) }
            let controls = pos.replacingOccurrences(of: "\\\n", with: "").split(separator: " ")
                .filter { !$0.hasPrefix("e,") && !$0.hasPrefix("s,") }
                .compactMap { token -> (Double, Double)? in
                    let xy = token.split(separator: ",").compactMap { Double($0) }
                    return xy.count == 2 ? (xy[0], xy[1]) : nil
                }
            var samples: [(Double, Double)] = []
            var k = 0
            while k + 3 < controls.count {
                let (p0, p1, p2, p3) = (controls[k], controls[k + 1], controls[k + 2], controls[k + 3])
                for i in 0...20 {
                    let t = Double(i) / 20, u = 1 - t
                    let (a, b, c, d): (Double, Double, Double, Double) = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
                    let x: Double = a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0
                    let y: Double = a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1
                    samples.append((x, y))
                }
                k += 3
            }
            out.append((ends[0], ends.count > 1 ? ends[1] : "", samples))
        }
        return out
    }

    /// (edge, node) pairs where the edge's curve passes through a node (its ellipse less 2
    /// points all round) that is neither of its ends; as scripts/count-crossings.py counts.
    static func crossings(_ dotOutput: String, nodes: Set<String>) -> Int {
        let boxes = Self.boxes(dotOutput).filter { nodes.contains($0.id) }
        var count = 0
        for edge in edgeCurves(dotOutput) {
            for b in boxes where b.id != edge.source && b.id != edge.target {
                let (rx, ry) = (b.w / 2 - 2, b.h / 2 - 2)
                if edge.points.contains(where: { p in
                    let (u, v) = ((p.0 - b.x) / rx, (p.1 - b.y) / ry)
                    return u * u + v * v < 1
                }) { count += 1 }
            }
        }
        return count
    }
}
