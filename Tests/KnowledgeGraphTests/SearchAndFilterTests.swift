import Testing
@testable import KnowledgeGraph

/// A small graph written for these tests: two reports (2015, 2019) of a city and its partners.
enum TverGraph {
    static let d2015 = Document(id: "tver-2015", path: "tver-2015.txt", sha256: "a", reporter: "city/tver", year: 2015)
    static let d2019 = Document(id: "tver-2019", path: "tver-2019.txt", sha256: "b", reporter: "city/tver", year: 2019)
    static let twinning = "Тверь и Острава подписали договор о побратимстве ещё в 2001 году."
    static let visit = "Мэр А.В. Смирнова посетила Линц, где обсуждались партнёрские проекты."

    static func span(_ doc: Document, _ text: String) -> Span { Span(document: doc.id, start: 0, end: text.unicodeScalars.count, text: text) }

    static let graph = Graph(
        documents: [d2015, d2019],
        nodes: [
            Node(id: "city/tver", type: .city, name: "Тверь", aliases: ["Твери"], attributes: ["country": "RU"]),
            Node(id: "city/ostrava", type: .city, name: "Острава", attributes: ["country": "CZ"]),
            Node(id: "city/linz", type: .city, name: "Линц", attributes: ["country": "AT"]),
            Node(id: "country/cz", type: .country, name: "Чехия", aliases: ["Чехии"], attributes: ["country": "CZ"]),
            Node(id: "person/smirnova", type: .person, name: "А.В. Смирнова", aliases: ["А.В. Смирновой"]),
        ],
        edges: [
            Edge(type: .twinnedWith, source: "city/tver", target: "city/ostrava", attributes: ["since": 2001, "year": 2015],
                 evidence: [span(d2015, twinning)]),
            Edge(type: .locatedIn, source: "city/ostrava", target: "country/cz", evidence: [span(d2015, twinning)]),
            Edge(type: .partnerOf, source: "city/tver", target: "city/linz", attributes: ["year": 2019], evidence: [span(d2019, visit)]),
            Edge(type: .visited, source: "person/smirnova", target: "city/linz", attributes: ["date": "2019-05"],
                 evidence: [span(d2019, visit)]),
        ])
}

@Suite struct NameFormTests {
    let resolver = NameResolver(graph: TverGraph.graph)

    @Test func latinNamesFindTheRussianNode() {
        #expect(resolver.resolve("Tver").id == "city/tver")
        #expect(resolver.resolve("OSTRAVA").id == "city/ostrava")
        #expect(resolver.resolve("Tver'").id == "city/tver")
    }

    @Test func aSurnameAloneFindsThePerson() {
        #expect(resolver.resolve("Смирнова").id == "person/smirnova")
        #expect(resolver.resolve("Смирновой").id == "person/smirnova")
        #expect(resolver.resolve("smirnova").id == "person/smirnova")
    }

    @Test func transliterationFollowsTheIds() {
        #expect(Transliteration.toLatin("Хабаровск") == "khabarovsk")
        #expect(Transliteration.toLatin("Щёлково") == "shchelkovo")
        #expect(!Transliteration.hasCyrillic("Omsk") && Transliteration.hasCyrillic("Омск"))
    }
}

@Suite struct GraphSearchTests {
    @Test func nodesByLatinNameSurnameAndPrefix() {
        let tver = GraphSearch.nodes(matching: "Tver", in: TverGraph.graph, limit: 10)
        #expect(tver.first?.id == "city/tver" && tver.first?.how == "exact")
        #expect(GraphSearch.nodes(matching: "Смирновой", in: TverGraph.graph, limit: 10).map(\.id) == ["person/smirnova"])
        #expect(GraphSearch.nodes(matching: "Остр", in: TverGraph.graph, limit: 10).map(\.how) == ["prefix"])
        #expect(GraphSearch.nodes(matching: "Берлин", in: TverGraph.graph, limit: 10).isEmpty)
    }

    @Test func evidenceByWordsInAnotherInflection() {
        // "побратимстве" in the text, "побратимством" asked; every word must be there
        let found = GraphSearch.evidence(matching: "договором о побратимством", in: TverGraph.graph, terms: .stems)
        #expect(Set(found.map(\.text)) == [TverGraph.twinning])
        #expect(Set(found.map(\.edge)).count == 2)
        #expect(GraphSearch.evidence(matching: "договор Линц", in: TverGraph.graph, terms: .stems).isEmpty)
        let report = GraphSearch.report(query: "q", nodes: [], evidence: found, limit: 5)
        #expect(report.sentences.count == 1 && report.sentences[0].facts.count == 2)
    }
}

@Suite struct FactFilterTests {
    let g = TverGraph.graph

    @Test func yearsUseTheFactsDateElseTheReportsYear() {
        let y2019 = FactFilter(years: 2019...2019).apply(to: g)
        #expect(Set(y2019.edges.map(\.type)) == [.partnerOf, .visited])
        #expect(!y2019.nodes.contains { $0.id == "city/ostrava" })
        // located-in has no date: the 2015 report's year
        #expect(FactFilter(years: 2015...2015).apply(to: g).edges.map(\.type).sorted() == [.locatedIn, .twinnedWith])
        #expect(FactFilter(years: 2020...2030).apply(to: g).edges.isEmpty)
        #expect(FactFilter(years: 2011...2019).apply(to: g).edges.count == 4)
    }

    @Test func countriesByCodeOrName() {
        #expect(FactFilter.countryCode("cz", in: g) == "CZ")
        #expect(FactFilter.countryCode("Чехии", in: g) == "CZ")
        #expect(FactFilter.countryCode("Франция", in: g) == nil)
        let czech = FactFilter(countries: ["CZ"]).apply(to: g)
        #expect(czech.edges.map(\.type).sorted() == [.locatedIn, .twinnedWith])
    }

    @Test func typesKeepAnchorsWhateverTheirType() {
        let cities = FactFilter(nodeTypes: [.city]).apply(to: g)
        #expect(Set(cities.edges.map(\.type)) == [.twinnedWith, .partnerOf])
        let persons = FactFilter(nodeTypes: [.person], anchors: ["city/linz"]).apply(to: g)
        #expect(persons.edges.map(\.type) == [.visited])
        #expect(Set(persons.nodes.map(\.id)) == ["city/linz", "person/smirnova"])
        #expect(FactFilter(relations: [.visited]).apply(to: g).edges.count == 1)
        #expect(FactFilter.none.apply(to: g) == g)
    }
}
