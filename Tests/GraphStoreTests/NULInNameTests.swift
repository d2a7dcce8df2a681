import Foundation
import Testing
import KnowledgeGraph
@testable import GraphStore

/// A name with a NUL inside is stored and read back whole, on the full and the query path.
@Suite struct NULInNameTests {
    static let name = "Нью\u{0}Васюки"

    static func graph() -> Graph {
        let document = Document(id: "nul-report", path: "nul-report.txt", sha256: String(repeating: "a", count: 64))
        let city = Node(id: "city:нью-васюки", type: .city, name: name)
        let other = Node(id: "city:кострома", type: .city, name: "Кострома")
        return Graph(documents: [document], nodes: [city, other],
                     edges: [Edge(type: .twinnedWith, source: city.id, target: other.id)])
    }

    @Test func aNULInsideANameSurvivesTheStore() throws {
        let store = try StoreFixture.tempStore()
        let graph = Self.graph()
        _ = try store.ingest(document: graph.documents[0], graph: graph)
        let stored = try store.graph().nodes.first { $0.id == "city:нью-васюки" }
        #expect(stored?.name == Self.name)
        #expect(stored?.name.unicodeScalars.count == 10)
        let queried = try store.queryGraph().graph.nodes.first { $0.id == "city:нью-васюки" }
        #expect(queried?.name == Self.name)
    }

    @Test func namesWithoutNULAreUnchanged() throws {
        let store = try StoreFixture.tempStore()
        let graph = Self.graph()
        _ = try store.ingest(document: graph.documents[0], graph: graph)
        #expect(try store.graph().nodes.map(\.name).contains("Кострома"))
        #expect(try store.ingest(document: graph.documents[0], graph: graph) == .unchanged)
    }
}
