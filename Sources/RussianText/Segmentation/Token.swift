/// What a token is.
public enum TokenKind: String, Sendable, Hashable {
    /// Letters, possibly with digits, hyphens and apostrophes inside ("Улан-Батор", "ANMC21",
    /// "Кот-д'Ивуар", "COVID-19").
    case word
    /// Digits, with dots or commas between digits ("06.11.2019", "1,5"), a letter suffix after a
    /// hyphen ("30-м"), or a number sign ("№3").
    case number
    /// Punctuation; runs of terminal marks are one token ("...", "?!").
    case punctuation
    /// Quotation marks: « » „ “ ” " ‘ ’ ' and ‹ ›, each its own token.
    case quote
    /// Anything else: symbols (%, ™, №, $), stray marks.
    case other
}

/// A token of a text. `start` and `end` are offsets in Unicode scalars of the text the tokenizer
/// was given (DESIGN.md), `end` exclusive; `text` is that exact slice.
public struct Token: Sendable, Hashable {
    public let text: String
    public let start: Int
    public let end: Int
    public let kind: TokenKind

    public init(text: String, start: Int, end: Int, kind: TokenKind) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
    }

    /// The first character is an upper-case letter.
    public var isCapitalized: Bool {
        guard let f = text.unicodeScalars.first else { return false }
        // ASCII and basic Cyrillic from their code points: this is asked of every token
        switch f.value {
        case 0x41...0x5A, 0x0410...0x042F, 0x0401: return true
        case 0...0x7F, 0x0430...0x044F, 0x0451: return false
        default: return f.properties.isUppercase
        }
    }

    /// The first character is a lower-case letter.
    public var isLowercase: Bool {
        guard let f = text.unicodeScalars.first else { return false }
        switch f.value {
        case 0x61...0x7A, 0x0430...0x044F, 0x0451: return true
        case 0...0x7F, 0x0410...0x042F, 0x0401: return false
        default: return f.properties.isLowercase
        }
    }
}

/// A sentence: offsets in Unicode scalars of the text, `end` exclusive, `text` the exact slice,
/// and its tokens (with offsets in the whole text).
public struct Sentence: Sendable, Hashable {
    public let start: Int
    public let end: Int
    public let text: String
    public let tokens: [Token]

    public init(start: Int, end: Int, text: String, tokens: [Token]) {
        self.start = start
        self.end = end
        self.text = text
        self.tokens = tokens
    }
}
