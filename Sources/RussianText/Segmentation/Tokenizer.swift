/// Splits text into tokens (words, numbers, punctuation, quotes, symbols); whitespace is dropped.
///
/// Initials stay atomic ("В.В." is В . В .): the sentence splitter and the recognisers read them
/// as patterns of a capital letter and a dot, which also covers "К.-Ж.К." and OCR's "В. В.".
public enum Tokenizer {
    /// The tokens of `text`, offsets in Unicode scalars of `text`.
    public static func tokens(_ text: String) -> [Token] {
        tokens(IndexedText(text))
    }

    static func tokens(_ s: [Unicode.Scalar]) -> [Token] {
        tokens(IndexedText(scalars: s))
    }

    static func tokens(_ source: IndexedText) -> [Token] {
        source.withUTF8 { bytes in tokens(source, bytes) }
    }

    private static func tokens(_ source: IndexedText, _ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        let s = source.scalars
        var out: [Token] = []
        out.reserveCapacity(s.count / 4)
        var i = 0
        let n = s.count
        func emit(_ from: Int, _ to: Int, _ kind: TokenKind) {
            out.append(Token(text: source.slice(bytes, from, to), start: from, end: to, kind: kind))
        }
        while i < n {
            let c = s[i]
            if CharacterClass.isWhitespace(c) || CharacterClass.isInvisible(c) {
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

extension String {
    /// The string of these scalars, built from their UTF-8 in one go (appending scalars to a
    /// `UnicodeScalarView` one by one costs several times more, and texts are sliced per token).
    public init<S: Collection>(scalars: S) where S.Element == Unicode.Scalar {
        if let s = scalars.withContiguousStorageIfAvailable({ String(scalarBuffer: $0) }) {
            self = s
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for u in scalars {
            let v = u.value
            if v < 0x80 {
                bytes.append(UInt8(v))
            } else if v < 0x800 {
                bytes.append(UInt8(0xC0 | (v >> 6))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                bytes.append(UInt8(0xE0 | (v >> 12))); bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (v & 0x3F)))
            } else {
                bytes.append(UInt8(0xF0 | (v >> 18))); bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// The string of contiguous scalars: their UTF-8 length first, then written straight into
    /// the string's storage (no intermediate array).
    init(scalarBuffer b: UnsafeBufferPointer<Unicode.Scalar>) {
        var n = 0
        for u in b { n += UTF8.width(u) }
        // A short text is encoded on the stack and decoded from there, which costs less than
        // filling the string's own storage (both validate the bytes).
        if n <= 1024 {
            self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { out in
                let k = Self.encode(b, into: out)
                return String(decoding: UnsafeBufferPointer(rebasing: out[..<k]), as: UTF8.self)
            }
            return
        }
        self.init(unsafeUninitializedCapacity: n) { out in Self.encode(b, into: out) }
    }

    /// Writes the UTF-8 of `b` into `out` (large enough); returns the byte count.
    private static func encode(_ b: UnsafeBufferPointer<Unicode.Scalar>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var k = 0
        for u in b {
            let v = u.value
            if v < 0x80 {
                out[k] = UInt8(v); k += 1
            } else if v < 0x800 {
                out[k] = UInt8(0xC0 | (v >> 6)); out[k + 1] = UInt8(0x80 | (v & 0x3F)); k += 2
            } else if v < 0x10000 {
                out[k] = UInt8(0xE0 | (v >> 12)); out[k + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                out[k + 2] = UInt8(0x80 | (v & 0x3F)); k += 3
            } else {
                out[k] = UInt8(0xF0 | (v >> 18)); out[k + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                out[k + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[k + 3] = UInt8(0x80 | (v & 0x3F)); k += 4
            }
        }
        return k
    }
}

/// Character classes of the tokenizer and the splitter.
///
/// ASCII and basic Cyrillic (А–я, Ё, ё), nearly all of a report, are answered from their code
/// points; other scalars go through their Unicode properties, which cost far more per call.
enum CharacterClass {
    /// Basic Cyrillic letters: alphabetic, no digits, no marks.
    @inline(__always) static func isBasicCyrillic(_ v: UInt32) -> Bool {
        (0x0410...0x044F).contains(v) || v == 0x0401 || v == 0x0451
    }

    @inline(__always) static func isASCIILetter(_ v: UInt32) -> Bool {
        (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if isBasicCyrillic(v) || isASCIILetter(v) { return true }
        if v < 0x80 { return false }
        return c.properties.isAlphabetic && !isDigit(c)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (0x30...0x39).contains(v) }
        if isBasicCyrillic(v) { return false }
        return c.properties.numericType == .decimal
    }

    static func isWordChar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if isBasicCyrillic(v) || isASCIILetter(v) || (0x30...0x39).contains(v) { return true }
        if v < 0x80 { return false }
        return c.properties.isAlphabetic || isDigit(c) || c.properties.generalCategory == .nonspacingMark
    }

    /// `properties.isWhitespace`, answered directly for ASCII and basic Cyrillic.
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        if isBasicCyrillic(v) { return false }
        return c.properties.isWhitespace
    }

    static func isHyphen(_ c: Unicode.Scalar) -> Bool {
        c == "-" || c == "\u{2010}" || c == "\u{2011}"
    }

    static func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "\u{2019}" || c == "\u{02BC}"
    }

    static func isQuote(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "«", "»", "„", "“", "”", "\"", "‘", "’", "'", "‹", "›", "‚": return true
        default: return false
        }
    }

    static func isOpeningQuote(_ c: Unicode.Scalar) -> Bool { c == "«" || c == "„" || c == "‹" || c == "‚" }
    static func isClosingQuote(_ c: Unicode.Scalar) -> Bool { c == "»" || c == "”" || c == "›" || c == "’" }

    static func isTerminal(_ c: Unicode.Scalar) -> Bool {
        c == "." || c == "!" || c == "?" || c == "…"
    }

    /// `s.count` (Characters): the scalar count when no scalar can join a neighbour in a
    /// grapheme cluster (ASCII but CR, Latin to U+024F, Cyrillic letters), else `count`.
    static func characterCount(_ s: String) -> Int {
        var n = 0
        for u in s.unicodeScalars {
            let v = u.value
            guard (v < 0x80 && v != 0x0D) || (v >= 0xA0 && v <= 0x024F) || (v >= 0x0400 && v <= 0x0482)
                    || (v >= 0x048A && v <= 0x04FF) else { return s.count }
            n += 1
        }
        return n
    }

    /// `s.lowercased()`, directly for ASCII and basic Cyrillic (returned as is when it has no
    /// capital letter).
    static func lowercased(_ s: String) -> String {
        var needs = false
        for u in s.unicodeScalars {
            switch u.value {
            case 0x41...0x5A, 0x0410...0x042F, 0x0401: needs = true
            case 0...0x7F, 0x0430...0x044F, 0x0451: break
            default: return s.lowercased()
            }
        }
        guard needs else { return s }
        // These letters keep their UTF-8 length: А–П D0 90…9F → D0 B0…BF, Р–Я D0 A0…AF →
        // D1 80…8F, Ё D0 81 → D1 91.
        var t = s
        return t.withUTF8 { b in
            String(unsafeUninitializedCapacity: b.count) { out in
                var i = 0
                while i < b.count {
                    let c = b[i]
                    if c < 0x80 {
                        out[i] = c &- 0x41 < 26 ? c | 0x20 : c
                        i += 1
                        continue
                    }
                    let d = i + 1 < b.count ? b[i + 1] : 0
                    if c == 0xD0 && d >= 0x90 && d <= 0x9F {
                        out[i] = 0xD0; out[i + 1] = d + 0x20
                    } else if c == 0xD0 && d >= 0xA0 && d <= 0xAF {
                        out[i] = 0xD1; out[i + 1] = d - 0x20
                    } else if c == 0xD0 && d == 0x81 {
                        out[i] = 0xD1; out[i + 1] = 0x91
                    } else {
                        out[i] = c
                        if i + 1 < b.count { out[i + 1] = d }
                    }
                    i += 2
                }
                return b.count
            }
        }
    }

    /// Zero-width and soft-hyphen characters that OCR and word processors leave in text.
    static func isInvisible(_ c: Unicode.Scalar) -> Bool {
        c == "\u{00AD}" || c == "\u{200B}" || c == "\u{200C}" || c == "\u{200D}" || c == "\u{FEFF}"
    }
}
