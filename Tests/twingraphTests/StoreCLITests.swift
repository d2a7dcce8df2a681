import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Fixtures and helpers of the store and query commands.
enum TG {
    static let root = CLI.root
    static let fixture = root.appendingPathComponent("Tests/Fixtures/paths-fixture.json").path

    static func run(_ args: [String]) throws -> CLI.Result { try CLI.run(args) }

    static func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("twingraph-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    /// A fresh store holding the fixture.
    static func store() throws -> String {
        let path = try tempDir() + "/graph.sqlite"
        let r = try run(["ingest", "--graph-json", fixture, "--store", path])
        precondition(r.status == 0, r.stderr)
        return path
    }
}

@Suite struct StoreCommandTests {
    @Test func ingestTwiceExportsTheSameBytes() throws {
        let store = try TG.tempDir() + "/graph.sqlite"
        let first = try TG.run(["ingest", "--graph-json", TG.fixture, "--store", store])
        #expect(first.status == 0, "\(first.stderr)")
        // Piped stderr gets plain progress lines.
        #expect(first.stderr.contains("twingraph: ingest 1/5"))
        #expect(first.stderr.contains("omsk-2019: added"))
        let a = try TG.run(["export", "--store", store])
        let again = try TG.run(["ingest", "--graph-json", TG.fixture, "--store", store])
        #expect(again.stderr.contains("omsk-2019: unchanged"))
        let b = try TG.run(["export", "--store", store])
        #expect(a.status == 0 && !a.stdout.isEmpty && a.stdout == b.stdout)
        // The export is the fixture, normalised.
        let viaFile = try TG.run(["export", "--graph", TG.fixture])
        #expect(viaFile.stdout == a.stdout)
    }

    @Test func removeDropsADocument() throws {
        let store = try TG.store()
        #expect(try TG.run(["remove", "irkutsk-2009", "--store", store]).status == 0)
        let stats = try TG.run(["stats", "--store", store, "--format", "json"]).json()
        #expect(stats["documents"] as? Int == 4)
        let missing = try TG.run(["remove", "irkutsk-2009", "--store", store])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no document irkutsk-2009"))
    }

    @Test func textReportsAreExtractedOnIngest() throws {
        let store = try TG.tempDir() + "/graph.sqlite"
        let report = TG.root.appendingPathComponent("Examples/corpus/omsk-2019.txt").path
        let r = try TG.run(["ingest", report, "/no/such/report.txt", "--store", store])
        #expect(r.status == 1)  // the missing file fails, the report is stored
        #expect(r.stderr.contains("/no/such/report.txt"))
        let partners = try TG.run(["partners", "Омска", "--store", store])
        #expect(partners.status == 0, "\(partners.stderr)")
        #expect(String(decoding: partners.stdout, as: UTF8.self).contains("Кайфын"))
        let again = try TG.run(["ingest", report, "--store", store])
        #expect(again.status == 0)
        #expect(again.stderr.contains("unchanged"))
    }

    @Test func queryWithoutAStoreSaysHowToMakeOne() throws {
        let r = try TG.run(["stats", "--store", try TG.tempDir() + "/none.sqlite"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("twingraph ingest"))
    }
}

@Suite struct CorpusPathTests {
    /// The whole pipeline on the example corpus: extract, ingest, ask. The store holds what
    /// extraction found, so these follow the extractor; the fixture tests pin the path logic.
    @Test func corpusPathsGoThroughSharedPartners() throws {
        let dir = try TG.tempDir()
        let corpus = try FileManager.default.contentsOfDirectory(atPath: TG.root.appendingPathComponent("Examples/corpus").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
            .map { TG.root.appendingPathComponent("Examples/corpus/\($0)").path }
        let extracted = try TG.run(["extract"] + corpus + ["-o", dir + "/graph.json"])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let store = dir + "/graph.sqlite"
        #expect(try TG.run(["ingest", "--graph-json", dir + "/graph.json", "--store", store]).status == 0)

        for (a, b) in [("Омск", "Иркутск"), ("Омска", "Иркутском")] {
            let r = try TG.run(["path", a, b, "--store", store, "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let path = (r.json()["paths"] as? [[String: Any]])?.first
            let names = (path?["nodes"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["Омск", "Симферополь", "Иркутск"])
            let documents = Set((path?["hops"] as? [[String: Any]] ?? []).flatMap { hop in
                (hop["relations"] as? [[String: Any]] ?? []).flatMap { rel in
                    (rel["evidence"] as? [[String: Any]] ?? []).compactMap { $0["document"] as? String }
                }
            })
            #expect(documents.isSuperset(of: ["omsk-2019", "irkutsk-2009"]))
        }
        let kb = try TG.run(["path", "Хабаровск", "Благовещенск", "--store", store, "--format", "json"])
        let kbNames = ((kb.json()["paths"] as? [[String: Any]])?.first?["nodes"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(kbNames == ["Хабаровск", "Ниигата", "Благовещенск"])
        let unknown = try TG.run(["path", "Томкс", "Омск", "--store", store])
        #expect(unknown.status == 1 && unknown.stderr.contains("Томск"))

        // Ingesting the corpus again leaves the export byte-for-byte the same.
        let before = try TG.run(["export", "--store", store]).stdout
        #expect(try TG.run(["ingest", "--graph-json", dir + "/graph.json", "--store", store]).status == 0)
        #expect(try TG.run(["export", "--store", store]).stdout == before)
    }
}

@Suite struct PathCommandTests {
    @Test func omskToIrkutskThroughSimferopolInAnyCase() throws {
        let store = try TG.store()
        for (a, b) in [("Омск", "Иркутск"), ("Омска", "Иркутском")] {
            let r = try TG.run(["path", a, b, "--store", store, "--format", "json"])
            #expect(r.status == 0, "\(r.stderr)")
            let paths = r.json()["paths"] as? [[String: Any]] ?? []
            let names = (paths.first?["nodes"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["Омск", "Симферополь", "Иркутск"])
        }
        let text = try TG.run(["path", "Омск", "Иркутск", "--store", store])
        #expect(text.text.contains("omsk-2019") && text.text.contains("irkutsk-2009"))
        #expect(text.text.contains("посетили г. Симферополь"))
    }

    @Test func unknownNameFailsWithCandidates() throws {
        let r = try TG.run(["path", "Томкс", "Иркутск", "--graph", TG.fixture])
        #expect(r.status == 1)
        #expect(r.stderr.contains("the closest are") && r.stderr.contains("Томск"))
    }

    @Test func svgHighlightsThePath() throws {
        let r = try TG.run(["path", "Хабаровск", "Благовещенск", "--graph", TG.fixture, "--format", "svg"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text.contains("<svg"))
        #expect(r.text.contains("#d62728"))
        #expect(r.text.contains("Ниигата"))
    }

    /// The picture of a path shows years and countries, which the light query graph lacks: from
    /// a store and from a file it is what `draw path` draws from the whole graph.
    @Test func pathPictureFromTheLightGraphIsTheWholePicture() throws {
        let store = try TG.store()
        for source in [["--store", store], ["--graph", TG.fixture]] {
            for extra in [[], ["--type", "city"]] {
                let query = try TG.run(["path", "Хабаровск", "Благовещенск", "--format", "svg"] + source + extra)
                let draw = try TG.run(["draw", "path", "Хабаровск", "Благовещенск"] + source)
                #expect(query.status == 0 && draw.status == 0, "\(query.stderr) \(draw.stderr)")
                #expect(!query.stdout.isEmpty && query.stdout == draw.stdout, "\(source) \(extra)")
            }
        }
    }

    @Test func noPathExitsWithOne() throws {
        let r = try TG.run(["path", "Омск", "Томск", "--graph", TG.fixture])
        #expect(r.status == 1)
        #expect(r.text.contains("No path"))
    }
}

@Suite struct QueryCommandTests {
    @Test(arguments: [
        ["neighbours", "Омск", "--depth", "2"], ["partners", "Благовещенск"], ["common", "Хабаровск", "Благовещенск"],
        ["rank", "--by", "pagerank"], ["rank", "--by", "betweenness", "--type", "city"], ["components"],
        ["timeline", "Омска"], ["stats"],
    ])
    func jsonOutputParses(args: [String]) throws {
        let r = try TG.run(args + ["--graph", TG.fixture, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.json().isEmpty, "\(args): \(r.text)")
    }

    @Test func correctedNamesAreSaidOnStderr() throws {
        let r = try TG.run(["partners", "Чанжоу", "--graph", TG.fixture])
        #expect(r.status == 0)
        #expect(r.stderr.contains("\"Чанжоу\" read as Чанчжоу"))
        #expect(r.text.contains("Томск"))
    }

    @Test func partnersTable() throws {
        let r = try TG.run(["partners", "Благовещенска", "--graph", TG.fixture])
        #expect(r.text.contains("Ниигата") && r.text.contains("JP") && r.text.contains("partner-of"))
    }

    @Test func exportsGraphMLAndNeo4j() throws {
        let dir = try TG.tempDir()
        let r = try TG.run(["export", "--graph", TG.fixture, "--format", "graphml"])
        #expect(r.status == 0)
        #expect(XMLParser(data: r.stdout).parse())
        let n = try TG.run(["export", "--graph", TG.fixture, "--format", "neo4j", "-o", dir + "/neo4j"])
        #expect(n.status == 0, "\(n.stderr)")
        for f in ["nodes.csv", "relationships.csv", "import.cypher"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/neo4j/" + f))
        }
    }

    @Test func benchPrintsOneJSONLinePerOperation() throws {
        let dir = try TG.tempDir()
        let r = try TG.run(["bench", "graph", "--nodes", "2000", "--edges", "8000", "--seed", "2", "--repeat", "1",
                            "--write-edges", dir + "/e.tsv", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let ops = r.text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }.compactMap { $0["op"] as? String }
        #expect(Set(ops).isSuperset(of: ["shortest-path", "neighbourhood-2", "pagerank", "components"]))
        let edges = try String(contentsOfFile: dir + "/e.tsv", encoding: .utf8).split(separator: "\n")
        #expect(edges.count == 8000)
        #expect(edges.first?.split(separator: "\t").count == 2)
    }
}
