/// A fact or node fixed by hand, kept in a corrections file and applied after every extraction
/// (`Corrections.apply`), so the fix survives re-extraction and new versions of the extractor.
/// Facts are named by their edge ids and nodes by their node ids, both stable across runs.
public enum Correction: Sendable, Hashable {
    /// The fact is wrong: leave it out.
    case reject(fact: String)
    /// One of the fact's attributes (status, role, year, since, date) has this value.
    case set(fact: String, key: String, value: String)
    /// `merged` is the same thing as `kept`: one node, with both nodes' names and facts.
    /// `keptName` is `kept`'s name, for graphs (a document's contribution) that have only
    /// `merged`.
    case merge(kept: String, merged: String, keptName: String?)
    /// The node's name is `name` (the old one becomes an alias).
    case rename(node: String, name: String)

    /// Attributes `set` may change.
    public static let settableKeys = ["status", "role", "year", "since", "date"]

    /// Keys whose values are years, stored as integers.
    static let yearKeys: Set<String> = ["year", "since"]

    /// The command word in the corrections file and on the command line.
    public var verb: String {
        switch self {
        case .reject: return "reject"
        case .set: return "set"
        case .merge: return "merge"
        case .rename: return "rename"
        }
    }

    /// The fields after the verb, as the file holds them.
    public var fields: [String] {
        switch self {
        case let .reject(fact): return [fact]
        case let .set(fact, key, value): return [fact, key, value]
        case let .merge(kept, merged, keptName): return [kept, merged] + (keptName.map { [$0] } ?? [])
        case let .rename(node, name): return [node, name]
        }
    }

    /// One line for people: "reject twinned-with:city/a->city/b".
    public var summary: String { ([verb] + fields).joined(separator: " ") }

    /// The attribute value `set` stores: an integer for years, else the text.
    static func attributeValue(key: String, text: String) -> AttributeValue {
        if yearKeys.contains(key), let year = Int(text) { return .int(year) }
        return .string(text)
    }
}
