import Foundation
import Hummingbird
import HummingbirdTesting
import KnowledgeGraph
import Testing
@testable import Explorer

/// Runs `body` against the explorer's router over the test graph.
func withExplorer(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let app = Application(router: Explorer(graph: TestGraph.make()).router())
    try await app.test(.router, body)
}

/// GETs `uri`; the status and the body as text.
func get(_ client: any TestClientProtocol, _ uri: String, method: HTTPRequest.Method = .get) async throws -> (HTTPResponse.Status, String) {
    try await client.execute(uri: uri, method: method) { response in
        (response.status, String(buffer: response.body))
    }
}

func encoded(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }

@Suite struct PageTests {
    @Test func networkPageLinksEveryPlaceAndLabelsLines() async throws {
        try await withExplorer { client in
            let (status, html) = try await get(client, "/")
            #expect(status == .ok)
            #expect(html.contains("<svg"))
            // a node in the drawing and in the list links to its page
            #expect(html.contains("xlink:href=\"/node?id=city%2Fyuzhnograd\""))
            #expect(html.contains("<a href=\"/node?id=city%2Fzapadny\">Западный</a>"))
            // the line between Северск and Южноград names both relations and their years
            #expect(html.contains("Северск — Южноград: побратимы с 2010, 2010; визит, 2018"))
        }
    }

    /// A large network (more places than the fan limit, so laid out once and pinned) is drawn on
    /// the page as `draw network` draws it: its places inside the picture, not shrunk to nothing
    /// (a diagram that lost its pinned positions came out 200 times too big for its page).
    @Test func aLargeNetworkDrawingFitsItsPicture() async throws {
        let names = (1...40).map { "Город\($0)" }
        let nodes = names.enumerated().map { k, name in
            Node(id: "city/c\(k)", type: .city, name: name, attributes: ["country": ["CN", "JP", "DE", "FR"][k % 4]])
        }
        let edges = names.indices.map { k in
            Edge(type: .twinnedWith, source: "city/c\(k)", target: "city/c\((k + 1) % names.count)", attributes: ["year": 2015])
        }
        let app = Application(router: Explorer(graph: Graph(nodes: nodes, edges: edges)).router())
        try await app.test(.router) { client in
            let (_, html) = try await get(client, "/")
            let numbers = { (pattern: String) -> [Double] in
                let regex = try! NSRegularExpression(pattern: pattern)
                return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
                    Range(match.range(at: 1), in: html).flatMap { Double(html[$0]) }
                }
            }
            let width = try #require(numbers(#"viewBox="0\.00 0\.00 ([0-9.]+) "#).first)
            let scale = try #require(numbers(#"transform="scale\(([0-9.]+) "#).first)
            #expect(scale > 0.5, "the drawing is scaled by \(scale)")
            let centres = numbers(#"<ellipse [^>]*cx="(-?[0-9.]+)""#)
            #expect(centres.count == names.count)
            for x in centres { #expect(x >= 0 && x * scale <= width, "a place at x = \(x) outside a picture \(width) wide") }
        }
    }

    @Test func hostileNamesAreText() async throws {
        try await withExplorer { client in
            for uri in ["/", "/node?id=city%2Fsevers", "/search?q=" + encoded("<script>"), "/document?id=doc-1"] {
                let (status, html) = try await get(client, uri)
                #expect(status == .ok, "\(uri)")
                #expect(!html.contains("<script>"), "\(uri) has a raw <script>")
                #expect(!html.contains("\"]; a -> b"), "\(uri) has a raw quote name")
            }
            let (_, node) = try await get(client, "/node?id=city%2Fsevers")
            #expect(node.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(node.contains("&quot;]; a -&gt; b"))
            let (_, missing) = try await get(client, "/node?id=" + encoded("<img src=x>"))
            #expect(!missing.contains("<img"))
        }
    }

    @Test func nodePageShowsPartnersVisitsEvidenceAndDiagrams() async throws {
        try await withExplorer { client in
            // an inflected form finds the node
            let (status, html) = try await get(client, "/node?id=" + encoded("Северска"))
            #expect(status == .ok)
            #expect(html.contains("<h1>Северск</h1>"))
            #expect(html.contains("id=\"with-city/yuzhnograd\""))
            #expect(html.contains("«Северск и Южноград — побратимы с 2010 года.»"))
            #expect(html.contains("<h2>Визиты (1)</h2>"))
            #expect(html.contains("href=\"/document?id=doc-1#span-100\""))
            #expect(html.contains("id=\"ego\"") && html.contains("id=\"timeline\""))
        }
    }

    @Test func pathPageAcceptsInflectedNamesAndShowsEveryHop() async throws {
        try await withExplorer { client in
            let (status, html) = try await get(client, "/path?from=\(encoded("Северска"))&to=\(encoded("Западного"))")
            #expect(status == .ok)
            #expect(html.contains("Путь 1: 2 шага"))
            #expect(html.contains("«Южноград и Западный стали партнёрами в 2021 году.»"))
            #expect(html.contains("id=\"path-diagram\""))
        }
    }

    @Test func formsSendSpacesAsPlusAndEscapesAreDecodedOnce() async throws {
        try await withExplorer { client in
            let (_, spaced) = try await get(client, "/search?q=" + encoded("побратимы с").replacingOccurrences(of: "%20", with: "+"))
            #expect(spaced.contains("<h1>Поиск: побратимы с</h1>"))
            #expect(spaced.contains("Узлы (0)") && spaced.contains("Предложения (1)"))
            let (_, literal) = try await get(client, "/search?q=%2541")
            #expect(literal.contains("<h1>Поиск: %41</h1>"))
            let values = QueryValues(query: "via=visited&via=signed&q=a%2Bb+c&empty")
            #expect(values["via"] == "visited,signed" && values["q"] == "a+b c" && values["empty"] == nil)
        }
    }

    @Test func documentPageHighlightsMentionsInItsEvidence() async throws {
        try await withExplorer { client in
            let (status, html) = try await get(client, "/document?id=doc-1")
            #expect(status == .ok)
            #expect(html.contains("<h1>Отчёт &lt;для проверки&gt;</h1>"))
            #expect(html.contains("Делегация города <mark>Северска</mark> посетила Южноград в 2018 году."))
            let (missing, _) = try await get(client, "/document?id=nope")
            #expect(missing == .notFound)
        }
    }

    @Test func filtersInTheURLKeepOnlyTheirFacts() async throws {
        try await withExplorer { client in
            let (_, recent) = try await get(client, "/node?id=city%2Fyuzhnograd&year-from=2020")
            #expect(recent.contains("Западный"))
            #expect(!recent.contains("побратимы с 2010"))
            let (_, chinese) = try await get(client, "/node?id=city%2Fsevers&country=CN")
            #expect(chinese.contains("Южноград") && !chinese.contains("&lt;script&gt;"))
            // links keep the filters
            #expect(chinese.contains("/node?id=city%2Fyuzhnograd&amp;country=CN"))
            let (bad, message) = try await get(client, "/?year-from=soon")
            #expect(bad == .badRequest)
            #expect(message.contains("year-from=soon is not a year"))
            let (badRelation, _) = try await get(client, "/?via=enemies")
            #expect(badRelation == .badRequest)
        }
    }
}
