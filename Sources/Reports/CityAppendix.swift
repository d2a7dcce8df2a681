import Foundation
import KnowledgeGraph
import Rendering

/// One source sentence cited by a row of the appendix.
public struct Footnote: Sendable, Equatable {
    /// 1-based, in order of first citation.
    public var number: Int
    public var span: Span
    /// The input file the document came from, when the graph says.
    public var path: String?
}

/// A table of the appendix: a Russian heading, columns and rows, each row citing its sources.
public struct AppendixTable: Sendable, Equatable {
    /// A stable ASCII name, used for CSV file names ("partners", "visits"…).
    public var id: String
    public var title: String
    public var columns: [String]
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        public var cells: [String]
        /// Footnote numbers of the sentences that prove the row.
        public var footnotes: [Int]
    }
}

extension AppendixTable {
    /// The table without the columns no row fills (a "Цель" no report gives, say); a table
    /// without rows keeps its columns.
    func withoutEmptyColumns() -> AppendixTable {
        guard !rows.isEmpty else { return self }
        let kept = columns.indices.filter { k in rows.contains { k < $0.cells.count && !$0.cells[k].isEmpty } }
        var table = self
        table.columns = kept.map { columns[$0] }
        table.rows = rows.map { row in Row(cells: kept.map { k in k < row.cells.count ? row.cells[k] : "" }, footnotes: row.footnotes) }
        return table
    }
}

/// The appendix for one city: partners, visits, agreements, events and people, built from a
/// graph; every row points to the sentences it comes from.
public struct CityAppendix: Sendable {
    public var city: Node
    public var partners: AppendixTable
    public var visits: AppendixTable
    public var agreements: AppendixTable
    public var events: AppendixTable
    public var people: AppendixTable
    public var footnotes: [Footnote]
    /// The documents cited, in id order.
    public var documents: [Document]

    public var tables: [AppendixTable] { [partners, visits, agreements, events, people] }

    public var title: String { "Приложение. Международные связи: \(city.name)" }

    /// Builds the appendix for the node `cityID`.
    public init(graph: Graph, cityID: String) throws {
        let g = graph.sorted().namesTruncatedForDrawing()
        let byID = g.nodesByID
        guard let city = byID[cityID] else { throw DiagramError.unknownNode(cityID) }
        self.city = city
        let countryNames = CountryPalette.names(in: g)
        func name(_ id: String) -> String { byID[id]?.name ?? id }
        var notes = FootnoteBook(paths: Dictionary(g.documents.map { ($0.id, $0.path) }, uniquingKeysWith: { a, _ in a }))
        let touching = g.edges.filter { $0.source == cityID || $0.target == cityID }

        // Who acts for the city: its people (holds-office) and organisations (located-in).
        var own: Set<String> = [cityID]
        for e in g.edges where e.target == cityID && (e.type == .holdsOffice || e.type == .locatedIn) {
            if let n = byID[e.source], n.type == .person || n.type == .organisation { own.insert(n.id) }
        }
        for e in g.edges where e.type == .holdsOffice && own.contains(e.target) { own.insert(e.source) }

        // Partners: one row per partner, over every relation and every report that names it.
        var partnerGroups: [String: [Edge]] = [:]
        for e in touching where e.type == .twinnedWith || e.type == .partnerOf {
            partnerGroups[e.source == cityID ? e.target : e.source, default: []].append(e)
        }
        var partnerRows: [(key: (Int, Int, String, String), row: [String], evidence: [Span])] = []
        for edges in partnerGroups.values {
            guard let first = edges.first else { continue }
            let otherID = first.source == cityID ? first.target : first.source
            let other = byID[otherID]
            let country: String
            if other?.type == .country { country = other?.name ?? "" }
            else { country = other?.country.map { countryNames[$0] ?? $0 } ?? "" }
            // Each relation (twins first) with the status of its latest report (established wins
            // within a year); a relation only planned says so when the other is established.
            let relations: [(text: String, planned: Bool)] = [EdgeType.twinnedWith, .partnerOf].compactMap { type in
                let ofType = edges.filter { $0.type == type }
                guard let latest = ofType.max(by: { a, b in
                    (a.year ?? 0, Self.isPlanned(a) ? 0 : 1) < (b.year ?? 0, Self.isPlanned(b) ? 0 : 1)
                }) else { return nil }
                return (type == .twinnedWith ? "побратимы" : "партнёры", Self.isPlanned(latest))
            }
            let planned = relations.allSatisfy(\.planned)
            let relation = relations.map { $0.text + ($0.planned && !planned ? " (планируется)" : "") }.joined(separator: ", ")
            let since = edges.compactMap { $0.attributes["since"]?.intValue }.min().map(String.init) ?? ""
            let years = YearList.text(edges.compactMap(\.year))
            partnerRows.append(((edges.contains { $0.type == .twinnedWith } ? 0 : 1, planned ? 1 : 0, name(otherID), otherID),
                                Self.markingCorrections([name(otherID), country, relation, planned ? "планируется" : "установлены", since, years],
                                                        edges: edges, nodes: [other]),
                                edges.flatMap(\.evidence)))
        }
        partners = AppendixTable(id: "partners", title: "Города-партнёры и побратимы",
                                 columns: ["Партнёр", "Страна", "Связь", "Статус", "С какого года", "Годы отчётов"],
                                 rows: partnerRows.sorted { $0.key < $1.key }.map {
                                     .init(cells: $0.row, footnotes: notes.cite($0.evidence))
                                 })

        // Visits: the city's delegations and people going out, anyone coming in.
        let visitEdges = g.edges.filter { e in
            e.type == .visited && (own.contains(e.source) || e.target == cityID) && e.source != e.target
        }.sorted {
            (Self.date($0) ?? "", own.contains($0.source) ? 0 : 1, name($0.source), name($0.target), $0.id)
                < (Self.date($1) ?? "", own.contains($1.source) ? 0 : 1, name($1.source), name($1.target), $1.id)
        }
        var visitRows: [(cells: [String], evidence: [Span])] = []
        for e in visitEdges {
            let outgoing = own.contains(e.source)
            let direction = (outgoing ? "выезд: " : "приезд: ") + "\(name(e.source)) → \(name(e.target))"
            var who = name(e.source)
            if let role = g.edges.first(where: { $0.type == .holdsOffice && $0.source == e.source })?.attributes["role"]?.stringValue {
                who += " (\(role))"
            }
            let purpose = e.attributes["purpose"]?.stringValue ?? ""
            visitRows.append((Self.markingCorrections([Self.date(e) ?? "", direction, who, purpose], edges: [e]), e.evidence))
        }
        visits = AppendixTable(id: "visits", title: "Визиты делегаций",
                               columns: ["Дата", "Направление", "Кто", "Цель"],
                               rows: Self.mergingVisits(visitRows).map { .init(cells: $0.cells, footnotes: notes.cite($0.evidence)) })

        // Agreements: documents (event nodes) the city or its people signed.
        let signedEdges = g.edges.filter { $0.type == .signed }
        let agreementIDs = Set(signedEdges.filter { own.contains($0.source) }.map(\.target))
        var agreementRows: [(key: String, cells: [String], evidence: [Span])] = []
        for id in agreementIDs.sorted() {
            let edges = signedEdges.filter { $0.target == id }
            let parties = Set(edges.map { name($0.source) }).sorted().joined(separator: ", ")
            let date = edges.compactMap(Self.date).min() ?? ""
            agreementRows.append((date + id, Self.markingCorrections([name(id), parties, date], edges: edges, nodes: [byID[id]]),
                                  edges.flatMap(\.evidence)))
        }
        agreements = AppendixTable(id: "agreements", title: "Подписанные соглашения и документы",
                                   columns: ["Документ", "Стороны", "Дата"],
                                   rows: agreementRows.sorted { $0.key < $1.key }.map {
                                       .init(cells: $0.cells, footnotes: notes.cite($0.evidence))
                                   })

        // Events held in the city or attended by it, other than signed documents.
        let eventEdges = g.edges.filter { $0.type == .heldIn || $0.type == .participatedIn }
        var eventIDs = Set<String>()
        for e in eventEdges {
            if e.type == .heldIn && e.target == cityID { eventIDs.insert(e.source) }
            if e.type == .participatedIn && own.contains(e.source) { eventIDs.insert(e.target) }
        }
        eventIDs.subtract(Set(signedEdges.map(\.target)))
        var eventRows: [(key: String, cells: [String], evidence: [Span])] = []
        for id in eventIDs.sorted() where byID[id]?.type == .event {
            let held = eventEdges.filter { $0.type == .heldIn && $0.source == id }
            let part = eventEdges.filter { $0.type == .participatedIn && $0.target == id }
            let places = Set(held.map { name($0.target) }).sorted().joined(separator: ", ")
            let participants = Set(part.map { name($0.source) }).sorted().joined(separator: ", ")
            let date = (held + part).compactMap(Self.date).min() ?? ""
            eventRows.append((date + id, Self.markingCorrections([name(id), places, date, participants], edges: held + part, nodes: [byID[id]]),
                              (held + part).flatMap(\.evidence)))
        }
        events = AppendixTable(id: "events", title: "Мероприятия",
                               columns: ["Мероприятие", "Место", "Дата", "Участники"],
                               rows: eventRows.sorted { $0.key < $1.key }.map {
                                   .init(cells: $0.cells, footnotes: notes.cite($0.evidence))
                               })

        // People: office holders of the city, its organisations and the places it deals with.
        var related = own
        for e in touching { related.insert(e.source); related.insert(e.target) }
        let officeEdges = g.edges.filter { $0.type == .holdsOffice && related.contains($0.target) }
            .sorted { (name($0.source), $0.id) < (name($1.source), $1.id) }
        var peopleRows: [(cells: [String], evidence: [Span])] = []
        for e in officeEdges {
            let role = e.attributes["role"]?.stringValue ?? "должность не указана"
            peopleRows.append((Self.markingCorrections([name(e.source), "\(role), \(name(e.target))"], edges: [e], nodes: [byID[e.source]]),
                               e.evidence))
        }
        // The same office told in several sentences or reports is one row citing them all.
        people = AppendixTable(id: "people", title: "Персоны", columns: ["Имя", "Должность"],
                               rows: Self.merging(peopleRows).map { .init(cells: $0.cells, footnotes: notes.cite($0.evidence)) })

        // Columns no row fills go (the graph rarely says a visit's purpose).
        partners = partners.withoutEmptyColumns()
        visits = visits.withoutEmptyColumns()
        agreements = agreements.withoutEmptyColumns()
        events = events.withoutEmptyColumns()
        people = people.withoutEmptyColumns()
        footnotes = notes.footnotes
        let cited = Set(footnotes.map(\.span.document))
        documents = g.documents.filter { cited.contains($0.id) }
    }

    static func isPlanned(_ e: Edge) -> Bool { e.attributes["status"]?.stringValue == "planned" }

    /// What a row of facts a user corrected (`twingraph correct`) says after its first cell.
    public static let correctedMark = "(исправлено вручную)"

    /// The row's cells, its first one marked when any of its facts, or a node it names, was
    /// corrected by hand.
    static func markingCorrections(_ cells: [String], edges: [Edge], nodes: [Node?] = []) -> [String] {
        let corrected = edges.contains { $0.attributes[CorrectionsFile.markKey] != nil }
            || nodes.contains { $0?.attributes[CorrectionsFile.markKey] != nil }
        guard corrected, let first = cells.first else { return cells }
        return [first + " " + correctedMark] + cells.dropFirst()
    }

    /// Rows with the same cells merged into the first, citing the sources of all.
    static func merging(_ rows: [(cells: [String], evidence: [Span])]) -> [(cells: [String], evidence: [Span])] {
        var out: [(cells: [String], evidence: [Span])] = []
        var index: [[String]: Int] = [:]
        for row in rows {
            if let k = index[row.cells] { out[k].evidence += row.evidence; continue }
            index[row.cells] = out.count
            out.append(row)
        }
        return out
    }

    /// Visit rows (date, direction, who, purpose) merged when they repeat, and a visit known only
    /// by its year dropped into the dated visit of that year with the same direction and people
    /// (the graph holds Бёрде's August 2019 visit once with its month, once without).
    static func mergingVisits(_ rows: [(cells: [String], evidence: [Span])]) -> [(cells: [String], evidence: [Span])] {
        var rows = merging(rows)
        func yearOnly(_ date: String) -> Bool { date.count == 4 }
        var drop = Set<Int>()
        for (k, row) in rows.enumerated() where yearOnly(row.cells[0]) {
            let dated = rows.indices.first { j in
                j != k && !yearOnly(rows[j].cells[0]) && rows[j].cells[0].hasPrefix(row.cells[0] + "-")
                    && rows[j].cells[1] == row.cells[1] && rows[j].cells[2] == row.cells[2]
                    && (row.cells[3].isEmpty || rows[j].cells[3] == row.cells[3])
            }
            if let dated {
                rows[dated].evidence += row.evidence
                drop.insert(k)
            }
        }
        return rows.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }

    /// The date of an edge as the graph gives it (ISO date, else year).
    static func date(_ e: Edge) -> String? {
        if let d = e.attributes["date"]?.stringValue { return d }
        return e.year.map(String.init)
    }

    /// The city's ego diagram as SVG text, ready to embed.
    public static func egoSVG(graph: Graph, cityID: String) throws -> String {
        let data = try EgoDiagram.make(graph, center: cityID).render(.svg)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Numbers source sentences in order of first citation; the same sentence keeps its number.
struct FootnoteBook {
    var paths: [String: String]
    var footnotes: [Footnote] = []
    var numbers: [Span: Int] = [:]

    mutating func cite(_ spans: [Span]) -> [Int] {
        var out: [Int] = []
        for span in Array(Set(spans)).sorted() {
            if let n = numbers[span] { out.append(n); continue }
            let n = footnotes.count + 1
            numbers[span] = n
            footnotes.append(Footnote(number: n, span: span, path: paths[span.document]))
            out.append(n)
        }
        return Array(Set(out)).sorted()
    }
}
