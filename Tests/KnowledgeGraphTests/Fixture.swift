import Foundation
import KnowledgeGraph

/// The hand-checked graph of real corpus sentences (Tests/Fixtures/make-paths-fixture.py).
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func graph() throws -> Graph {
        try GraphJSON.read(contentsOf: root.appendingPathComponent("Tests/Fixtures/paths-fixture.json"))
    }

    /// The text of a corpus document.
    static func text(_ document: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("Examples/corpus/\(document).txt"), encoding: .utf8)
    }

    /// The slice `start..<end` in Unicode scalars, the unit of the graph JSON contract.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start..<end])
        return String(out)
    }

    /// A graph as JSON objects, for checking query output the way a program reads it.
    static func json<T: Encodable>(_ value: T) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let object = try JSONSerialization.jsonObject(with: try encoder.encode(value))
        return object as? [String: Any] ?? [:]
    }
}
