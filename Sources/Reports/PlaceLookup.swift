import Foundation
import KnowledgeGraph

/// Finds the node a user means by a name typed on the command line.
///
/// Kept to one small function on purpose: a morphological `NameResolver` (any grammatical case,
/// OCR damage) will replace it; until then the match is by id, name or alias, ignoring letter
/// case and ё/е, which already accepts every case form that extraction recorded as an alias.
public enum PlaceLookup {
    /// The node whose id, name or alias equals `query` (case-insensitive, ё = е); places win over
    /// other nodes, then the node with the most mentions. Nil when nothing matches.
    public static func resolve(_ query: String, in graph: Graph) -> Node? {
        let key = fold(query)
        guard !key.isEmpty else { return nil }
        let candidates = graph.nodes.filter { node in
            fold(node.id) == key || fold(node.name) == key || node.aliases.contains { fold($0) == key }
        }
        return candidates.sorted { a, b in
            if a.type.isPlace != b.type.isPlace { return a.type.isPlace }
            if a.mentions.count != b.mentions.count { return a.mentions.count > b.mentions.count }
            return a.id < b.id
        }.first
    }

    static func fold(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .replacingOccurrences(of: "ё", with: "е")
    }
}
