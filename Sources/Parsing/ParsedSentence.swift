/// A named-entity tag in the BIO scheme.
public enum EntityTag: Sendable, Hashable, CustomStringConvertible {
    /// Not part of an entity.
    case outside
    /// The first token of an entity of `type` (`PER`, `LOC` or `ORG`).
    case begin(String)
    /// A following token of an entity of `type`.
    case inside(String)

    init(_ tag: String) {
        if tag.hasPrefix("B-") { self = .begin(String(tag.dropFirst(2))) }
        else if tag.hasPrefix("I-") { self = .inside(String(tag.dropFirst(2))) }
        else { self = .outside }
    }

    /// `O`, `B-LOC`, `I-PER`, …
    public var description: String {
        switch self {
        case .outside: "O"
        case .begin(let type): "B-" + type
        case .inside(let type): "I-" + type
        }
    }
}

/// One token with everything the three models say about it.
public struct ParsedToken: Sendable, Hashable {
    /// The word as given.
    public let form: String
    /// Universal POS tag (`NOUN`, `PROPN`, `VERB`, …).
    public let upos: String
    /// Universal Dependencies features (`Case` → `Gen`, `Number` → `Sing`, …).
    public let features: [String: String]
    /// The head: 0 for the root, otherwise the 1-based position of the head token.
    public let head: Int
    /// The dependency relation to the head (`nsubj`, `obl`, `root`, …).
    public let relation: String
    /// The BIO entity tag.
    public let entity: EntityTag

    /// FEATS as CoNLL-U writes them: `Key=Value` sorted by key, joined by `|`; `_` when none.
    public var featuresText: String {
        features.isEmpty ? "_" : features.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|")
    }
}

/// A run of tokens the NER model marks as one entity.
public struct EntitySpan: Sendable, Hashable {
    /// `PER`, `LOC` or `ORG`.
    public let type: String
    /// The 0-based token positions of the entity in its sentence.
    public let tokens: Range<Int>
}

/// A sentence analysed by the NER, morphology and syntax models.
public struct ParsedSentence: Sendable, Hashable {
    /// The tokens in order; `ParsedToken.head` counts them from 1.
    public let tokens: [ParsedToken]
    /// The entities, in order. A `B-` tag opens one; `I-` of the same type continues it; an
    /// `I-` with nothing of its type open opens one too.
    public let entities: [EntitySpan]

    init(tokens: [ParsedToken]) {
        self.tokens = tokens
        var spans: [EntitySpan] = []
        var open: (type: String, start: Int)?
        func close(at end: Int) {
            if let o = open { spans.append(EntitySpan(type: o.type, tokens: o.start..<end)) }
            open = nil
        }
        for (i, token) in tokens.enumerated() {
            switch token.entity {
            case .outside:
                close(at: i)
            case .begin(let type):
                close(at: i)
                open = (type, i)
            case .inside(let type):
                if open?.type != type {
                    close(at: i)
                    open = (type, i)
                }
            }
        }
        close(at: tokens.count)
        entities = spans
    }
}
