import Foundation
import Testing
@testable import KnowledgeGraph

@Suite struct PathQueryTests {
    let queries: GraphQueries

    init() throws { queries = GraphQueries(graph: try Fixture.graph()) }

    @Test func omskToIrkutskGoesThroughSimferopolWithBothSentences() throws {
        let report = try queries.paths(from: "Омск", to: "Иркутск")
        let path = try #require(report.paths.first)
        #expect(path.nodes.map(\.name) == ["Омск", "Симферополь", "Иркутск"])
        let spans = path.hops.flatMap { $0.relations.flatMap(\.evidence) }
        #expect(Set(spans.map(\.document)) == ["omsk-2019", "irkutsk-2009"])
        // The evidence is the exact slice of the corpus text it points at.
        for span in spans {
            #expect(Fixture.slice(try Fixture.text(span.document), span.start, span.end) == span.text)
            #expect(span.text.contains("Симферополь"))
        }
    }

    @Test func inflectedNamesGiveTheSamePath() throws {
        let plain = try queries.paths(from: "Омск", to: "Иркутск")
        let inflected = try queries.paths(from: "Омска", to: "Иркутском")
        #expect(plain.paths == inflected.paths)
    }

    @Test func khabarovskToBlagoveshchenskGoesThroughNiigata() throws {
        let report = try queries.paths(from: "Хабаровск", to: "Благовещенск")
        #expect(report.paths.first?.nodes.map(\.id) == ["city/khabarovsk", "city/niigata", "city/blagoveshchensk"])
        let types = report.paths.first?.hops.flatMap { $0.relations.map(\.type) }
        #expect(types == [.twinnedWith, .partnerOf])
    }

    @Test func relationFilterAndMaxHops() throws {
        // Only partnerships: Irkutsk's link to Simferopol is a visit, so Omsk and Irkutsk part.
        let partnership = try queries.paths(from: "Омск", to: "Иркутск", via: [.twinnedWith, .partnerOf])
        #expect(partnership.paths.isEmpty)
        #expect(try queries.paths(from: "Омск", to: "Иркутск", maxHops: 1).paths.isEmpty)
        let k = try queries.paths(from: "Омск", to: "Иркутск", mode: .alternatives(3))
        #expect(k.paths.count == 1)   // the fixture has one route only
        let all = try queries.paths(from: "Омск", to: "Иркутск", mode: .allShortest(limit: 10))
        #expect(all.paths.count == 1)
    }

    @Test func unknownNameFailsWithCandidates() {
        #expect(throws: QueryError.self) { try queries.paths(from: "Омскк-на-Дону", to: "Иркутск") }
        do {
            _ = try queries.paths(from: "Томкс", to: "Иркутск")
            Issue.record("expected a failure")
        } catch let QueryError.unknownName(name, candidates) {
            #expect(name == "Томкс")
            #expect(candidates.first?.name == "Томск")
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func pathJSON() throws {
        let json = try Fixture.json(try queries.paths(from: "Омска", to: "Иркутском"))
        #expect((json["from"] as? [String: Any])?["id"] as? String == "city/omsk")
        let paths = try #require(json["paths"] as? [[String: Any]])
        #expect(paths.first?["length"] as? Int == 2)
        let hops = try #require(paths.first?["hops"] as? [[String: Any]])
        let relations = try #require(hops.first?["relations"] as? [[String: Any]])
        #expect(relations.compactMap { $0["type"] as? String }.sorted() == ["partner-of", "visited"])
        let evidence = try #require(relations.first?["evidence"] as? [[String: Any]])
        #expect(evidence.first?["document"] as? String == "omsk-2019")
        #expect(relations.first?["year"] as? Int == 2019)
    }
}

@Suite struct NetworkQueryTests {
    let queries: GraphQueries

    init() throws { queries = GraphQueries(graph: try Fixture.graph()) }

    @Test func neighbourhoodJSON() throws {
        let r = try queries.neighbourhood(of: "Омск", depth: 2)
        let json = try Fixture.json(r)
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.first?["distance"] as? Int == 0)
        let ids = nodes.compactMap { ($0["node"] as? [String: Any])?["id"] as? String }
        #expect(ids.contains("city/irkutsk"))   // through Simferopol
        #expect(!ids.contains("city/pforzheim"))   // three hops away
        #expect(json["depth"] as? Int == 2)
        #expect((json["edges"] as? [Any])?.count == r.edges.count)
        let partnersOnly = try queries.neighbourhood(of: "Омск", depth: 2, via: [.partnerOf])
        #expect(!partnersOnly.nodes.map(\.node.id).contains("city/irkutsk"))
    }

    @Test func partnersJSON() throws {
        let json = try Fixture.json(try queries.partners(of: "Благовещенска"))
        let partners = try #require(json["partners"] as? [[String: Any]])
        let names = partners.compactMap { ($0["node"] as? [String: Any])?["name"] as? String }
        #expect(names == ["Дзеэцу", "Ниигата", "Такацуки", "Хэйхэ"])
        #expect(partners.first?["country"] as? String == "JP")
        #expect(partners.first?["documents"] as? [String] == ["blagoveshchensk-2011"])
    }

    @Test func commonJSON() throws {
        let json = try Fixture.json(try queries.common("Хабаровск", "Благовещенск"))
        let common = try #require(json["common"] as? [[String: Any]])
        #expect(common.compactMap { ($0["node"] as? [String: Any])?["id"] as? String } == ["city/niigata"])
        #expect(((common.first?["withFirst"] as? [[String: Any]])?.first)?["type"] as? String == "twinned-with")
        // Omsk and Irkutsk share Simferopol only through a visit, which is not a partnership.
        #expect(try queries.common("Омск", "Иркутск").common.isEmpty)
        #expect(try queries.common("Омск", "Иркутск", via: nil).common.map(\.node.id) == ["city/simferopol"])
    }

    @Test func rankJSON() throws {
        for measure in RankReport.Measure.allCases {
            let json = try Fixture.json(queries.rank(by: measure, nodeType: .city, top: 3))
            #expect(json["measure"] as? String == measure.rawValue)
            let entries = try #require(json["entries"] as? [[String: Any]])
            #expect(entries.count == 3)
            #expect(entries.first?["rank"] as? Int == 1)
            // Blagoveshchensk has four partners and bridges them to Khabarovsk's side.
            #expect((entries.first?["node"] as? [String: Any])?["id"] as? String == "city/blagoveshchensk")
        }
        let degree = Dictionary(uniqueKeysWithValues: queries.rank(by: .degree).entries.map { ($0.node.id, $0.score) })
        #expect(degree["city/blagoveshchensk"] == 4 && degree["city/omsk"] == 3)
        // Pairs whose shortest paths cross a node: Omsk 7, Simferopol 6 (hand count).
        let b = Dictionary(uniqueKeysWithValues: queries.rank(by: .betweenness).entries.map { ($0.node.id, $0.score) })
        #expect(b["city/blagoveshchensk"] == 12 && b["city/omsk"] == 7 && b["city/simferopol"] == 6 && b["city/kaifeng"] == 0)
        let total = queries.rank(by: .pagerank).entries.reduce(0) { $0 + $1.score }
        #expect(abs(total - 1) < 1e-9)
    }

    @Test func componentsJSON() throws {
        let json = try Fixture.json(queries.components())
        #expect(json["count"] as? Int == 3)   // Omsk–Irkutsk, Khabarovsk–Blagoveshchensk, Tomsk–Changzhou
        let comps = try #require(json["components"] as? [[String: Any]])
        #expect(comps.compactMap { $0["size"] as? Int } == [6, 7, 2].sorted(by: >))
    }

    @Test func timelineJSON() throws {
        let json = try Fixture.json(try queries.timeline(of: "Омск"))
        let years = try #require(json["years"] as? [[String: Any]])
        #expect(years.compactMap { $0["year"] as? Int } == [2019])
        let facts = try #require(years.first?["facts"] as? [[String: Any]])
        #expect(facts.count == 5)
        #expect(Set(facts.compactMap { $0["direction"] as? String }) == ["both", "out"])
    }

    @Test func statsJSON() throws {
        let json = try Fixture.json(queries.stats())
        #expect(json["nodes"] as? Int == 15)
        #expect(json["edges"] as? Int == 14)
        #expect(json["documents"] as? Int == 5)
        #expect((json["nodesByType"] as? [String: Int])?["city"] == 15)
        #expect(json["components"] as? Int == 3)
        #expect((json["hubs"] as? [Any])?.isEmpty == false)
    }

    @Test func textReportsNameTheEvidence() throws {
        let r = try queries.paths(from: "Омск", to: "Иркутск")
        let text = TextReports.path(r, names: [:])
        #expect(text.contains("Омск — Симферополь — Иркутск"))
        #expect(text.contains("omsk-2019") && text.contains("irkutsk-2009"))
    }
}
