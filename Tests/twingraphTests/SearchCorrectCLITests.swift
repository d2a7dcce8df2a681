import Foundation
import Testing

/// search, correct, the fact filter and "did you mean", on a graph written for these tests
/// (two reports of Тверь, 2015 and 2019), through a store in a temporary folder.
@Suite struct SearchCorrectCLITests {
    static let twinning = "twinned-with:city/ostrava->city/tver@year=2015"
    static let partnership = "partner-of:city/linz->city/tver@year=2019"

    static let graphJSON = """
    {"documents": [
       {"id": "tver-2015", "path": "tver-2015.txt", "sha256": "a1", "reporter": "city/tver", "year": 2015},
       {"id": "tver-2019", "path": "tver-2019.txt", "sha256": "b2", "reporter": "city/tver", "year": 2019}],
     "nodes": [
       {"id": "city/tver", "type": "city", "name": "Тверь", "attributes": {"country": "RU"},
        "mentions": [{"document": "tver-2015", "start": 0, "end": 5, "text": "Тверь"},
                     {"document": "tver-2019", "start": 0, "end": 5, "text": "Тверь"}]},
       {"id": "city/ostrava", "type": "city", "name": "Острава", "attributes": {"country": "CZ"},
        "mentions": [{"document": "tver-2015", "start": 8, "end": 15, "text": "Острава"}]},
       {"id": "city/linz", "type": "city", "name": "Линц", "attributes": {"country": "AT"},
        "mentions": [{"document": "tver-2019", "start": 30, "end": 34, "text": "Линц"}]},
       {"id": "person/smirnova", "type": "person", "name": "А.В. Смирнова",
        "mentions": [{"document": "tver-2019", "start": 10, "end": 22, "text": "А.В. Смирнова"}]}],
     "edges": [
       {"id": "\(twinning)", "type": "twinned-with", "source": "city/ostrava", "target": "city/tver",
        "attributes": {"since": 2001, "year": 2015},
        "evidence": [{"document": "tver-2015", "start": 0, "end": 60, "text": "Тверь и Острава подписали договор о побратимстве ещё в 2001 году."}]},
       {"id": "\(partnership)", "type": "partner-of", "source": "city/linz", "target": "city/tver",
        "attributes": {"year": 2019},
        "evidence": [{"document": "tver-2019", "start": 0, "end": 70, "text": "Тверь и Линц стали партнёрами, когда мэр А.В. Смирнова посетила Линц."}]},
       {"id": "visited:person/smirnova->city/linz@year=2019", "type": "visited", "source": "person/smirnova", "target": "city/linz",
        "attributes": {"year": 2019},
        "evidence": [{"document": "tver-2019", "start": 0, "end": 70, "text": "Тверь и Линц стали партнёрами, когда мэр А.В. Смирнова посетила Линц."}]}]}
    """

    /// A folder with the graph file and a store made from it.
    struct Setup {
        var dir: String
        var graph: String { dir + "/graph.json" }
        var store: String { dir + "/kg.sqlite" }

        init() throws {
            dir = try TG.tempDir()
            try graphJSON.write(toFile: dir + "/graph.json", atomically: true, encoding: .utf8)
            let r = try CLI.run(["ingest", "--graph-json", dir + "/graph.json", "--store", dir + "/kg.sqlite"])
            #expect(r.status == 0, "\(r.stderr)")
        }

        func run(_ args: [String]) throws -> CLI.Result { try CLI.run(args + ["--store", store]) }

        func exportedEdges() throws -> [[String: Any]] {
            (try run(["export"]).json()["edges"] as? [[String: Any]]) ?? []
        }
    }

    static func nodeIDs(_ r: CLI.Result) -> [String] {
        ((r.json()["nodes"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    }

    @Test func searchFindsLatinNamesSurnamesAndInflectedWords() throws {
        let s = try Setup()
        let tver = try s.run(["search", "Tver", "--format", "json"])
        #expect(tver.status == 0, "\(tver.stderr)")
        #expect(Self.nodeIDs(tver).first == "city/tver")
        #expect(Self.nodeIDs(try s.run(["search", "Смирновой", "--format", "json"])) == ["person/smirnova"])
        // "побратимстве" in the text; the store's index reads both as one lemma
        let fromStore = try s.run(["search", "договора о побратимстве", "--format", "json"])
        let sentences = (fromStore.json()["sentences"] as? [[String: Any]]) ?? []
        #expect(sentences.count == 1)
        #expect((sentences.first?["facts"] as? [String]) == [Self.twinning])
        let fromFile = try CLI.run(["search", "договора о побратимстве", "--format", "json", "--graph", s.graph])
        #expect(fromFile.stdout == fromStore.stdout)
        // --via and --type narrow the two halves
        let visits = try s.run(["search", "посетила", "--via", "визиты", "--format", "json"]).json()
        #expect(((visits["sentences"] as? [[String: Any]])?.first?["facts"] as? [String]) == ["visited:person/smirnova->city/linz@year=2019"])
        #expect(Self.nodeIDs(try s.run(["search", "Linz", "--type", "person", "--format", "json"])).isEmpty)
        // Latin names work in every query
        #expect(try s.run(["partners", "Tver"]).status == 0)
    }

    @Test func aRejectedFactStaysRejectedAfterTheSameDocumentsAreIngestedAgain() throws {
        let s = try Setup()
        #expect(try s.exportedEdges().contains { $0["id"] as? String == Self.twinning })
        let reject = try s.run(["correct", "reject", Self.twinning])
        #expect(reject.status == 0, "\(reject.stderr)")
        #expect(reject.stdout.isEmpty)
        #expect(try !s.exportedEdges().contains { $0["id"] as? String == Self.twinning })
        let again = try s.run(["ingest", "--graph-json", s.graph])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try !s.exportedEdges().contains { $0["id"] as? String == Self.twinning })
        // another store, given the same corrections file, never gets the fact
        let fixes = s.dir + "/kg-corrections.tsv"
        #expect(try String(contentsOfFile: fixes, encoding: .utf8).contains("reject\t\(Self.twinning)"))
        let other = s.dir + "/other.sqlite"
        #expect(try CLI.run(["ingest", "--graph-json", s.graph, "--store", other, "--corrections", fixes]).status == 0)
        let edges = (try CLI.run(["export", "--store", other]).json()["edges"] as? [[String: Any]]) ?? []
        #expect(edges.count == 2 && !edges.contains { $0["id"] as? String == Self.twinning })
        // extract applies a file the same way (here to a graph read back through ingest's input)
        #expect(try CLI.run(["correct", "list", "--store", other, "--corrections", fixes]).text == "reject\t\(Self.twinning)\n")
    }

    @Test func setMergeAndRenameShowInTheExport() throws {
        let s = try Setup()
        #expect(try s.run(["correct", "set", Self.partnership, "status", "planned"]).status == 0)
        let partnership = try s.exportedEdges().first { $0["id"] as? String == Self.partnership }
        let attributes = partnership?["attributes"] as? [String: Any]
        #expect(attributes?["status"] as? String == "planned")
        #expect(attributes?["corrected"] as? String == "status")
        let partners = try s.run(["partners", "Тверь"]).text
        #expect(partners.contains("corrected by hand: status"))
        #expect(try s.run(["partners", "Тверь", "--format", "json"]).text.contains("\"corrected\" : \"status\""))

        let rename = try s.run(["correct", "rename", "Смирнова", "Анна Смирнова"])
        #expect(rename.status == 0, "\(rename.stderr)")
        let merge = try s.run(["correct", "merge", "Линц", "Острава"])
        #expect(merge.status == 0, "\(merge.stderr)")
        let nodes = (try s.run(["export"]).json()["nodes"] as? [[String: Any]]) ?? []
        #expect(nodes.first { $0["id"] as? String == "person/smirnova" }?["name"] as? String == "Анна Смирнова")
        #expect(!nodes.contains { $0["id"] as? String == "city/ostrava" })
        let linz = nodes.first { $0["id"] as? String == "city/linz" }
        #expect((linz?["aliases"] as? [String]) == ["Острава"])

        let bad = try s.run(["correct", "reject", "no-such-fact"])
        #expect(bad.status == 1 && bad.stdout.isEmpty)
        #expect(bad.stderr.contains("the store has no fact no-such-fact"))
        let badKey = try s.run(["correct", "set", Self.partnership, "colour", "red"])
        #expect(badKey.status == 2 && badKey.stderr.contains("set changes status"))
    }

    @Test func yearsAndCountriesFilterEveryQuery() throws {
        let s = try Setup()
        func partners(_ extra: [String]) throws -> [String] {
            let r = try s.run(["partners", "Тверь", "--format", "json"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return ((r.json()["partners"] as? [[String: Any]]) ?? []).compactMap { ($0["node"] as? [String: Any])?["id"] as? String }.sorted()
        }
        #expect(try partners([]) == ["city/linz", "city/ostrava"])
        #expect(try partners(["--year", "2019"]) == ["city/linz"])
        #expect(try partners(["--years", "2010-2015"]) == ["city/ostrava"])
        #expect(try partners(["--country", "CZ"]) == ["city/ostrava"])
        #expect(try partners(["--country", "at,cz", "--years", "2015-2019"]) == ["city/linz", "city/ostrava"])
        let backwards = try s.run(["partners", "Тверь", "--years", "2019-2015"])
        #expect(backwards.status == 2 && backwards.stdout.isEmpty)
        let unknown = try s.run(["partners", "Тверь", "--country", "Марс"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no country 'Марс'"))
        for args in [["stats"], ["rank"], ["components"], ["timeline", "Тверь"], ["path", "Тверь", "Линц"], ["neighbours", "Тверь"],
                     ["common", "Линц", "Острава"], ["export"], ["search", "Тверь"], ["draw", "network", "-o", s.dir + "/n.svg"]] {
            let r = try s.run(args + ["--year", "2019"])
            #expect(r.status == 0 || r.status == 1, "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("Unknown option"), "\(args): \(r.stderr)")
        }
        let stats = try s.run(["stats", "--year", "2015", "--format", "json"]).json()
        #expect(stats["edges"] as? Int == 1)
    }

    @Test func everyCommandTakesViaAndTypeWhereTheyMakeSense() throws {
        let s = try Setup()
        for args in [["path", "Тверь", "Линц"], ["neighbours", "Тверь"], ["partners", "Тверь"], ["common", "Линц", "Острава"],
                     ["rank"], ["components"], ["timeline", "Тверь"], ["stats"], ["export"], ["search", "Тверь"],
                     ["draw", "network", "-o", s.dir + "/n.svg"]] {
            let r = try s.run(args + ["--via", "побратимы,партнёры", "--type", "город"])
            #expect(r.status == 0 || r.status == 1, "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("Unknown option"), "\(args): \(r.stderr)")
        }
        let stats = try s.run(["stats", "--type", "person", "--format", "json"]).json()
        #expect(stats["nodes"] as? Int == 1)
    }

    @Test func misspeltCommandsAreSuggestedAndFailuresPrintNothing() throws {
        let r = try CLI.run(["partnrs", "Тверь"])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr.contains("did you mean 'partners'?"))
        let nested = try CLI.run(["correct", "rejekt", "x"])
        #expect(nested.stderr.contains("did you mean 'reject'?"))
        let option = try CLI.run(["partners", "Тверь", "--viaa", "x"])
        #expect(option.status == 2 && option.stderr.contains("Did you mean '--via'?"))
        #expect(try CLI.run(["help", "partners"]).status == 0)
        let missing = try CLI.run(["extract", "/nonexistent/missing.txt"])
        #expect(missing.status != 0 && missing.stdout.isEmpty)
        let noStore = try CLI.run(["search", "Тверь", "--store", "/nonexistent/kg.sqlite"])
        #expect(noStore.status == 1 && noStore.stdout.isEmpty)
    }
}
