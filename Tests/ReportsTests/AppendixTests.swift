import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import KnowledgeGraph
@testable import Reports

enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let url = root.appendingPathComponent("Tests/ReportsTests/Fixtures/omsk-2019-graph.json")
    static func graph() throws -> Graph { try GraphJSON.read(contentsOf: url) }
    /// Two years of Omsk: the 2019 graph plus a synthetic "omsk-2020" report that names every
    /// partner of Omsk again (the same relations with year 2020), as a folder of yearly reports does.
    static func twoYears() throws -> Graph {
        try GraphJSON.read(contentsOf: root.appendingPathComponent("Tests/ReportsTests/Fixtures/omsk-2019-2020-graph.json"))
    }

    static func parseXML(_ text: String) -> Error? {
        do { _ = try XMLDocument(data: Data(text.utf8), options: []); return nil } catch { return error }
    }
}

@Suite struct FixtureTests {
    /// The fixture is only worth testing against if its evidence is real: every span is the exact
    /// slice of its document, in Unicode scalars.
    @Test func everySpanIsTheExactSliceOfItsDocument() throws {
        let g = try Fixture.graph()
        var texts: [String: [Unicode.Scalar]] = [:]
        for d in g.documents {
            let text = try String(contentsOf: Fixture.root.appendingPathComponent(d.path), encoding: .utf8)
            texts[d.id] = Array(text.unicodeScalars)
        }
        let spans = g.nodes.flatMap(\.mentions) + g.edges.flatMap(\.evidence)
        #expect(spans.count > 90)
        for span in spans {
            let scalars = try #require(texts[span.document])
            try #require(span.start >= 0 && span.start < span.end && span.end <= scalars.count)
            var slice = ""
            slice.unicodeScalars.append(contentsOf: scalars[span.start..<span.end])
            #expect(slice == span.text, "span \(span.document):\(span.start)-\(span.end)")
        }
        #expect(g.edges.allSatisfy { !$0.evidence.isEmpty })
        #expect(g.nodes.allSatisfy { !$0.mentions.isEmpty })
        let ids = Set(g.nodes.map(\.id))
        #expect(g.edges.allSatisfy { ids.contains($0.source) && ids.contains($0.target) })
    }
}

@Suite struct AppendixTests {
    static let omskPartners: Set<String> = ["Бёрде", "Барлебен", "Кайфын", "Фучжоу", "Павлодар", "Симферополь",
                                            "Красноярск", "Ангарск", "Калининград", "Новосибирск", "Чинчжу"]

    @Test func omskPartnersAreTheElevenWithEvidence() throws {
        let g = try Fixture.graph()
        let a = try CityAppendix(graph: g, cityID: "city/omsk")
        #expect(Set(a.partners.rows.map { $0.cells[0] }) == Self.omskPartners)
        #expect(a.partners.rows.count == 11)
        let kaifeng = try #require(a.partners.rows.first { $0.cells[0] == "Кайфын" })
        #expect(kaifeng.cells == ["Кайфын", "Китай", "побратимы", "установлены", "2009", "2019"])
        // Twins come first.
        #expect(a.partners.rows.prefix(2).allSatisfy { $0.cells[2] == "побратимы" })
        let byNumber = Dictionary(a.footnotes.map { ($0.number, $0) }, uniquingKeysWith: { x, _ in x })
        let nodes = g.nodes
        for row in a.partners.rows {
            #expect(!row.footnotes.isEmpty)
            let node = try #require(nodes.first { $0.name == row.cells[0] })
            let forms = [node.name] + node.aliases
            let sentences = row.footnotes.compactMap { byNumber[$0]?.span.text }
            #expect(sentences.contains { s in forms.contains { s.contains($0) } }, "\(row.cells[0]) not named in its source")
        }
    }

    /// A fact changed with `twingraph correct` is marked in its row; the rest are not.
    @Test func aCorrectedFactIsMarkedInItsRow() throws {
        let g = try Fixture.graph()
        let twin = try #require(g.edges.first { $0.type == .twinnedWith && ($0.source == "city/omsk" || $0.target == "city/omsk") })
        let partner = try #require(g.nodesByID[twin.source == "city/omsk" ? twin.target : twin.source]?.name)
        let corrected = CorrectionsFile(corrections: [.set(fact: twin.id, key: "since", value: "1990")]).apply(to: g)
        let a = try CityAppendix(graph: corrected, cityID: "city/omsk")
        let marked = a.partners.rows.filter { $0.cells[0].hasSuffix(CityAppendix.correctedMark) }
        #expect(marked.map { $0.cells[0] } == ["\(partner) \(CityAppendix.correctedMark)"])
        #expect(marked.first?.cells.contains("1990") == true)
        let plain = try CityAppendix(graph: g, cityID: "city/omsk")
        #expect(!plain.partners.rows.contains { $0.cells[0].contains(CityAppendix.correctedMark) })
    }

    @Test func omskVisitsAgreementsEventsPeople() throws {
        let a = try CityAppendix(graph: try Fixture.graph(), cityID: "city/omsk")
        #expect(a.visits.rows.count == 15)
        #expect(a.visits.rows.contains { $0.cells[0] == "2019-08" && $0.cells[1] == "приезд: Кайфын → Омск" && $0.cells[3].contains("соглашения") })
        #expect(a.visits.rows.contains { $0.cells[1] == "выезд: О.Н. Фадина → Кайфын" && $0.cells[2] == "О.Н. Фадина (мэр)" })
        #expect(a.visits.rows.map { $0.cells[0] } == a.visits.rows.map { $0.cells[0] }.sorted())
        #expect(a.agreements.rows.map(\.cells) == [[
            "Соглашение о сотрудничестве и партнерстве между городом Омском и городом Кайфыном", "Кайфын, Омск", "2019-08"]])
        #expect(a.events.rows.count == 5)
        #expect(a.events.rows.contains { $0.cells == ["XVI Форум межрегионального сотрудничества России и Казахстана", "Омск", "2019-11-06", "Казахстан, Россия"] })
        #expect(!a.events.rows.contains { $0.cells[0].hasPrefix("Соглашение") })
        #expect(Set(a.people.rows.map { $0.cells[0] }) == ["О.Н. Фадина", "Р.Г. Смелик", "Гао Цзяньцзюнь", "Хоу Хун"])
        #expect(a.people.rows.contains { $0.cells == ["О.Н. Фадина", "мэр, Омск"] })
        // Footnotes numbered in order of first citation, each used.
        #expect(a.footnotes.map(\.number) == Array(1...a.footnotes.count))
        let cited = Set(a.tables.flatMap { $0.rows.flatMap(\.footnotes) })
        #expect(cited == Set(a.footnotes.map(\.number)))
        var firstUse: [Int] = []
        for table in a.tables { for row in table.rows { for n in row.footnotes where !firstUse.contains(n) { firstUse.append(n) } } }
        #expect(firstUse == firstUse.sorted())
        #expect(a.documents.map(\.id) == ["omsk-2019"])
    }

    /// Several yearly reports: each partner is one row, with every year it was reported.
    @Test func twoYearsListEachPartnerOnceWithItsYears() throws {
        let g = try Fixture.twoYears()
        #expect(g.edges.contains { $0.id == "twinned-with:city/kaifeng->city/omsk@status=established@year=2020" })
        let a = try CityAppendix(graph: g, cityID: "city/omsk")
        let names = a.partners.rows.map { $0.cells[0] }
        #expect(names.count == Set(names).count, "partners repeat: \(names)")
        #expect(Set(names) == Self.omskPartners)
        let kaifeng = try #require(a.partners.rows.first { $0.cells[0] == "Кайфын" })
        #expect(kaifeng.cells == ["Кайфын", "Китай", "побратимы", "установлены", "2009", "2019, 2020"])
        // Both years' sentences are cited.
        let docs = Set(kaifeng.footnotes.compactMap { n in a.footnotes.first { $0.number == n }?.span.document })
        #expect(docs == ["omsk-2019", "omsk-2020"])
    }

    /// No table repeats a row: the same office in two reports, the same visit once with its
    /// month and once without, a partner that is both twin and partner, are one row each.
    @Test func noRowRepeats() throws {
        var g = try Fixture.twoYears()
        let span = Span(document: "omsk-2020", start: 0, end: 4, text: "ОМСК")
        g.edges.append(Edge(type: .visited, source: "city/kaifeng", target: "city/omsk", attributes: ["year": 2019], evidence: [span]))
        g.edges.append(Edge(type: .partnerOf, source: "city/kaifeng", target: "city/omsk", attributes: ["year": 2020], evidence: [span]))
        let a = try CityAppendix(graph: g, cityID: "city/omsk")
        for table in a.tables {
            let rows = table.rows.map(\.cells)
            #expect(rows.count == Set(rows).count, "\(table.id) repeats rows")
        }
        #expect(a.people.rows.filter { $0.cells[0] == "О.Н. Фадина" }.count == 1)
        #expect(a.partners.rows.filter { $0.cells[0] == "Кайфын" }.map(\.cells) == [["Кайфын", "Китай", "побратимы, партнёры", "установлены", "2009", "2019, 2020"]])
        // The year-only visit is the dated one of August 2019, which now cites its sentence too.
        let kaifengVisits = a.visits.rows.filter { $0.cells[1] == "приезд: Кайфын → Омск" }
        #expect(kaifengVisits.map { $0.cells[0] } == ["2019-08"])
        let cited = kaifengVisits.first?.footnotes.compactMap { n in a.footnotes.first { $0.number == n }?.span } ?? []
        #expect(cited.contains(span))
        #expect(a.visits.rows.count == 15)
    }

    /// The header names the reports by title, year and file, not by id.
    @Test func headerGivesTheDocumentsTitles() throws {
        var g = try Fixture.graph()
        g.documents = g.documents.map { d in
            var d = d
            if d.id == "omsk-2019" { d.title = "Отчёт о международной деятельности Омска" }
            return d
        }
        let a = try CityAppendix(graph: g, cityID: "city/omsk")
        #expect(a.subtitle == "По отчётам: «Отчёт о международной деятельности Омска», 2019 (omsk-2019.txt).")
        #expect(a.markdown(diagramFile: nil).contains(a.subtitle))
        #expect(a.html(svg: nil).contains("«Отчёт о международной деятельности Омска», 2019"))
        // Without a title: the file name.
        let untitled = try CityAppendix(graph: try Fixture.graph(), cityID: "city/omsk")
        #expect(untitled.subtitle == "По отчётам: omsk-2019.txt, 2019.")
    }

    @Test func plannedTwinsOfBlagoveshchensk() throws {
        let a = try CityAppendix(graph: try Fixture.graph(), cityID: "city/blagoveshchensk")
        let planned = a.partners.rows.filter { $0.cells[3] == "планируется" }.map { $0.cells[0] }
        #expect(Set(planned) == ["Жиджао", "Якутск", "Танджин", "Пхенсон"])
        #expect(a.partners.rows.first { $0.cells[0] == "Пхенсон" }?.cells[1] == "КНДР")
        #expect(a.visits.rows.isEmpty)
    }

    @Test func htmlIsWellFormedWithInlineDiagramAndPrintStyles() throws {
        let g = try Fixture.graph()
        let a = try CityAppendix(graph: g, cityID: "city/omsk")
        let html = a.html(svg: try CityAppendix.egoSVG(graph: g, cityID: "city/omsk"))
        #expect(Fixture.parseXML(html) == nil)
        #expect(html.contains("<svg"))
        #expect(!html.contains("<?xml") && !html.contains("<!DOCTYPE svg"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("@media print"))
        for name in Self.omskPartners { #expect(html.contains("<td>\(name)</td>")) }
        #expect(html.contains("<h2>1. Города-партнёры и побратимы</h2>"))
        #expect(html.contains("<li id=\"src-1\">"))
    }

    @Test func markdownHasTablesFootnotesAndDiagramLink() throws {
        let a = try CityAppendix(graph: try Fixture.graph(), cityID: "city/omsk")
        let md = a.markdown(diagramFile: "omsk-ego.svg")
        #expect(md.hasPrefix("# Приложение. Международные связи: Омск\n"))
        #expect(md.contains("![Омск: партнёры и визиты](omsk-ego.svg)"))
        #expect(md.contains("| 1 | Кайфын | Китай | побратимы | установлены | 2009 | 2019 | [^1] |"))
        let definitions = md.split(separator: "\n").filter { $0.hasPrefix("[^") }
        #expect(definitions.count == a.footnotes.count)
        #expect(md.contains("## 5. Персоны"))
    }

    @Test func csvOneFilePerTable() throws {
        let a = try CityAppendix(graph: try Fixture.graph(), cityID: "city/omsk")
        let files = a.csvFiles()
        #expect(files.map(\.name) == ["omsk-partners.csv", "omsk-visits.csv", "omsk-agreements.csv", "omsk-events.csv", "omsk-people.csv"])
        let partners = try #require(files.first?.contents)
        #expect(partners.hasPrefix("\u{FEFF}№,Партнёр,Страна,Связь,Статус,С какого года,Годы отчётов,Источник,Цитата\r\n"))
        let lines = partners.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 12)
        #expect(lines.contains { $0.hasPrefix("1,Кайфын,Китай,побратимы,установлены,2009,2019,omsk-2019:2770-2884,") })
    }

    @Test func hostileNamesAreEscapedEverywhere() throws {
        let span = Span(document: "evil", start: 0, end: 5, text: "<img src=x onerror=alert(1)>")
        let g = Graph(
            documents: [Document(id: "evil", path: "evil.txt", sha256: "0", reporter: "../../x")],
            nodes: [
                Node(id: "../../x", type: .city, name: "<script>alert(\"x\")</script>", mentions: [span]),
                Node(id: "city/b", type: .city, name: "=HYPERLINK(\"http://x\") | *b* [c](d)", attributes: ["country": "<i>"], mentions: [span]),
            ],
            edges: [Edge(type: .twinnedWith, source: "../../x", target: "city/b", attributes: ["since": 1999], evidence: [span])])
        let a = try CityAppendix(graph: g, cityID: "../../x")
        #expect(a.slug == "x")
        let html = a.html(svg: try CityAppendix.egoSVG(graph: g, cityID: "../../x"))
        #expect(Fixture.parseXML(html) == nil)
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<i>"))
        #expect(html.contains("&lt;script&gt;"))
        let md = a.markdown(diagramFile: "\(a.slug)-ego.svg")
        #expect(!md.contains("<script") && !md.contains("<img"))
        #expect(md.contains("\\| \\*b\\* \\[c\\](d)"))
        let csv = try #require(a.csvFiles().first?.contents)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\") | *b* [c](d)\""))
        for file in a.csvFiles() { #expect(!file.name.contains("/") && !file.name.contains("..")) }
    }
}

@Suite struct LookupAndSlugTests {
    @Test func cityFoundInAnyLetterCaseAndForm() throws {
        let g = try Fixture.graph()
        for query in ["Омск", "омск", "ОМСК", "Омска", "омском", " city/omsk "] {
            #expect(NameResolver(graph: g).resolve(query).id == "city/omsk", "\(query)")
        }
        #expect(NameResolver(graph: g).resolve("Берде").id == "region/boerde")
        #expect(NameResolver(graph: g).resolve("Атлантида").id == nil)
        #expect(NameResolver(graph: g).resolve("").id == nil)
    }

    @Test func slugsAreSafeFileNames() {
        #expect(Slug.make("city/omsk") == "omsk")
        #expect(Slug.make("../../x") == "x")
        #expect(Slug.make("city/Благовещенск") == "blagoveshchensk")
        #expect(Slug.make("city/..") == "place")
        #expect(Slug.make("a/<script>b") == "script-b")
        #expect(Slug.make(String(repeating: "я", count: 100)).count <= 60)
    }
}
