import Foundation
import Testing
@testable import KnowledgeGraph

@Suite struct GraphJSONTests {
    static let sample = Graph(
        documents: [Document(id: "omsk-2019", path: "Examples/corpus/omsk-2019.txt", sha256: "ab", reporter: "city/omsk", year: 2019)],
        nodes: [
            Node(id: "city/omsk", type: .city, name: "Омск", aliases: ["Омске", "Омска"],
                 attributes: ["country": "RU", "lat": .double(54.99), "geonames": 1496153],
                 mentions: [Span(document: "omsk-2019", start: 5, end: 10, text: "Омске")]),
            Node(id: "city/kaifeng", type: .city, name: "Кайфын"),
        ],
        edges: [Edge(type: .twinnedWith, source: "city/omsk", target: "city/kaifeng",
                     attributes: ["status": "established", "year": 2019],
                     evidence: [Span(document: "omsk-2019", start: 1, end: 4, text: "abc")])])

    @Test func roundTripIsByteStable() throws {
        let first = try GraphJSON.encode(Self.sample)
        let decoded = try GraphJSON.decode(first)
        let second = try GraphJSON.encode(decoded)
        #expect(first == second)
        #expect(decoded == Self.sample.sorted())
    }

    @Test func outputIsSortedAndSymmetricEdgesOrdered() throws {
        let text = try GraphJSON.encodeString(Self.sample)
        let kaifeng = try #require(text.range(of: "\"id\" : \"city/kaifeng\""))
        let omsk = try #require(text.range(of: "\"id\" : \"city/omsk\""))
        #expect(kaifeng.lowerBound < omsk.lowerBound)
        // twinned-with is symmetric: stored with source < target.
        let edge = Self.sample.edges[0]
        #expect(edge.source == "city/kaifeng" && edge.target == "city/omsk")
        // aliases sorted
        #expect(text.contains("\"Омска\",\n        \"Омске\""))
    }

    @Test func malformedJSONGivesLineAndColumn() {
        let bad = "{\n  \"nodes\": [\n    {\"id\": \"a\",, }\n  ]\n}\n"
        #expect {
            try GraphJSON.decode(Data(bad.utf8), file: "bad.json")
        } throws: { error in
            guard case let GraphJSONError.syntax(file, line, column, _) = error else { return false }
            return file == "bad.json" && line == 3 && column == 16
        }
    }

    @Test func wrongShapeNamesThePath() {
        let bad = #"{"nodes": [{"id": "a", "type": "planet", "name": "x"}]}"#
        #expect {
            try GraphJSON.decode(Data(bad.utf8), file: "g.json")
        } throws: { error in
            guard case let GraphJSONError.schema(file, path, _) = error else { return false }
            return file == "g.json" && path.contains("nodes") && path.contains("type")
        }
    }

    @Test func truncatedInputIsReported() {
        #expect(throws: GraphJSONError.self) { try GraphJSON.decode(Data("{\"nodes\": [".utf8)) }
    }
}

@Suite struct SortedUniqueTests {
    @Test func sameAsSetThenSort() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let spans = (0..<Int.random(in: 0...30, using: &rng)).map { _ in
                Span(document: ["a", "b"].randomElement(using: &rng)!, start: Int.random(in: 0...3, using: &rng),
                     end: 5, text: ["Омск", "Иркутск", "x"].randomElement(using: &rng)!)
            }
            #expect(spans.sortedUnique() == Array(Set(spans)).sorted())
            let names = spans.map(\.text)
            #expect(names.sortedUnique() == Array(Set(names)).sorted())
        }
    }
}
