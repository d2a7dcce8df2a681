import Foundation
import Testing

/// Every reading command takes its graph from the store (default), `--graph FILE` or `--graph -`.
@Suite struct GraphSourceCLITests {
    static let fixtureText = (try? String(contentsOfFile: TG.fixture, encoding: .utf8)) ?? ""

    static func isSVG(_ r: CLI.Result) -> Bool { r.status == 0 && r.text.contains("<svg") }

    @Test func drawReadsTheStore() throws {
        let store = try TG.store()
        let network = try CLI.run(["draw", "network", "--store", store])
        #expect(Self.isSVG(network), "\(network.stderr)")
        let ego = try CLI.run(["draw", "ego", "Омск", "--store", store])
        #expect(Self.isSVG(ego), "\(ego.stderr)")
        #expect(ego.text.contains("Симферополь"))
    }

    @Test func drawReadsStandardInput() throws {
        let network = try CLI.run(["draw", "network", "--graph", "-"], stdin: Self.fixtureText)
        #expect(Self.isSVG(network), "\(network.stderr)")
        let path = try CLI.run(["draw", "path", "Омск", "Иркутск", "--graph", "-", "--format", "dot"], stdin: Self.fixtureText)
        #expect(path.status == 0, "\(path.stderr)")
        #expect(path.text.contains("Симферополь"))
    }

    @Test func emptyOrBadStandardInputIsNamed() throws {
        let empty = try CLI.run(["draw", "network", "--graph", "-"], stdin: "")
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("standard input is empty"))
        #expect(empty.stdout.isEmpty)
        let bad = try CLI.run(["partners", "Омск", "--graph", "-"], stdin: "{\"nodes\": [")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("standard input"))
    }

    @Test func appendixReadsTheStoreAndStandardInput() throws {
        let store = try TG.store()
        let dir = try TG.tempDir()
        let fromStore = try CLI.run(["appendix", "Омск", "--store", store, "--format", "csv", "-o", dir])
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        let partners = try String(contentsOfFile: dir + "/omsk-partners.csv", encoding: .utf8)
        #expect(partners.contains("Симферополь"))
        let piped = try CLI.run(["appendix", "Омск", "--graph", "-", "--format", "html", "-o", dir], stdin: Self.fixtureText)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/omsk-appendix.html"))
    }

    @Test func queriesReadStandardInput() throws {
        let fromFile = try CLI.run(["partners", "Омск", "--graph", TG.fixture, "--format", "json"])
        let piped = try CLI.run(["partners", "Омск", "--graph", "-", "--format", "json"], stdin: Self.fixtureText)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == fromFile.stdout)
        let both = try CLI.run(["draw", "network", "--graph", TG.fixture, "--store", "x.sqlite"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("either --store or --graph"))
    }
}

@Suite struct DrawViaCLITests {
    @Test func drawFollowsOnlyTheChosenRelations() throws {
        // Омск reaches Иркутск through a visit to Симферополь: partnerships alone do not join them.
        let any = try CLI.run(["draw", "path", "Омск", "Иркутск", "--graph", TG.fixture, "--format", "dot"])
        #expect(any.status == 0, "\(any.stderr)")
        let partners = try CLI.run(["draw", "path", "Омск", "Иркутск", "--graph", TG.fixture, "--format", "dot", "--via", "побратимы,партнёры"])
        #expect(partners.status == 1)
        #expect(partners.stderr.contains("not connected"))
        let bad = try CLI.run(["draw", "network", "--graph", TG.fixture, "--via", "дружба"])
        #expect(bad.status == 2 && bad.stderr.contains("unknown relation"))
    }
}
