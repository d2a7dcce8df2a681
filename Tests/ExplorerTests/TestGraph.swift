import Foundation
import KnowledgeGraph

/// A small graph written for these tests: three cities, a hostile name, a visit and an
/// agreement, each with its evidence sentence in one made-up document.
enum TestGraph {
    static let documentID = "doc-1"
    static let evidenceText = "Делегация города Северска посетила Южноград в 2018 году."

    static func make() -> Graph {
        let doc = Document(id: documentID, path: "reports/test.txt", sha256: String(repeating: "a", count: 64),
                           reporter: "city/severs", year: 2018, format: "txt", title: "Отчёт <для проверки>")
        func span(_ text: String, at start: Int) -> Span {
            Span(document: documentID, start: start, end: start + text.unicodeScalars.count, text: text)
        }
        let visit = span(evidenceText, at: 100)
        let mention = Span(document: documentID, start: 117, end: 125, text: "Северска")
        let nodes = [
            Node(id: "city/severs", type: .city, name: "Северск", aliases: ["Северска"], attributes: ["country": "RU"], mentions: [mention]),
            Node(id: "city/yuzhnograd", type: .city, name: "Южноград", attributes: ["country": "CN"]),
            Node(id: "city/zapadny", type: .city, name: "Западный", attributes: ["country": "JP"]),
            Node(id: "city/evil", type: .city, name: "<script>alert(1)</script>", attributes: ["country": "US"]),
            Node(id: "city/quote", type: .city, name: "\"]; a -> b", attributes: ["country": "US"]),
        ]
        let edges = [
            Edge(type: .twinnedWith, source: "city/severs", target: "city/yuzhnograd", attributes: ["since": 2010, "year": 2010],
                 evidence: [span("Северск и Южноград — побратимы с 2010 года.", at: 10)]),
            Edge(type: .visited, source: "city/severs", target: "city/yuzhnograd", attributes: ["year": 2018], evidence: [visit]),
            Edge(type: .partnerOf, source: "city/yuzhnograd", target: "city/zapadny", attributes: ["year": 2021],
                 evidence: [span("Южноград и Западный стали партнёрами в 2021 году.", at: 200)]),
            Edge(type: .partnerOf, source: "city/severs", target: "city/evil", attributes: ["year": 2015],
                 evidence: [span("Договор с <script>alert(1)</script> подписан.", at: 300)]),
            Edge(type: .partnerOf, source: "city/severs", target: "city/quote", attributes: ["year": 2016],
                 evidence: [span("Партнёр \"]; a -> b найден.", at: 400)]),
        ]
        return Graph(documents: [doc], nodes: nodes, edges: edges)
    }
}
