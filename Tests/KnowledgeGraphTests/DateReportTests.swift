import Foundation
import Testing
@testable import KnowledgeGraph

/// Queries show the dates the graph holds: `year`, `date`, `since` and `status`, in text and JSON.
@Suite struct DateReportTests {
    static func span(_ text: String, _ start: Int) -> Span {
        Span(document: "omsk-2019", start: start, end: start + text.count, text: text)
    }

    /// Омск twinned with Кайфын since 2009 (reported 2019); two visits to Кайфын in 2019, the
    /// later one first in id order; a signing dated only by its year.
    let graph = Graph(
        documents: [Document(id: "omsk-2019", path: "omsk-2019.txt", sha256: "x", reporter: "city/omsk", year: 2019)],
        nodes: [
            Node(id: "city/omsk", type: .city, name: "Омск", mentions: [span("Омск", 0)]),
            Node(id: "city/kaifeng", type: .city, name: "Кайфын", attributes: ["country": "CN"], mentions: [span("Кайфын", 10)]),
            Node(id: "event/plan", type: .event, name: "План", mentions: [span("План", 20)]),
        ],
        edges: [
            Edge(id: "a-twin", type: .twinnedWith, source: "city/omsk", target: "city/kaifeng",
                 attributes: ["status": "established", "since": 2009, "year": 2019], evidence: [span("побратимы", 30)]),
            Edge(id: "b-visit", type: .visited, source: "city/omsk", target: "city/kaifeng",
                 attributes: ["date": "2019-09-14"], evidence: [span("визит в сентябре", 40)]),
            Edge(id: "c-visit", type: .visited, source: "city/omsk", target: "city/kaifeng",
                 attributes: ["date": "2019-03"], evidence: [span("визит в марте", 60)]),
            Edge(id: "d-signed", type: .signed, source: "city/omsk", target: "event/plan",
                 attributes: ["year": 2018], evidence: [span("подписан план", 80)]),
        ])

    var queries: GraphQueries { GraphQueries(graph: graph) }

    @Test func partnersJSONCarriesSinceAndStatus() throws {
        let json = try Fixture.json(try queries.partners(of: "Омск"))
        let partner = try #require((json["partners"] as? [[String: Any]])?.first)
        let relation = try #require((partner["relations"] as? [[String: Any]])?.first)
        #expect(relation["since"] as? Int == 2009)
        #expect(relation["year"] as? Int == 2019)
        #expect(relation["status"] as? String == "established")
        // Every date key is present, null when the graph holds none.
        #expect(relation["date"] is NSNull)
    }

    @Test func partnersTextShowsSince() throws {
        let text = TextReports.partners(try queries.partners(of: "Омск"))
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("Кайфын") })
        #expect(row.contains("2009"))
        #expect(row.contains("twinned-with established"))
    }

    @Test func timelineIsInDateOrderAndShowsDates() throws {
        let report = try queries.timeline(of: "Омск")
        #expect(report.years.map(\.year) == [2018, 2019])
        let facts2019 = try #require(report.years.last).facts.map(\.relation.id)
        // The twinning is dated by its year alone, then March, then September.
        #expect(facts2019 == ["a-twin", "c-visit", "b-visit"])
        let json = try Fixture.json(report)
        let years = try #require(json["years"] as? [[String: Any]])
        let dates = (years.last?["facts"] as? [[String: Any]])?.map { ($0["relation"] as? [String: Any])?["date"] as? String }
        #expect(dates == [nil, "2019-03", "2019-09-14"])
        let text = TextReports.timeline(report)
        #expect(text.contains("visited, 2019-09-14 Кайфын"))
        #expect(text.contains("twinned-with, established, since 2009, 2019 Кайфын"))
    }

    @Test func pathAndNeighboursCarryDates() throws {
        let path = try queries.paths(from: "Омск", to: "Кайфын")
        let relations = try #require(path.paths.first?.hops.first?.relations)
        #expect(relations.first { $0.id == "a-twin" }?.since == 2009)
        #expect(relations.first { $0.id == "b-visit" }?.date == "2019-09-14")
        #expect(relations.first { $0.id == "b-visit" }?.year == nil)
        let names = ["city/omsk": "Омск", "city/kaifeng": "Кайфын"]
        #expect(TextReports.path(path, names: names).contains("since 2009"))
        let ego = try Fixture.json(try queries.neighbourhood(of: "Омск", depth: 1))
        let edges = try #require(ego["edges"] as? [[String: Any]])
        #expect(edges.first { $0["id"] as? String == "a-twin" }?["since"] as? Int == 2009)
        #expect(edges.first { $0["id"] as? String == "d-signed" }?["year"] as? Int == 2018)
    }
}
