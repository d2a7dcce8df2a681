import Foundation
import KnowledgeGraph

/// The facts about one place, year by year: a column per year from left to right, each fact a
/// card coloured by its relation. Years with many facts spill into several columns so the page
/// stays within A4 height.
public enum TimelineDiagram {
    public struct Options: Sendable {
        public var title: String?
        /// Facts per column before a year spills into the next column.
        public var perColumn = 16
        public init() {}
    }

    /// One card on the timeline.
    public struct Fact: Sendable, Equatable {
        public var year: Int
        /// The date as precise as the graph says it (ISO), for ordering and the card's first line.
        public var date: String
        public var type: EdgeType
        public var text: String
    }

    /// The dated facts about `center`, year by year; in a year, facts with a month or day in
    /// date order, then those known only by the year, each by relation and text.
    ///
    /// Over several yearly reports the same relation is reported every year; it is one fact:
    /// "установлены побратимские связи" in the year it began when the graph says so, else
    /// "побратимы: X" once, in the first year reported, with the later years in brackets. A
    /// fact known only by its year is left out when the same fact is there with a date (the
    /// visit of August 2019 mentioned twice, once without its month).
    public static func facts(_ graph: Graph, center: String) -> [Fact] {
        let byID = graph.nodesByID
        let centerName = byID[center]?.name ?? center
        func name(_ id: String) -> String { byID[id]?.name ?? id }
        var facts: [Fact] = []
        // (relation type, planned, partner) → the years it was reported in
        var reported: [String: (type: EdgeType, text: String, years: Set<Int>)] = [:]
        var began: Set<String> = []
        for edge in graph.diagramEdges(touching: center) {
            let otherID = edge.diagramOther(than: center)
            let other = name(otherID)
            if edge.diagramIsPartnership {
                let key = "\(edge.type.rawValue)|\(edge.diagramIsPlanned)|\(otherID)"
                if let since = edge.attributes["since"]?.intValue {
                    let what = edge.type == .twinnedWith ? "установлены побратимские связи" : "установлено партнёрство"
                    facts.append(Fact(year: since, date: String(since), type: edge.type, text: "\(what): \(other)"))
                    began.insert(key)
                }
                guard let year = edge.year else { continue }
                let text: String
                if edge.type == .twinnedWith {
                    text = edge.diagramIsPlanned ? "планируются побратимские связи: \(other)" : "побратимы: \(other)"
                } else {
                    text = edge.diagramIsPlanned ? "планируется партнёрство: \(other)" : "партнёры: \(other)"
                }
                reported[key, default: (edge.type, text, [])].years.insert(year)
                continue
            }
            guard let year = edge.year, let date = DiagramText.when(edge) else { continue }
            let text: String
            switch edge.type {
            case .twinnedWith, .partnerOf: continue
            case .visited: text = "визит: \(name(edge.source)) → \(name(edge.target))"
            case .signed: text = edge.source == center ? "подписано: \(other)" : "подписал(а) \(name(edge.source)): \(centerName)"
            case .participatedIn:
                text = edge.source == center ? "участие: \(other)" : "участник: \(name(edge.source))"
            case .heldIn: text = edge.source == center ? "место: \(other)" : "проведено здесь: \(other)"
            case .memberOf: text = "членство: \(name(edge.source)) → \(name(edge.target))"
            case .locatedIn: text = "находится в: \(name(edge.target))"
            case .holdsOffice:
                let role = edge.attributes["role"]?.stringValue ?? "должность"
                text = "\(role): \(name(edge.source))"
            }
            facts.append(Fact(year: year, date: date, type: edge.type, text: text))
        }
        for (key, r) in reported where !began.contains(key) {
            guard let first = r.years.min() else { continue }
            let later = r.years.filter { $0 != first }
            let text = later.isEmpty ? r.text : "\(r.text) (также \(YearList.text(later)))"
            facts.append(Fact(year: first, date: String(first), type: r.type, text: text))
        }
        let dated = Set(facts.filter { !isYearOnly($0) }.map { "\($0.year)|\($0.type.rawValue)|\($0.text)" })
        var seen = Set<String>()
        return facts
            .filter { !isYearOnly($0) || !dated.contains("\($0.year)|\($0.type.rawValue)|\($0.text)") }
            .sorted { ($0.year, isYearOnly($0) ? 1 : 0, $0.date, $0.type, $0.text) < ($1.year, isYearOnly($1) ? 1 : 0, $1.date, $1.type, $1.text) }
            .filter { seen.insert("\($0.date)|\($0.type.rawValue)|\($0.text)").inserted }
    }

    /// A fact known only by its year (no month): it goes after the dated facts of that year.
    static func isYearOnly(_ fact: Fact) -> Bool { fact.date == String(fact.year) }

    public static func make(_ graph: Graph, center: String, options: Options = Options()) throws -> Diagram {
        let g = graph.sorted().namesTruncatedForDrawing()
        guard let node = g.nodesByID[center] else { throw DiagramError.unknownNode(center) }
        let facts = facts(g, center: center)
        let years = Set(facts.map(\.year)).sorted()
        var dot = DOTGraph(directed: true)
        dot.graphAttributes = Page.attributes(landscape: false) + [
            ("rankdir", "TB"), ("nodesep", "0.3"), ("ranksep", "0.3"), ("labelloc", "t"),
        ]
        dot.nodeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "11"), ("shape", "plain")]
        dot.edgeDefaults = [("color", "#777777"), ("penwidth", "3"), ("arrowsize", "0.9")]
        // One block per year, top to bottom: a card table is compact and cannot overlap itself,
        // which a node per fact could on a year with thirty facts.
        for (k, year) in years.enumerated() {
            let inYear = facts.filter { $0.year == year }
            let columns = max(1, min(2, (inYear.count + options.perColumn - 1) / options.perColumn))
            let perColumn = (inYear.count + columns - 1) / columns
            var rows = "<TR><TD COLSPAN=\"\(columns * 3)\" BGCOLOR=\"#333333\" ALIGN=\"LEFT\"><FONT COLOR=\"white\" POINT-SIZE=\"16\"><B> \(year) </B></FONT><FONT COLOR=\"white\" POINT-SIZE=\"10\">   \(inYear.count) \(factWord(inYear.count))</FONT></TD></TR>"
            for r in 0..<perColumn {
                rows += "<TR>"
                for c in 0..<columns {
                    let i = c * perColumn + r
                    guard i < inYear.count else { rows += "<TD></TD><TD></TD><TD></TD>"; continue }
                    let fact = inYear[i]
                    let colour = GraphStyle.look(fact.type).color
                    let date = shortDate(fact.date)
                    let text = DiagramText.wrap(fact.text, width: columns == 1 ? 60 : 34)
                        .split(separator: "\n").map { DOTValue.escapeHTML(String($0)) }.joined(separator: "<BR ALIGN=\"LEFT\"/>")
                    rows += "<TD BGCOLOR=\"\(colour)\" WIDTH=\"5\"></TD>"
                    // Graphviz rejects an empty <FONT></FONT> (and then drops the whole label).
                    rows += date.isEmpty ? "<TD></TD>"
                        : "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><FONT POINT-SIZE=\"10\" COLOR=\"#555555\">\(DOTValue.escapeHTML(date))</FONT></TD>"
                    rows += "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">\(text)<BR ALIGN=\"LEFT\"/></TD>"
                }
                rows += "</TR>"
            }
            let table = "<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\" BGCOLOR=\"white\">\(rows)</TABLE>"
            dot.nodes.append(DOTGraph.Node(id: "y\(k)", attributes: [("label", .html(table)), ("tooltip", .text(String(year)))]))
            if k > 0 { dot.edges.append(DOTGraph.Edge(source: "y\(k - 1)", target: "y\(k)")) }
        }
        var legend = Legend(title: options.title ?? "\(node.name): хронология",
                            subtitle: facts.isEmpty ? "нет датированных фактов" : "годы сверху вниз; цветная полоса — вид связи; слева — месяц и день, если известны")
        for t in Set(facts.map(\.type)).sorted() {
            let look = GraphStyle.look(t)
            legend.add(.fill(look.color), look.label)
        }
        legend.columns = 4
        dot.graphAttributes.append(("label", .html(legend.html())))
        return Diagram(dot: dot, layout: .dot)
    }

    static let months = ["янв.", "фев.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сен.", "окт.", "ноя.", "дек."]

    /// "2019-08" → "авг.", "2019-09-29" → "29.09", "2019" → "" (the year heads the block).
    static func shortDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").map(String.init)
        guard parts.count >= 2, let month = Int(parts[1]), (1...12).contains(month) else { return "" }
        if parts.count >= 3, let day = Int(parts[2].prefix(2)) { return String(format: "%02d.%02d", day, month) }
        return months[month - 1]
    }

    static func factWord(_ n: Int) -> String {
        let d10 = n % 10, d100 = n % 100
        if d10 == 1 && d100 != 11 { return "факт" }
        if (2...4).contains(d10) && !(12...14).contains(d100) { return "факта" }
        return "фактов"
    }
}
