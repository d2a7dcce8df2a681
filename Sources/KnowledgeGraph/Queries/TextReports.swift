/// Plain-text renderings of the query reports, for a terminal: one fact a line, evidence
/// quoted beneath the relation it proves.
public enum TextReports {
    static func label(_ n: NodeRef) -> String { "\(n.name) [\(n.type.rawValue)]" }

    static func relationLine(_ r: RelationRef) -> String {
        var parts = [r.type.rawValue]
        if let s = r.status { parts.append(s) }
        if let role = r.role { parts.append(role) }
        if let since = r.since { parts.append("since \(since)") }
        if let when = r.when { parts.append(when) }
        if let corrected = r.corrected { parts.append("corrected by hand: \(corrected)") }
        return parts.joined(separator: ", ")
    }

    static func evidenceLines(_ r: RelationRef, indent: String) -> [String] {
        r.evidence.map { "\(indent)«\(oneLine($0.text))» (\($0.document) \($0.start)–\($0.end))" }
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
    }

    /// A title on one line, cut to 60 characters with an ellipsis, for a table cell.
    public static func oneLineTitle(_ s: String) -> String {
        let line = oneLine(s)
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    public static func path(_ r: PathReport, names: [String: String]) -> String {
        var out: [String] = []
        let via = r.via.map { " via " + $0.map(\.rawValue).joined(separator: ",") } ?? ""
        guard !r.paths.isEmpty else {
            let hops = r.maxHops.map { " within \($0) hops" } ?? ""
            return "No path from \(r.from.name) to \(r.to.name)\(via)\(hops).\n"
        }
        out.append("\(r.from.name) → \(r.to.name)\(via): \(r.paths.count) path\(r.paths.count == 1 ? "" : "s")")
        for (k, p) in r.paths.enumerated() {
            out.append("")
            out.append("Path \(k + 1) (\(p.length) hop\(p.length == 1 ? "" : "s")): " + p.nodes.map(\.name).joined(separator: " — "))
            for (i, hop) in p.hops.enumerated() {
                out.append("  \(i + 1). \(p.nodes[i].name) — \(p.nodes[i + 1].name)")
                for rel in hop.relations {
                    let arrow = rel.type.isSymmetric ? "↔" : (rel.source == hop.from ? "→" : "←")
                    let stated = rel.type.isSymmetric ? "↔" : "→"
                    out.append("     \(arrow) \(relationLine(rel))  [\(names[rel.source] ?? rel.source) \(stated) \(names[rel.target] ?? rel.target)]")
                    out += evidenceLines(rel, indent: "       ")
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func neighbourhood(_ r: NeighbourhoodReport) -> String {
        var out = ["\(r.center.name): \(r.nodes.count - 1) node\(r.nodes.count == 2 ? "" : "s") within \(r.depth) hop\(r.depth == 1 ? "" : "s"), \(r.edges.count) edges"]
        var current = -1
        for m in r.nodes where m.distance > 0 {
            if m.distance != current { current = m.distance; out.append("distance \(current):") }
            out.append("  \(label(m.node))  \(m.node.id)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func partners(_ r: PartnersReport) -> String {
        guard !r.partners.isEmpty else { return "\(r.node.name) has no partners in the graph.\n" }
        var rows: [[String]] = [["partner", "country", "relation", "since", "dates", "documents"]]
        for p in r.partners {
            let rels = Array(Set(p.relations.map { relation in
                [relation.type.rawValue, relation.status, relation.corrected.map { "(corrected by hand: \($0))" }].compactMap { $0 }.joined(separator: " ")
            })).sorted()
            let since = Array(Set(p.relations.compactMap(\.since))).sorted().map(String.init)
            let dates = Array(Set(p.relations.compactMap(\.when))).sorted()
            rows.append([p.node.name, p.country ?? "", rels.joined(separator: "; "), since.joined(separator: ", "),
                         dates.joined(separator: ", "), p.documents.joined(separator: ", ")])
        }
        return "Partners of \(r.node.name) (\(r.partners.count)):\n" + table(rows)
    }

    public static func common(_ r: CommonReport) -> String {
        guard !r.common.isEmpty else { return "\(r.first.name) and \(r.second.name) share no neighbours.\n" }
        var rows: [[String]] = [["shared", "type", "with " + r.first.name, "with " + r.second.name]]
        for s in r.common {
            rows.append([s.node.name, s.node.type.rawValue, s.withFirst.map(relationLine).joined(separator: "; "),
                         s.withSecond.map(relationLine).joined(separator: "; ")])
        }
        return "\(r.first.name) and \(r.second.name) share \(r.common.count):\n" + table(rows)
    }

    public static func rank(_ r: RankReport) -> String {
        var rows: [[String]] = [["#", "node", "type", r.measure.rawValue]]
        for e in r.entries {
            let score = r.measure == .degree ? String(Int(e.score)) : formatScore(e.score)
            rows.append([String(e.rank), e.node.name, e.node.type.rawValue, score])
        }
        return table(rows)
    }

    static func formatScore(_ x: Double) -> String {
        let scaled = (x * 1_000_000).rounded() / 1_000_000
        return String(scaled)
    }

    public static func components(_ r: ComponentsReport) -> String {
        var out = ["\(r.count) component\(r.count == 1 ? "" : "s")"]
        for (k, c) in r.components.enumerated() {
            // Places first: they are what a reader recognises a component by.
            let ordered = c.nodes.filter { $0.type.isPlace } + c.nodes.filter { !$0.type.isPlace }
            let shown = ordered.prefix(12).map(\.name).joined(separator: ", ")
            out.append("  \(k + 1). \(c.size) node\(c.size == 1 ? "" : "s"): \(shown)\(c.size > 12 ? ", …" : "")")
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func timeline(_ r: TimelineReport) -> String {
        var out = ["Timeline of \(r.node.name):"]
        for y in r.years {
            out.append(y.year.map(String.init) ?? "undated")
            for f in y.facts {
                let arrow = f.direction == "both" ? "↔" : (f.direction == "out" ? "→" : "←")
                out.append("  \(arrow) \(relationLine(f.relation)) \(f.other.name)")
                out += evidenceLines(f.relation, indent: "      ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func stats(_ r: StatsReport) -> String {
        var out = ["documents: \(r.documents)", "nodes: \(r.nodes)", "edges: \(r.edges)",
                   "mentions: \(r.mentions)", "evidence spans: \(r.evidence)"]
        out.append("nodes by type: " + r.nodesByType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        out.append("edges by type: " + r.edgesByType.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        out.append("components: \(r.components) (largest \(r.largestComponent) nodes, \(r.isolatedNodes) isolated)")
        out.append("average degree: \(formatScore(r.averageDegree))")
        out.append("hubs: " + r.hubs.map { "\($0.node.name) (\(Int($0.score)))" }.joined(separator: ", "))
        return out.joined(separator: "\n") + "\n"
    }

    /// Left-aligned columns separated by two spaces; widths counted in characters.
    public static func table(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in
                i == r.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
