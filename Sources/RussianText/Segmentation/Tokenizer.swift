/// Splits text into tokens (words, numbers, punctuation, quotes, symbols); whitespace is dropped.
///
/// Initials stay atomic ("В.В." is В . В .): the sentence splitter and the recognisers read them
/// as patterns of a capital letter and a dot, which also covers "К.-Ж.К." and OCR's "В. В.".
public enum Tokenizer {
    /// The tokens of `text`, offsets in Unicode scalars of `text`.
    public static func tokens(_ text: String) -> [Token] {
        tokens(Array(text.unicodeScalars))
    }

    static func tokens(_ s: [Unicode.Scalar]) -> [Token] {
        var out: [Token] = []
        var i = 0
        let n = s.count
        func emit(_ from: Int, _ to: Int, _ kind: TokenKind) {
            out.append(Token(text: String(String.UnicodeScalarView(s[from..<to])), start: from, end: to, kind: kind))
        }
        while i < n {
            let c = s[i]
            if c.properties.isWhitespace || CharacterClass.isInvisible(c) {
                i += 1
                continue
            }
            if CharacterClass.isWordChar(c) {
                let start = i
                var hasLetter = CharacterClass.isLetter(c)
                i += 1
                while i < n {
                    if CharacterClass.isWordChar(s[i]) {
                        if CharacterClass.isLetter(s[i]) { hasLetter = true }
                        i += 1
                        continue
                    }
                    guard i + 1 < n, CharacterClass.isWordChar(s[i + 1]) else { break }
                    let joiner = s[i], next = s[i + 1]
                    if CharacterClass.isHyphen(joiner) {
                        // "Улан-Батор", "30-м", "COVID-19" join; a range "2019-2020" does not.
                        if hasLetter || CharacterClass.isLetter(next) { i += 2; hasLetter = true; continue }
                        break
                    }
                    if CharacterClass.isInvisible(joiner) {  // a soft hyphen inside a word
                        i += 2
                        continue
                    }
                    if CharacterClass.isApostrophe(joiner) && hasLetter && CharacterClass.isLetter(next) {
                        i += 2
                        continue
                    }
                    if (joiner == "." || joiner == ",") && !hasLetter && CharacterClass.isDigit(next)
                        && CharacterClass.isDigit(s[i - 1]) {
                        i += 2
                        continue
                    }
                    break
                }
                emit(start, i, CharacterClass.isDigit(s[start]) ? .number : .word)
                continue
            }
            if c == "№" {
                // "№3" is one number; "№ 3" leaves the sign on its own.
                var j = i + 1
                while j < n && CharacterClass.isDigit(s[j]) { j += 1 }
                emit(i, j, j > i + 1 ? .number : .other)
                i = j
                continue
            }
            if CharacterClass.isQuote(c) {
                emit(i, i + 1, .quote)
                i += 1
                continue
            }
            if CharacterClass.isTerminal(c) {
                var j = i + 1
                while j < n && CharacterClass.isTerminal(s[j]) { j += 1 }
                emit(i, j, .punctuation)
                i = j
                continue
            }
            let kind: TokenKind
            switch c.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                kind = .punctuation
            default:
                kind = .other
            }
            emit(i, i + 1, kind)
            i += 1
        }
        return out
    }
}

/// Character classes of the tokenizer and the splitter.
enum CharacterClass {
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic && !isDigit(c)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.properties.numericType == .decimal
    }

    static func isWordChar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || isDigit(c) || c.properties.generalCategory == .nonspacingMark
    }

    static func isHyphen(_ c: Unicode.Scalar) -> Bool {
        c == "-" || c == "\u{2010}" || c == "\u{2011}"
    }

    static func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "\u{2019}" || c == "\u{02BC}"
    }

    static func isQuote(_ c: Unicode.Scalar) -> Bool {
        "«»„“”\"‘’'‹›‚".unicodeScalars.contains(c)
    }

    static func isOpeningQuote(_ c: Unicode.Scalar) -> Bool { c == "«" || c == "„" || c == "‹" || c == "‚" }
    static func isClosingQuote(_ c: Unicode.Scalar) -> Bool { c == "»" || c == "”" || c == "›" || c == "’" }

    static func isTerminal(_ c: Unicode.Scalar) -> Bool {
        c == "." || c == "!" || c == "?" || c == "…"
    }

    /// Zero-width and soft-hyphen characters that OCR and word processors leave in text.
    static func isInvisible(_ c: Unicode.Scalar) -> Bool {
        c == "\u{00AD}" || c == "\u{200B}" || c == "\u{200C}" || c == "\u{200D}" || c == "\u{FEFF}"
    }
}
