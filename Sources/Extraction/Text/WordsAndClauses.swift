import Foundation  // memchr, memcmp
import KnowledgeGraph
import RussianText

/// A token with the views the rules need: lower-cased and ё-folded text, capitalisation.
///
/// The views are computed once per token: rules ask them for every word of every clause, and
/// going through Unicode properties or Foundation on each question dominated extraction time.
/// A class, so that the rules' many `let x = w[i]` share one instance instead of copying (and
/// retaining) its strings.
final class Word: Sendable {
    let token: Token
    /// Index in its sentence.
    let index: Int
    /// Lower-cased, ё → е.
    let lower: String
    /// `lower` holds only ASCII and basic Cyrillic letters (the usual case), so it is in NFC
    /// with a grapheme break between any two scalars: comparing its UTF-8 bytes then gives the
    /// same answers as String's comparisons, at a fraction of the cost.
    let isPlain: Bool
    /// The first character is an upper-case letter.
    let isCapitalized: Bool
    /// Two or more letters, at least two of them capitals and the first a capital ("КНР", "ОмГУ").
    let isAbbreviation: Bool
    /// Every letter is a capital ("ОМСК").
    let isAllCaps: Bool
    /// Unicode scalars in the text ("К" → 1).
    let scalarCount: Int
    /// The first letter of `lower` as a `Stems` bit.
    let initial: UInt8

    /// The token's text, with Latin and Greek letters that look like Cyrillic ones folded into
    /// them inside a Cyrillic word ("Омcк" with a Latin "c" is "Омск"); scalar for scalar, so
    /// offsets stay those of the source.
    let text: String
    var start: Int { token.start }
    var end: Int { token.end }
    var isWord: Bool { token.kind == .word }

    /// The text holds a "-" (as a character of its own).
    let hasHyphen: Bool

    /// `lower` begins with one of `stems` (lower-case NFC stems, as the tables hold).
    func starts(with stems: [String]) -> Bool {
        stems.contains { starts(with: $0) }
    }
    /// `lower` begins with one of `stems`; words whose first letter begins none are answered
    /// at once.
    func starts(with stems: Stems) -> Bool {
        stems.initials & (1 << UInt64(initial)) != 0 && stems.list.contains { starts(with: $0) }
    }
    func starts(with stem: String) -> Bool {
        guard isPlain else { return lower.hasPrefix(stem) }
        return lower.utf8.count >= stem.utf8.count && lower.hasBytePrefix(stem)
    }
    /// What follows `stem` in `lower` ("омская" after "омск" → "ая"), nil when `lower` does not
    /// start with it. Plain words are cut by bytes; the result is plain too.
    func remainder(after stem: String) -> String? {
        guard starts(with: stem) else { return nil }
        guard isPlain else {
            // the general route: String's prefix test and Character counts, as `starts` uses
            return String(lower.dropFirst(stem.count))
        }
        return String(decoding: lower.utf8.dropFirst(stem.utf8.count), as: UTF8.self)
    }
    func `is`(_ words: String...) -> Bool { isAny(words) }
    /// Whether `lower` is `word` (a lower-case literal), without the array of the variadic form.
    func `is`(_ word: String) -> Bool {
        isPlain ? lower.utf8.count == word.utf8.count && lower.sameBytes(word) : lower == word
    }
    /// The token is exactly `s`, a punctuation mark or a symbol ("(", "«", "№"), compared by
    /// bytes: String's `==` normalises a Cyrillic word before it can tell it from "(". Such
    /// marks have no other encoding, so the answer is the same.
    func isText(_ s: StaticString) -> Bool {
        var t = text
        return t.withUTF8 { b in
            b.count == s.utf8CodeUnitCount && memcmp(b.baseAddress!, s.utf8Start, b.count) == 0
        }
    }
    /// Whether `lower` is one of `words`; words whose first letter starts none are answered at once.
    func isAny(_ words: Stems) -> Bool {
        words.initials & (1 << UInt64(initial)) != 0 && isAny(words.list)
    }
    /// Whether `lower` is one of `words` (lower-case literals).
    func isAny(_ words: [String]) -> Bool {
        guard isPlain else { return words.contains(lower) }
        // lengths first: most candidates differ in length, and `utf8.count` costs nothing
        let n = lower.utf8.count
        return words.contains { $0.utf8.count == n && lower.sameBytes($0) }
    }

    init(token: Token, index: Int) {
        self.token = token
        self.index = index
        let text = LookAlikes.folded(token.text)
        self.text = text
        let (lower, plain) = Word.fold(text)
        self.lower = lower
        self.isPlain = plain
        self.isCapitalized = token.isCapitalized
        var letters = 0, upper = 0, scalars = 0, hyphen = false
        for u in text.unicodeScalars {
            scalars += 1
            if u == "-" { hyphen = true }
            switch u.value {
            case 0x41...0x5A, 0x0410...0x042F, 0x0401: letters += 1; upper += 1
            case 0x61...0x7A, 0x0430...0x044F, 0x0451: letters += 1
            case 0...0x7F: break
            default:
                if u.properties.isAlphabetic {
                    letters += 1
                    if u.properties.isUppercase { upper += 1 }
                }
            }
        }
        isAllCaps = letters > 0 && upper == letters
        scalarCount = scalars
        // a "-" of its own: in plain text every scalar is a character; elsewhere ask String
        hasHyphen = plain ? hyphen : text.contains("-")
        // only plain words: elsewhere a decomposed "й" may begin a word that "й…" prefixes
        initial = plain ? Stems.bit(firstOf: lower) : 63
        // "ОмГУ", "КНР", but not "Улан-Батор"
        isAbbreviation = token.kind == .word && isCapitalized
            && letters >= 2 && letters <= 10 && upper >= 2 && upper * 2 >= letters
    }

    /// `text` lower-cased with ё → е (`fold`), and whether it is plain (see `isPlain`).
    static func fold(_ text: String) -> (String, Bool) {
        if let plain = plainFold(text) { return (plain, true) }
        return (generalFold(text), false)
    }
}

/// A list of lower-case stems with the set of their first letters: the rules test every word
/// of a clause against such lists, and most words start with a letter none of the stems does.
struct Stems: Sendable, Sequence, ExpressibleByArrayLiteral {
    let list: [String]
    /// Bit `Stems.bit(first scalar)` of every stem; bit 63 always (anything else).
    let initials: UInt64

    init(_ list: [String]) {
        self.list = list
        initials = list.reduce(UInt64(1) << 63) { $0 | (1 << UInt64(Stems.bit($1.unicodeScalars.first))) }
    }
    init(arrayLiteral elements: String...) { self.init(elements) }

    func makeIterator() -> IndexingIterator<[String]> { list.makeIterator() }

    static func + (a: Stems, b: Stems) -> Stems { Stems(a.list + b.list) }

    /// Table rows in 64 buckets by the first letter of their stem (`bit`), each bucket in table
    /// order: a word need only be compared with the rows of its own letter.
    static func byInitial<Row>(_ rows: [Row], stem: (Row) -> String) -> [[Row]] {
        var table = [[Row]](repeating: [], count: 64)
        for r in rows { table[Int(bit(stem(r).unicodeScalars.first))].append(r) }
        return table
    }

    /// а…я → 0…31, a…z → 32…57, anything else (ё is folded to е before) → 63. A word whose
    /// first letter has bit 63 is tested against every stem.
    /// `bit` of the first letter of a plain (ASCII and basic Cyrillic) text, from its bytes.
    static func bit(firstOf plain: String) -> UInt8 {
        var t = plain
        return t.withUTF8 { b in
            guard let lead = b.first else { return 63 }
            if lead < 0x80 { return bit(Unicode.Scalar(lead)) }
            guard b.count >= 2 else { return 63 }
            return bit(Unicode.Scalar(UInt32(lead & 0x1F) << 6 | UInt32(b[1] & 0x3F)))
        }
    }

    static func bit(_ s: Unicode.Scalar?) -> UInt8 {
        guard let v = s?.value else { return 63 }
        switch v {
        case 0x0430...0x044F: return UInt8(v - 0x0430)
        case 0x61...0x7A: return UInt8(v - 0x61 + 32)
        default: return 63
        }
    }
}

/// Lower-case and fold ё for matching. Every sentence and every token goes through it: plain
/// text (ASCII and А–я, Ё, ё) is mapped byte for byte into a String of the same length, the
/// rest by `generalFold`.
func fold(_ s: String) -> String {
    plainFold(s, keepingPunctuation: true) ?? generalFold(s)
}

private struct NotPlain: Error {}

/// `fold` of plain text on UTF-8 bytes, nil for any other text. Upper-case А–П are D0 90–9F and
/// become D0 B0–BF, Р–Я are D0 A0–AF and become D1 80–8F, Ё and ё (D0 81, D1 91) become е (D0 B5).
/// With `keepingPunctuation`, the quotes, dashes and no-break space of sentences (U+0080–U+00BF,
/// U+2000–U+203F) are copied too: they have no case.
func plainFold(_ s: String, keepingPunctuation: Bool = false) -> String? {
    var s = s
    // Most words are written in lower case already: then the text is its own fold, and no new
    // String is made.
    let unchanged = s.withUTF8 { src -> Bool in
        var i = 0
        while i < src.count {
            let b = src[i]
            if b < 0x80 {
                if b &- 0x41 < 26 { return false }
                i += 1
                continue
            }
            guard i + 1 < src.count else { return false }
            let c = src[i + 1]
            if b == 0xD0, c >= 0xB0 && c <= 0xBF { i += 2; continue }  // а–п
            if b == 0xD1, c >= 0x80 && c <= 0x8F { i += 2; continue }  // р–я
            return false
        }
        return true
    }
    if unchanged { return s }
    return s.withUTF8 { src -> String? in
        try? String(unsafeUninitializedCapacity: src.count) { dst in
            var i = 0
            while i < src.count {
                let b = src[i]
                if b < 0x80 {
                    dst[i] = b &- 0x41 < 26 ? b + 0x20 : b
                    i += 1
                    continue
                }
                guard i + 1 < src.count else { throw NotPlain() }
                let c = src[i + 1]
                if keepingPunctuation {
                    if b == 0xC2 { dst[i] = b; dst[i + 1] = c; i += 2; continue }
                    if b == 0xE2, c == 0x80, i + 2 < src.count {
                        dst[i] = b; dst[i + 1] = c; dst[i + 2] = src[i + 2]; i += 3; continue
                    }
                }
                // (a switch over the pair compiles to a chain of tuple tests)
                if b == 0xD0 {
                    if c >= 0xB0 && c <= 0xBF { dst[i] = b; dst[i + 1] = c }  // а–п
                    else if c >= 0xA0 && c <= 0xAF { dst[i] = 0xD1; dst[i + 1] = c - 0x20 }  // Р–Я
                    else if c >= 0x90 && c <= 0x9F { dst[i] = 0xD0; dst[i + 1] = c + 0x20 }  // А–П
                    else if c == 0x81 { dst[i] = 0xD0; dst[i + 1] = 0xB5 }  // Ё
                    else { throw NotPlain() }
                } else if b == 0xD1 {
                    if c >= 0x80 && c <= 0x8F { dst[i] = b; dst[i + 1] = c }  // р–я
                    else if c == 0x91 { dst[i] = 0xD0; dst[i + 1] = 0xB5 }  // ё
                    else { throw NotPlain() }
                } else {
                    throw NotPlain()
                }
                i += 2
            }
            return src.count
        }
    }
}

/// `fold` for any text, scalar by scalar.
func generalFold(_ s: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    func append(_ u: Unicode.Scalar) {
        let v = u.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(contentsOf: String(u).utf8)
        }
    }
    for u in s.unicodeScalars {
        switch u.value {
        case 0x0401, 0x0451: out.append(0xD0); out.append(0xB5)  // е
        case 0x0410...0x042F, 0x41...0x5A: append(Unicode.Scalar(u.value + 0x20)!)
        // lower-case letters and ASCII: no Unicode property lookup needed
        case 0...0x40, 0x5B...0x7F, 0x0430...0x044F: append(u)
        default:
            if u.properties.isUppercase {
                for m in u.properties.lowercaseMapping.unicodeScalars { append(m) }
            } else {
                append(u)
            }
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// The words of `s` joined by single spaces: `s.split(whereSeparator: \.isWhitespace)
/// .joined(separator: " ")`. Text of ASCII, Cyrillic letters and the usual quotes and dashes is
/// done scalar by scalar (none of them joins a space into one Character); anything else takes
/// the general route, so the result is the same for every input.
func collapsingWhitespace(_ s: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    var pending = false
    for u in s.unicodeScalars {
        let v = u.value
        switch v {
        case 0x09...0x0D, 0x20:
            if !out.isEmpty { pending = true }
        case 0x21...0x7E, 0x0400...0x0482, 0x048A...0x04FF, 0xAB, 0xBB, 0x2013, 0x2014, 0x201C...0x201E, 0x2116:
            if pending { out.append(0x20); pending = false }
            out.append(contentsOf: UTF8.encode(u)!)
        default:
            return s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
    }
    return String(decoding: out, as: UTF8.self)
}

extension String {
    /// Prefix test on UTF-8 bytes, for strings in NFC whose scalars each stand alone (see
    /// `Word.isPlain`); `hasPrefix` normalises and breaks graphemes on every call.
    func hasBytePrefix(_ prefix: String) -> Bool {
        var s = self, p = prefix
        return s.withUTF8 { h in
            p.withUTF8 { n in
                guard h.count >= n.count else { return false }
                var i = 0
                while i < n.count { if h[i] != n[i] { return false }; i += 1 }
                return true
            }
        }
    }

    /// Equality on UTF-8 bytes, for the same strings as `hasBytePrefix`.
    func sameBytes(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var s = self, o = other
        return s.withUTF8 { a in o.withUTF8 { b in a.count == b.count && a.elementsEqual(b) } }
    }

    /// Substring test on UTF-8 bytes. Foundation's `contains` is locale-aware and dominated
    /// extraction time; valid UTF-8 cannot match across a character boundary, so bytes suffice.
    func has(_ needle: String) -> Bool {
        var hay = self, n = needle
        return hay.withUTF8 { h in
            n.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard h.count >= n.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                // libc's memchr looks for one byte of the needle, then memcmp checks it all. The
                // byte is the needle's first that is no Cyrillic lead byte (D0/D1, half of a
                // Russian text): a letter's own byte is rare enough for memchr to skip far.
                let anchor = n.firstIndex { $0 != 0xD0 && $0 != 0xD1 } ?? 0
                let target = Int32(n[anchor])
                let lastAnchor = h.count - n.count + anchor
                var i = anchor
                while i <= lastAnchor {
                    guard let hit = memchr(hb + i, target, lastAnchor - i + 1) else { return false }
                    let at = hb.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hb + (at - anchor), nb, n.count) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
    }
}

/// A sentence with its words and where it stands in the document's structure.
struct Clause: Sendable {
    let index: Int
    let sentence: Sentence
    let words: [Word]
    /// Starts with a bullet or a number: "- …", "1) …", "2. …".
    let isListItem: Bool
    /// Starts with "1)"-style numbering and is short with no final full stop: a section heading.
    let isNumberedHeading: Bool
    /// A short line without final punctuation: a heading.
    let isHeading: Bool
    /// Ends with a colon: what follows is its list.
    let introducesList: Bool
    /// First sentence of its line.
    let startsLine: Bool

    /// The sentence lower-cased and ё-folded, computed once: the rules search it often.
    let lowerText: String
    /// The 4-byte windows of `lowerText`, for `has`.
    let windows: Windows
    /// Every word is plain (`Word.isPlain`): each word's `lower` is then a slice of `lowerText`.
    let isPlain: Bool

    var start: Int { sentence.start }
    var end: Int { sentence.end }
    var text: String { sentence.text }

    /// Whether `lowerText` contains `needle` (lower-case, ё-folded). The rules ask dozens of
    /// stems of every clause; the windows rule out most of them without a search.
    func has(_ needle: String) -> Bool {
        windows.mayContain(needle) && lowerText.has(needle)
    }
}

/// Which 4-byte windows of a text occur in it, hashed into 4,096 bits. Every window of a
/// needle occurs in any text that contains the needle, so a needle with a window the text
/// lacks cannot occur in it; otherwise a real search decides.
struct Windows: Sendable {
    private var bits: [UInt64]

    init(_ text: String) {
        var bits = [UInt64](repeating: 0, count: 64)
        var t = text
        t.withUTF8 { b in
            guard b.count >= 4 else { return }
            var w = UInt32(b[0]) << 16 | UInt32(b[1]) << 8 | UInt32(b[2])
            for i in 3..<b.count {
                w = w << 8 | UInt32(b[i])
                let h = Windows.slot(w)
                bits[h >> 6] |= 1 << UInt64(h & 63)
            }
        }
        self.bits = bits
    }

    private static func slot(_ window: UInt32) -> Int {
        Int((UInt64(window) &* 0x9E37_79B9_7F4A_7C15) >> 52)
    }

    /// False only when `needle` cannot occur in the text.
    func mayContain(_ needle: String) -> Bool {
        var n = needle
        return n.withUTF8 { b in
            guard b.count >= 4 else { return true }
            var w = UInt32(b[0]) << 16 | UInt32(b[1]) << 8 | UInt32(b[2])
            for i in 3..<b.count {
                w = w << 8 | UInt32(b[i])
                let h = Windows.slot(w)
                if bits[h >> 6] & (1 << UInt64(h & 63)) == 0 { return false }
            }
            return true
        }
    }
}

/// The text of a document as Unicode scalars, for slicing by the offsets of the JSON contract.
struct ScalarText: Sendable {
    /// The text decoded once (RussianText's `IndexedText`), also what the sentence splitter reads.
    let indexed: IndexedText
    var scalars: [Unicode.Scalar] { indexed.scalars }
    init(_ text: String) {
        indexed = IndexedText(text)
    }
    func slice(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, scalars.count)), e = max(s, min(end, scalars.count))
        return indexed.slice(s, e)
    }
    /// `spans` with each `text` the exact slice at its offsets. Recognition builds a surface
    /// from words whose look-alike letters it folded ("PНДР" with a Latin P read as "РНДР"); a
    /// span keeps the document's own letters.
    func exactSlices(_ spans: [Span]) -> [Span] {
        spans.map { span in
            var exact = span
            exact.text = slice(span.start, span.end)
            return exact
        }.sortedUnique()
    }
    /// The first non-blank line.
    func firstLine() -> (text: String, start: Int, end: Int)? {
        var i = 0
        while i < scalars.count {
            while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
            let start = i
            while i < scalars.count, !LineBreak.isBreak(scalars[i]) { i += 1 }
            var end = i
            while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
            if end > start { return (slice(start, end), start, end) }
        }
        return nil
    }
    func isLineStart(_ offset: Int) -> Bool {
        var i = offset - 1
        while i >= 0, scalars[i] == " " || scalars[i] == "\t" { i -= 1 }
        return i < 0 || LineBreak.isBreak(scalars[i])
    }
}

enum Structure {
    static func clauses(_ sentences: [Sentence], text: ScalarText) -> [Clause] {
        sentences.enumerated().map { k, s in
            let words = s.tokens.enumerated().map { Word(token: $0.element, index: $0.offset) }
            let first = words.first
            let bullet = first.map { ["-", "–", "—", "•", "*", "·"].contains($0.text) } ?? false
            let numbered = words.count > 1 && words[0].token.kind == .number
                && [")", "."].contains(words[1].text) && (words[0].text.count <= 2)
            let last = s.text.unicodeScalars.last { !$0.properties.isWhitespace }
            let endsSentence = last.map { ".!?;:…".unicodeScalars.contains($0) } ?? false
            let startsLine = text.isLineStart(s.start)
            let short = words.count <= 14
            let lower = fold(s.text)
            return Clause(index: k, sentence: s, words: words,
                          isListItem: startsLine && (bullet || numbered),
                          isNumberedHeading: startsLine && numbered && short && !endsSentence,
                          isHeading: startsLine && short && !endsSentence && !bullet,
                          introducesList: last == ":",
                          startsLine: startsLine,
                          lowerText: lower,
                          windows: Windows(lower),
                          isPlain: words.allSatisfy(\.isPlain))
        }
    }
}
