import Foundation
import Testing

/// One vocabulary across commands: --via (JSON or Russian names), --type, neighbors, --version,
/// appendix -o FILE, and messages for errors found while running.
@Suite struct VocabularyCLITests {
    static func run(_ args: [String]) throws -> CLI.Result { try CLI.run(args + ["--graph", TG.fixture]) }

    @Test func russianRelationNamesMeanTheJSONOnes() throws {
        for (russian, json) in [("побратимы,партнёры", "twinned-with,partner-of"), ("визиты", "visited"), ("ПАРТНЕРЫ", "partner-of")] {
            let a = try Self.run(["neighbours", "Омск", "--via", russian, "--format", "json"])
            let b = try Self.run(["neighbours", "Омск", "--via", json, "--format", "json"])
            #expect(a.status == 0, "\(a.stderr)")
            #expect(a.stdout == b.stdout, "\(russian)")
        }
        // The filter is applied: visits alone reach fewer places than every relation.
        let visits = try Self.run(["neighbours", "Омск", "--via", "визиты", "--format", "json"]).json()
        let all = try Self.run(["neighbours", "Омск", "--format", "json"]).json()
        #expect((visits["nodes"] as? [Any])?.count ?? 0 < (all["nodes"] as? [Any])?.count ?? 0)
    }

    @Test func everyQueryTakesVia() throws {
        for args in [["path", "Омск", "Кайфын"], ["neighbours", "Омск"], ["partners", "Омск"], ["common", "Омск", "Кайфын"],
                     ["rank"], ["components"], ["timeline", "Омск"]] {
            let r = try Self.run(args + ["--via", "побратимы"])
            #expect(r.status == 0 || r.status == 1, "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("Unknown option"), "\(args): \(r.stderr)")
        }
        let partners = try Self.run(["partners", "Омск", "--via", "визиты", "--format", "json"]).json()
        let relations = ((partners["partners"] as? [[String: Any]]) ?? []).flatMap { ($0["relations"] as? [[String: Any]]) ?? [] }
        #expect(!relations.isEmpty)
        #expect(relations.allSatisfy { $0["type"] as? String == "visited" })
        #expect(partners["via"] as? [String] == ["visited"])
    }

    @Test func typeAndNeighborsAlias() throws {
        let british = try Self.run(["neighbours", "Омск", "--type", "city", "--format", "json"])
        let american = try Self.run(["neighbors", "Омск", "--type", "город", "--format", "json"])
        #expect(american.status == 0, "\(american.stderr)")
        #expect(american.stdout == british.stdout)
        let types = Set(((british.json()["nodes"] as? [[String: Any]]) ?? []).compactMap { ($0["node"] as? [String: Any])?["type"] as? String })
        #expect(types == ["city"])
        let rank = try Self.run(["rank", "--type", "Город", "--format", "json"]).json()
        let ranked = (rank["entries"] as? [[String: Any]]) ?? []
        #expect(!ranked.isEmpty && ranked.allSatisfy { ($0["node"] as? [String: Any])?["type"] as? String == "city" })
    }

    @Test func errorsWhileRunningPrintTheirMessage() throws {
        let r = try Self.run(["path", "Омск", "Кайфын", "--via", "дружба"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown relation 'дружба'"))
        #expect(r.stderr.contains("twinned-with (побратимы)"))
        #expect(!r.stderr.contains("Usage: twingraph <subcommand>"))
        #expect(r.stdout.isEmpty)
    }

    @Test func versionAndJobsHelp() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.text.trimmingCharacters(in: .whitespacesAndNewlines).range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil)
        let help = try CLI.run(["extract", "--help"]).text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("one per core"))
        #expect(!help.contains("(default: \(ProcessInfo.processInfo.activeProcessorCount))"))
    }

    @Test func appendixOutputMayNameTheFile() throws {
        let dir = try TG.tempDir()
        let html = try Self.run(["appendix", "Омск", "-o", dir + "/out/omsk.html"])
        #expect(html.status == 0, "\(html.stderr)")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: dir + "/out/omsk.html", isDirectory: &isDirectory) && !isDirectory.boolValue)
        #expect(try String(contentsOfFile: dir + "/out/omsk.html", encoding: .utf8).contains("<html"))
        let md = try Self.run(["appendix", "Омск", "-o", dir + "/omsk.md"])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["omsk-ego.svg", "omsk.md", "out"])
        let clash = try Self.run(["appendix", "Омск", "-o", dir + "/x.html", "--format", "md"])
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("names a .html file"))
        let several = try Self.run(["appendix", "--reporters", "-o", dir + "/all.html"])
        #expect(several.status == 2)
    }
}
