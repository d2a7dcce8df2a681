import Foundation
import KnowledgeGraph

/// The facts about one place, year by year, each fact a card line coloured by its relation,
/// flowing down columns from left to right (see `columns`).
public enum TimelineDiagram {
    public struct Options: Sendable {
        public var title: String?
        /// Lines of text a column holds before the facts flow on into the next column.
        public var linesPerColumn = 26
        /// Columns on one page: three keep 11 pt text about 9 pt on landscape A4.
        public var columnsPerPage = 3
        /// Which page to draw, from 1 (see `pageCount`).
        public var page = 1
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

    /// Columns of the page: the facts flow year by year down a column and on into the next, like
    /// a newspaper; a year that goes on in the next column repeats its heading there. Each
    /// column holds about `linesPerColumn` lines, so a busy year and ten years both keep the
    /// cards' text at its size (11 pt) and the page grows in width, not in height.
    struct Column {
        enum Entry { case heading(year: Int, count: Int, continued: Bool), fact(Fact) }
        var entries: [Entry] = []
        var lines = 0
    }

    static func columns(_ facts: [Fact], linesPerColumn: Int, wrap: Int) -> [Column] {
        var columns: [Column] = []
        var current = Column()
        for year in Set(facts.map(\.year)).sorted() {
            let inYear = facts.filter { $0.year == year }
            current.entries.append(.heading(year: year, count: inYear.count, continued: false))
            current.lines += 2
            for fact in inYear {
                let lines = DiagramText.wrap(fact.text, width: wrap).split(separator: "\n").count
                if current.lines + lines > linesPerColumn && current.entries.contains(where: { if case .fact = $0 { return true } else { return false } }) {
                    columns.append(current)
                    current = Column(entries: [.heading(year: year, count: inYear.count, continued: true)], lines: 2)
                }
                current.entries.append(.fact(fact))
                current.lines += lines
            }
        }
        if !current.entries.isEmpty { columns.append(current) }
        return columns
    }

    /// The number of pages `make` can draw for `center`.
    public static func pageCount(_ graph: Graph, center: String, options: Options = Options()) -> Int {
        max(1, (columns(facts(graph.sorted(), center: center), linesPerColumn: options.linesPerColumn, wrap: wrap).count
                + options.columnsPerPage - 1) / options.columnsPerPage)
    }

    /// Width the cards' text wraps at, in characters.
    static let wrap = 40

    /// Page `options.page` (from 1) of the timeline: `columnsPerPage` columns of it.
    public static func make(_ graph: Graph, center: String, options: Options = Options()) throws -> Diagram {
        let g = graph.sorted().namesTruncatedForDrawing()
        guard let node = g.nodesByID[center] else { throw DiagramError.unknownNode(center) }
        let facts = facts(g, center: center)
        let all = columns(facts, linesPerColumn: options.linesPerColumn, wrap: wrap)
        let pages = max(1, (all.count + options.columnsPerPage - 1) / options.columnsPerPage)
        guard (1...pages).contains(options.page) else { throw DiagramError.noSuchPage(options.page, of: pages) }
        let columns = Array(all.dropFirst((options.page - 1) * options.columnsPerPage).prefix(options.columnsPerPage))
        var dot = DOTGraph(directed: true)
        dot.graphAttributes = Page.attributes(landscape: columns.count > 1 || pages > 1) + [("labelloc", "t")]
        dot.nodeDefaults = [("fontname", .text(GraphStyle.fontName)), ("fontsize", "11"), ("shape", "plain")]
        // The columns side by side in one table, tops aligned: a card table is compact and
        // cannot overlap itself, which a node per fact could on a year with thirty facts.
        let cells = columns.map { "<TD VALIGN=\"TOP\">\(table(of: $0))</TD>" }.joined()
        dot.nodes.append(DOTGraph.Node(id: "timeline", attributes: [
            ("label", .html("<TABLE BORDER=\"0\" CELLSPACING=\"14\" CELLPADDING=\"0\"><TR>\(cells.isEmpty ? "<TD></TD>" : cells)</TR></TABLE>")),
        ]))
        var subtitle = facts.isEmpty ? "нет датированных фактов"
            : "по годам сверху вниз и дальше в следующем столбце; цветная полоса — вид связи; слева — месяц и день, если известны"
        if pages > 1 {
            let years = columns.flatMap(\.entries).compactMap { entry -> Int? in if case let .heading(y, _, _) = entry { return y } else { return nil } }
            subtitle += "\nстраница \(options.page) из \(pages): \(YearList.text(years))"
        }
        var legend = Legend(title: options.title ?? "\(node.name): хронология",
                            subtitle: subtitle.split(separator: "\n").map { DiagramText.wrap(String($0), width: 80) }.joined(separator: "\n"))
        for t in Set(facts.map(\.type)).sorted() {
            let look = GraphStyle.look(t)
            legend.add(.fill(look.color), look.label)
        }
        legend.columns = 4
        dot.graphAttributes.append(("label", .html(legend.html())))
        return Diagram(dot: dot, layout: .dot)
    }

    /// One column's cards: year headings, then each fact's colour bar, date and text.
    static func table(of column: Column) -> String {
        var rows = ""
        for entry in column.entries {
            switch entry {
            case let .heading(year, count, continued):
                let note = continued ? "продолжение" : "\(count) \(factWord(count))"
                rows += "<TR><TD COLSPAN=\"3\" BGCOLOR=\"#333333\" ALIGN=\"LEFT\"><FONT COLOR=\"white\" POINT-SIZE=\"16\"><B> \(year) </B></FONT><FONT COLOR=\"white\" POINT-SIZE=\"10\">   \(note)</FONT></TD></TR>"
            case let .fact(fact):
                let colour = GraphStyle.look(fact.type).color
                let date = shortDate(fact.date)
                let text = DiagramText.wrap(fact.text, width: wrap)
                    .split(separator: "\n").map { DOTValue.escapeHTML(String($0)) }.joined(separator: "<BR ALIGN=\"LEFT\"/>")
                rows += "<TR><TD BGCOLOR=\"\(colour)\" WIDTH=\"5\"></TD>"
                // Graphviz rejects an empty <FONT></FONT> (and then drops the whole label).
                rows += date.isEmpty ? "<TD></TD>"
                    : "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\"><FONT POINT-SIZE=\"10\" COLOR=\"#555555\">\(DOTValue.escapeHTML(date))</FONT></TD>"
                rows += "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">\(text)<BR ALIGN=\"LEFT\"/></TD></TR>"
            }
        }
        return "<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\" BGCOLOR=\"white\">\(rows)</TABLE>"
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
