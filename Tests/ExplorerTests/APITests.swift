import Foundation
import Hummingbird
import HummingbirdTesting
import KnowledgeGraph
import Testing
@testable import Explorer

@Suite struct APITests {
    /// The API's JSON is the CLI's `--format json`: the same report from the same query, encoded
    /// the same way.
    @Test func reportsAreTheQueriesJSON() async throws {
        let queries = GraphQueries(graph: TestGraph.make())
        let expected: [(String, Data)] = [
            ("/api/partners?node=" + encoded("Северск"), try Explorer.json(try queries.partners(of: "Северск"))),
            ("/api/path?from=\(encoded("Северска"))&to=\(encoded("Западный"))",
             try Explorer.json(try queries.paths(from: "Северска", to: "Западный"))),
            ("/api/timeline?node=city%2Fsevers", try Explorer.json(try queries.timeline(of: "city/severs"))),
            ("/api/neighbours?node=city%2Fsevers&depth=2", try Explorer.json(try queries.neighbourhood(of: "city/severs", depth: 2))),
            ("/api/stats", try Explorer.json(queries.stats())),
        ]
        try await withExplorer { client in
            for (uri, json) in expected {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                    #expect(String(buffer: response.body) == String(decoding: json, as: UTF8.self), "\(uri)")
                }
            }
        }
    }

    @Test func searchFindsNamesAndEvidence() async throws {
        try await withExplorer { client in
            let (status, body) = try await get(client, "/api/search?q=" + encoded("ЮЖНОГРАД"))
            #expect(status == .ok)
            let report = try JSONDecoder().decode(SearchReport.self, from: Data(body.utf8))
            #expect(report.nodes.map(\.id) == ["city/yuzhnograd"])
            #expect(report.sentences.count == 3)
        }
    }

    @Test func errorsAreJSONWithTheirStatus() async throws {
        try await withExplorer { client in
            let (missing, body) = try await get(client, "/api/partners")
            #expect(missing == .badRequest)
            #expect(body.contains("\"error\" : \"the parameter 'node' is missing\""))
            let (unknown, _) = try await get(client, "/api/partners?node=" + encoded("Абвгдейка"))
            #expect(unknown == .notFound)
            let (noAPI, _) = try await get(client, "/api/delete")
            #expect(noAPI == .notFound)
            let (tooMany, _) = try await get(client, "/api/path?from=a&to=b&k=100000")
            #expect(tooMany == .badRequest)
        }
    }
}

@Suite struct SecurityTests {
    @Test func climbingPathsAreRefused() async throws {
        try await withExplorer { client in
            for uri in ["/../etc/passwd", "/api/../../x", "/%2e%2e/x", "/a/%2E%2E/b", "/a\\..\\b"] {
                let (status, _) = try await get(client, uri)
                #expect(status == .badRequest, "\(uri)")
            }
        }
    }

    @Test func nothingWrites() async throws {
        try await withExplorer { client in
            for method in [HTTPRequest.Method.post, .put, .delete] {
                let (status, _) = try await get(client, "/", method: method)
                #expect(status == .methodNotAllowed)
            }
            let (head, body) = try await get(client, "/node?id=city%2Fsevers", method: .head)
            #expect(head == .ok && body.isEmpty)
        }
    }

    @Test func requestSizesAreBounded() async throws {
        try await withExplorer { client in
            let (long, _) = try await get(client, "/search?q=" + String(repeating: "a", count: Limits.maximumURILength))
            #expect(long == .uriTooLong)
            let (longText, _) = try await get(client, "/api/search?q=" + String(repeating: "a", count: Limits.maximumTextLength + 1))
            #expect(longText == .badRequest)
            try await client.execute(uri: "/", method: .get, body: ByteBuffer(string: "x")) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func slowSearchesAreStoppedAtTheTimeLimit() async throws {
        // The search never ends until the test lets it: only the time limit can answer first.
        // (Not timed by the clock: under the full suite the awaiting task may resume much later
        // than the limit fires, as every core is busy.)
        let endless = DispatchSemaphore(value: 0)
        defer { endless.signal() }
        let limit = RunningLimit(maximum: 1)  // one at a time, so the abandoned search blocks the next
        await #expect(throws: RequestError.tooSlow(
            "the test search took longer than 0.2 s and was stopped; narrow it (fewer paths, max-hops, relation filters)")) {
            try await withTimeLimit(0.2, limit: limit, what: "test search") { endless.wait(); return 1 }
        }
        // the abandoned search still holds its place until it ends: a second one is refused
        await #expect(throws: RequestError.tooSlow("the server is busy with other long queries; try again in a few seconds")) {
            try await withTimeLimit(1, limit: limit, what: "test search") { 2 }
        }
        let quick = try await withTimeLimit(1, limit: RunningLimit(maximum: 1), what: "test search") { 3 }
        #expect(quick == 3)
    }
}
