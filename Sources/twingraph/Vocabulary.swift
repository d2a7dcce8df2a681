import ArgumentParser
import Foundation
import KnowledgeGraph

/// The names a user may give relations (`--via`) and node types (`--type`): the graph JSON's
/// names, or Russian words for them, in any letter case, with е for ё.
enum Vocabulary {
    /// Russian words for each relation: the plural a report uses, the singular, the verb.
    static let relationWords: [EdgeType: [String]] = [
        .twinnedWith: ["побратимы", "побратим", "побратимство", "города-побратимы"],
        .partnerOf: ["партнёры", "партнёр", "партнёрство", "города-партнёры"],
        .visited: ["визиты", "визит", "посетили", "посетил", "посещения"],
        .signed: ["подписали", "подписал", "подписание", "соглашения"],
        .participatedIn: ["участвовали", "участвовал", "участие"],
        .heldIn: ["проходили", "проходил", "состоялись", "место проведения"],
        .memberOf: ["члены", "член", "членство"],
        .locatedIn: ["находится", "расположен", "расположены"],
        .holdsOffice: ["должность", "должности", "занимает должность"],
    ]

    static let nodeTypeWords: [NodeType: [String]] = [
        .city: ["город", "города"],
        .region: ["регион", "регионы"],
        .country: ["страна", "страны"],
        .organisation: ["организация", "организации", "organization"],
        .person: ["человек", "люди", "персона"],
        .event: ["событие", "события", "мероприятие", "мероприятия"],
    ]

    static func key(_ word: String) -> String {
        word.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "ё", with: "е")
    }

    static func lookup<T: RawRepresentable & Hashable>(_ words: [T: [String]]) -> [String: T] where T.RawValue == String {
        var table: [String: T] = [:]
        for (value, names) in words {
            table[key(value.rawValue)] = value
            for name in names { table[key(name)] = value }
        }
        return table
    }

    static let relations = lookup(relationWords)
    static let nodeTypes = lookup(nodeTypeWords)

    /// "twinned-with (побратимы), partner-of (партнёры), …" for error messages and help.
    static func listing<T: RawRepresentable & Hashable & CaseIterable>(_ words: [T: [String]]) -> String where T.RawValue == String {
        T.allCases.map { value in words[value]?.first.map { "\(value.rawValue) (\($0))" } ?? value.rawValue }
            .joined(separator: ", ")
    }
}

/// Parses "twinned-with,partner-of" or "побратимы,партнёры" into relation types.
func parseRelations(_ list: String?) throws -> Set<EdgeType>? {
    try parseNames(list, in: Vocabulary.relations, listing: Vocabulary.listing(Vocabulary.relationWords),
                   kind: "relation", option: "--via", plural: "relations")
}

/// Parses "city,region" or "город,регион" into node types.
func parseNodeTypes(_ list: String?) throws -> Set<NodeType>? {
    try parseNames(list, in: Vocabulary.nodeTypes, listing: Vocabulary.listing(Vocabulary.nodeTypeWords),
                   kind: "node type", option: "--type", plural: "types")
}

/// A comma-separated list of names, each looked up by its `Vocabulary.key` in `table`.
private func parseNames<T: Hashable>(_ list: String?, in table: [String: T], listing: String,
                                     kind: String, option: String, plural: String) throws -> Set<T>? {
    guard let list else { return nil }
    var out = Set<T>()
    for item in list.split(separator: ",").map(String.init) where !Vocabulary.key(item).isEmpty {
        guard let t = table[Vocabulary.key(item)] else {
            throw ValidationError("unknown \(kind) '\(item)'; \(plural) are: \(listing)")
        }
        out.insert(t)
    }
    if out.isEmpty { throw ValidationError("\(option) names no \(kind); \(plural) are: \(listing)") }
    return out
}

extension Vocabulary {
    /// Help of a `--type` that keeps the facts between nodes of these types.
    static func typeHelp(_ what: String) -> ArgumentHelp {
        ArgumentHelp("\(what) (comma-separated: city, region, country, organisation, person, event, or город, страна …).",
                     valueName: "node-types")
    }

    /// Help of a `--via` that keeps the facts of these relations.
    static func viaHelp(_ what: String) -> ArgumentHelp {
        ArgumentHelp("\(what) (comma-separated; JSON or Russian names: twinned-with or побратимы, partner-of or партнёры, visited or визиты, signed or подписали …).",
                     valueName: "relations")
    }
}
