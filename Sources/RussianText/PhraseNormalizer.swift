import Morphology

/// Puts Russian noun phrases — names of places, organisations, events, people — into the
/// nominative: "Омского государственного университета им. Ф.М. Достоевского" →
/// "Омский государственный университет им. Ф.М. Достоевского".
///
/// The head noun and the adjectives agreeing with it before it are inflected; everything after
/// the head (a genitive tail, "им. …", an apposition such as "Республики Корея") is kept as
/// written, and so are quoted names («…»), initials, abbreviations, numbers and Latin words.
/// Capitalisation and the writer's е/ё choice are kept.
public struct PhraseNormalizer: Sendable {
    let analyzer: MorphAnalyzer

    /// A normalizer over `analyzer` (usually `MorphAnalyzer.shared()`).
    public init(analyzer: MorphAnalyzer) {
        self.analyzer = analyzer
    }

    /// `phrase` with its head noun phrase in the nominative. A phrase with initials next to its
    /// head ("О.Н. Фадиной", "Фадиной О.Н.") is read as a person's name (see
    /// `nominativeSurname`). Returns the phrase unchanged when it has no noun to inflect.
    public func nominative(_ phrase: String) -> String {
        normalize(phrase, person: nil)
    }

    /// `nominative(_:)` reading words through `parse`, which must answer as the analyzer's
    /// `parse` does: a caller that remembers analyses (one per word of a document) saves the
    /// repeated dictionary lookups.
    public func nominative(_ phrase: String, parse: (String) -> [Parse]) -> String {
        normalize(phrase, person: nil, parse: parse)
    }

    /// A person's name in the nominative: the surname is read as a surname where the dictionary
    /// allows it, and its gender is kept ("Фадиной" → "Фадина", "Иванову" → "Иванов"). Initials
    /// around it stay as they are.
    public func nominativeSurname(_ name: String) -> String {
        normalize(name, person: true)
    }

    // MARK: - Tokens

    enum Kind: Equatable {
        case word          // Cyrillic letters, maybe with inner hyphens
        case foreign       // Latin letters or digits (Roman numerals, numbers, names)
        case initial       // one capital letter followed by "."
        case abbreviation  // a word followed by "." ("им.", "г.")
        case space
        case other         // punctuation
    }

    struct Token: Equatable {
        var text: String
        var kind: Kind
        /// Inside quotes: never changed, and ends the head search.
        var quoted: Bool
    }

    static func tokenize(_ phrase: String) -> [Token] {
        if let tokens = tokenizeSimple(phrase) { return tokens }
        return tokenizeCharacters(phrase)
    }

    /// Whether the Character of `v` is that scalar alone, whatever stands around it: no scalar of
    /// these ranges joins a grapheme cluster with its neighbours (no combining marks, joiners,
    /// prepended marks or CR). Report phrases are made of such scalars nearly always.
    @inline(__always) static func standsAlone(_ v: UInt32) -> Bool {
        if v < 0x80 { return v != 0x0D }
        if v >= 0x0400 { return v <= 0x0482 || (v >= 0x048A && v <= 0x04FF) || (v >= 0x2010 && v <= 0x2027)
            || (v >= 0x2030 && v <= 0x205E) || v == 0x2116 }
        return v >= 0xA0 && v <= 0x024F
    }

    /// The character classes `tokenizeCharacters` asks about, of a scalar that stands alone:
    /// from the code point for ASCII and basic Cyrillic, else from its `Character`.
    struct ScalarClass {
        var letter = false, number = false, whitespace = false

        init(_ u: Unicode.Scalar) {
            let v = u.value
            switch v {
            case 0x41...0x5A, 0x61...0x7A, 0x0410...0x044F, 0x0401, 0x0451: letter = true
            case 0x30...0x39: number = true
            case 0x09...0x0D, 0x20: whitespace = true
            case 0...0x7F: break
            default:
                let c = Character(u)
                letter = c.isLetter; number = c.isNumber; whitespace = c.isWhitespace
            }
        }

        /// `Character(u).isUppercase` (asked only before a full stop, so not precomputed).
        static func isUppercase(_ u: Unicode.Scalar) -> Bool {
            switch u.value {
            case 0x41...0x5A, 0x0410...0x042F, 0x0401: return true
            case 0...0x7F, 0x0430...0x044F, 0x0451: return false
            default: return Character(u).isUppercase
            }
        }

        /// `Character(u).isLowercase`.
        static func isLowercase(_ u: Unicode.Scalar) -> Bool {
            switch u.value {
            case 0x61...0x7A, 0x0430...0x044F, 0x0451: return true
            case 0...0x7F, 0x0410...0x042F, 0x0401: return false
            default: return Character(u).isLowercase
            }
        }
    }

    /// `tokenizeCharacters` for a phrase whose every scalar stands alone (one scalar, one
    /// Character): the same tokens from scalars and UTF-8 offsets, without grapheme breaking.
    /// Nil for any other phrase.
    static func tokenizeSimple(_ phrase: String) -> [Token]? {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []  // UTF-8 offset of each scalar, then the end
        scalars.reserveCapacity(phrase.utf8.count)
        offsets.reserveCapacity(phrase.utf8.count + 1)
        var offset = 0
        for u in phrase.unicodeScalars {
            guard standsAlone(u.value) else { return nil }
            scalars.append(u)
            offsets.append(offset)
            offset += UTF8.width(u)
        }
        offsets.append(offset)
        let classes = scalars.map(ScalarClass.init)
        var text = phrase
        return text.withUTF8 { bytes -> [Token] in
            func slice(_ i: Int, _ j: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[offsets[i]..<offsets[j]]), as: UTF8.self)
            }
            var tokens: [Token] = []
            let n = scalars.count
            var i = 0
            var quoteDepth = 0
            var asciiQuoteOpen = false
            while i < n {
                let c = scalars[i]
                if classes[i].letter || classes[i].number {
                    var j = i
                    while j < n {
                        if classes[j].letter || classes[j].number {
                            j += 1
                        } else if scalars[j] == "-" && j + 1 < n && (classes[j + 1].letter || classes[j + 1].number) && j > i {
                            j += 1
                        } else {
                            break
                        }
                    }
                    var cyrillic = false
                    for k in i..<j where (0x400...0x4FF).contains(scalars[k].value) { cyrillic = true; break }
                    var kind: Kind = cyrillic ? .word : .foreign
                    if j < n, scalars[j] == "." {
                        var letters = 0
                        for k in i..<j where classes[k].letter { letters += 1 }
                        if letters == 1, j - i == 1, ScalarClass.isUppercase(scalars[i]) {
                            kind = .initial
                        } else if cyrillic && j - i <= 4 && ScalarClass.isLowercase(scalars[i])
                                    && classes[(j + 1)...].contains(where: { !$0.whitespace }) {
                            kind = .abbreviation
                        }
                    }
                    tokens.append(Token(text: slice(i, j), kind: kind, quoted: quoteDepth > 0 || asciiQuoteOpen))
                    i = j
                    continue
                }
                if classes[i].whitespace {
                    var j = i
                    while j < n && classes[j].whitespace { j += 1 }
                    tokens.append(Token(text: slice(i, j), kind: .space, quoted: quoteDepth > 0 || asciiQuoteOpen))
                    i = j
                    continue
                }
                switch c {
                case "«", "„", "“":
                    quoteDepth += 1
                    tokens.append(Token(text: slice(i, i + 1), kind: .other, quoted: true))
                case "»", "”":
                    tokens.append(Token(text: slice(i, i + 1), kind: .other, quoted: true))
                    quoteDepth = max(0, quoteDepth - 1)
                case "\"":
                    asciiQuoteOpen.toggle()
                    tokens.append(Token(text: slice(i, i + 1), kind: .other, quoted: true))
                default:
                    tokens.append(Token(text: slice(i, i + 1), kind: .other, quoted: quoteDepth > 0 || asciiQuoteOpen))
                }
                i += 1
            }
            return tokens
        }
    }

    /// The tokens of any phrase, Character by Character.
    static func tokenizeCharacters(_ phrase: String) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(phrase)
        var i = 0
        var quoteDepth = 0
        var asciiQuoteOpen = false
        func isLetter(_ c: Character) -> Bool { c.isLetter }
        while i < chars.count {
            let c = chars[i]
            if isLetter(c) || c.isNumber {
                var j = i
                while j < chars.count {
                    if chars[j].isLetter || chars[j].isNumber {
                        j += 1
                    } else if chars[j] == "-" && j + 1 < chars.count && (chars[j + 1].isLetter || chars[j + 1].isNumber) && j > i {
                        j += 1
                    } else {
                        break
                    }
                }
                let text = String(chars[i..<j])
                let cyrillic = text.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) }
                var kind: Kind = cyrillic ? .word : .foreign
                if j < chars.count, chars[j] == "." {
                    let letters = text.filter(\.isLetter)
                    if letters.count == 1, text.count == 1, text.first?.isUppercase == true {
                        kind = .initial
                    } else if cyrillic && text.count <= 4 && text.first?.isLowercase == true
                                && chars[(j + 1)...].contains(where: { !$0.isWhitespace }) {
                        // "им. …", "г. …"; a short word before a final full stop ("края.") is a word
                        kind = .abbreviation
                    }
                }
                tokens.append(Token(text: text, kind: kind, quoted: quoteDepth > 0 || asciiQuoteOpen))
                i = j
                continue
            }
            if c.isWhitespace {
                var j = i
                while j < chars.count && chars[j].isWhitespace { j += 1 }
                tokens.append(Token(text: String(chars[i..<j]), kind: .space, quoted: quoteDepth > 0 || asciiQuoteOpen))
                i = j
                continue
            }
            switch c {
            case "«", "„", "“":
                quoteDepth += 1
                tokens.append(Token(text: String(c), kind: .other, quoted: true))
            case "»", "”":
                tokens.append(Token(text: String(c), kind: .other, quoted: true))
                quoteDepth = max(0, quoteDepth - 1)
            case "\"":
                asciiQuoteOpen.toggle()
                tokens.append(Token(text: String(c), kind: .other, quoted: true))
            default:
                tokens.append(Token(text: String(c), kind: .other, quoted: quoteDepth > 0 || asciiQuoteOpen))
            }
            i += 1
        }
        return tokens
    }

    // MARK: - Normalization

    private func normalize(_ phrase: String, person forced: Bool?) -> String {
        normalize(phrase, person: forced, parse: analyzer.parse)
    }

    private func normalize(_ phrase: String, person forced: Bool?, parse: (String) -> [Parse]) -> String {
        var tokens = Self.tokenize(phrase)
        // Content words before the first quote, in order: candidates for modifiers + head.
        var firstWord: Int? = nil
        for (k, t) in tokens.enumerated() {
            if t.quoted { break }
            if t.kind == .word { firstWord = k; break }
        }
        guard let start = firstWord else { return phrase }

        // The run of adjacent words (separated by spaces only) starting at `start`.
        var run: [Int] = [start]
        var k = start + 1
        while k < tokens.count {
            if tokens[k].kind == .space, !tokens[k].quoted { k += 1; continue }
            if tokens[k].kind == .word, !tokens[k].quoted {
                run.append(k)
                k += 1
                continue
            }
            break
        }

        let parses = run.map { parse(tokens[$0].text) }
        guard let (head, modifiers, headParse) = chooseHead(run: run, parses: parses, tokens: tokens, forcedPerson: forced) else {
            return phrase
        }
        let isPerson = forced ?? hasInitials(around: run[head], in: tokens)

        // Inflect the head.
        var required: Set<String> = ["nomn"]
        if let n = headParse.tag.number { required.insert(n) }
        if isPerson || isPersonal(headParse.tag), headParse.tag.number != "plur", let g = headParse.tag.gender {
            required.insert(g)
        }
        if !headParse.tag.contains("Fixd"), let form = analyzer.inflect(headParse, to: required) {
            tokens[run[head]].text = Self.restore(form.word, like: tokens[run[head]].text)
        }
        // A name in apposition to a generic place noun agrees with it ("городом Иркутском" →
        // "город Иркутск"); other words after the head are a tail and stay.
        if head + 1 < run.count, Self.placeKinds.contains(headParse.normalForm),
           tokens[run[head + 1]].text.first?.isUppercase == true {
            let next = parses[head + 1].filter {
                $0.tag.pos == "NOUN" && Self.normalizedCase($0.tag.case) == Self.normalizedCase(headParse.tag.case)
                    && $0.tag.number == headParse.tag.number
            }
            if let name = next.first(where: { isProper($0.tag) }) ?? next.first, !name.tag.contains("Fixd") {
                var req: Set<String> = ["nomn"]
                if let n = name.tag.number { req.insert(n) }
                if let form = analyzer.inflect(name, to: req) {
                    tokens[run[head + 1]].text = Self.restore(form.word, like: tokens[run[head + 1]].text)
                }
            }
        }
        // Inflect the agreeing modifiers.
        for (m, parse) in modifiers {
            var req: Set<String> = ["nomn"]
            if let n = parse.tag.number { req.insert(n) }
            if parse.tag.number != "plur", let g = parse.tag.gender { req.insert(g) }
            if let form = analyzer.inflect(parse, to: req) {
                tokens[run[m]].text = Self.restore(form.word, like: tokens[run[m]].text)
            }
        }
        return tokens.map(\.text).joined()
    }

    /// Picks the head noun among the run of words and the parses of the words before it that
    /// agree with it. Nil when no word can be the head.
    private func chooseHead(run: [Int], parses: [[Parse]], tokens: [Token], forcedPerson: Bool?)
        -> (head: Int, modifiers: [(Int, Parse)], parse: Parse)? {
        // Leading words that can be adjectives are modifiers; the first one that cannot is the
        // head. If the modifiers do not agree with any reading of the head, back off one word
        // at a time (a noun with a stray adjective reading, such as "столовой").
        var headIndex = 0
        while headIndex < run.count - 1 && parses[headIndex].contains(where: { Self.isAdjective($0.tag) }) {
            headIndex += 1
        }
        while headIndex >= 0 {
            let person = forcedPerson ?? hasInitials(around: run[headIndex], in: tokens)
            let capitalized = tokens[run[headIndex]].text.first?.isUppercase ?? false
            for candidate in rankedNouns(parses[headIndex], capitalized: capitalized, person: person) {
                var mods: [(Int, Parse)] = []
                var ok = true
                for m in 0..<headIndex {
                    guard let p = parses[m].first(where: { Self.agrees($0.tag, with: candidate.tag) }) else { ok = false; break }
                    mods.append((m, p))
                }
                if ok { return (headIndex, mods, candidate) }
            }
            headIndex -= 1
        }
        return nil
    }

    /// Noun readings of a head word, most plausible first: proper-noun readings of a capitalised
    /// word, surnames for people, the singular, then pymorphy's score.
    private func rankedNouns(_ parses: [Parse], capitalized: Bool, person: Bool) -> [Parse] {
        let nouns = parses.filter { $0.tag.pos == "NOUN" && $0.tag.case != nil }
        // Names of places, organisations and people are singular far more often than not, so
        // singular readings come first; then, for a capitalised word, proper-noun readings
        // (surnames first for a person); then pymorphy's order. Plural readings stay candidates
        // for agreement with plural adjectives.
        func rank(_ p: Parse) -> Int {
            var r = p.tag.number == "plur" ? 10 : 0
            if person {
                r += p.tag.contains("Surn") ? 0 : p.tag.contains("Name") ? 1 : 2
            } else if capitalized {
                r += isProper(p.tag) ? 0 : 1
            }
            return r
        }
        // Ranked once per reading (each rank asks the tag's grammeme set several times), then
        // ordered by (rank, position): the same order as comparing ranks inside the sort.
        let ranks = nouns.map(rank)
        return nouns.indices
            .sorted { (ranks[$0], $0) < (ranks[$1], $1) }
            .map { nouns[$0] }
    }

    /// Generic nouns for settlements and natural features that take their name in apposition,
    /// in the same case ("в городе Омске", "села Хомутово").
    static let placeKinds: Set<String> = [
        "город", "село", "посёлок", "деревня", "станица", "хутор", "аул", "кишлак", "местечко",
        "река", "озеро", "остров", "полуостров", "гора", "залив",
    ]

    private static func isAdjective(_ tag: Tag) -> Bool {
        (tag.pos == "ADJF" || tag.pos == "PRTF") && tag.case != nil
    }

    private static let properGrammemes = ["Geox", "Name", "Surn", "Patr", "Orgn", "Trad"]
    private static let personalGrammemes = ["Name", "Surn", "Patr"]

    private func isProper(_ tag: Tag) -> Bool {
        Self.properGrammemes.contains(where: tag.contains)
    }

    private func isPersonal(_ tag: Tag) -> Bool {
        Self.personalGrammemes.contains(where: tag.contains)
    }

    private static func normalizedCase(_ c: String?) -> String? {
        switch c {
        case "gen1", "gen2": return "gent"
        case "loc1", "loc2": return "loct"
        case "acc2": return "accs"
        case "voct": return "nomn"
        default: return c
        }
    }

    /// Whether an adjective reading agrees with a noun reading in case, number and (in the
    /// singular) gender.
    private static func agrees(_ adjective: Tag, with noun: Tag) -> Bool {
        guard isAdjective(adjective), normalizedCase(adjective.case) == normalizedCase(noun.case) else { return false }
        if let n = noun.number, let a = adjective.number, n != a { return false }
        if noun.number != "plur", let g = noun.gender, let a = adjective.gender, g != a,
           !(noun.contains("Ms-f") || noun.contains("ms-f")) {
            return false
        }
        return true
    }

    /// Whether initials stand right before or after the word at `index` ("О.Н. Фадиной").
    private func hasInitials(around index: Int, in tokens: [Token]) -> Bool {
        func scan(_ range: StrideThrough<Int>) -> Bool {
            for k in range {
                guard k >= 0 && k < tokens.count else { return false }
                switch tokens[k].kind {
                case .initial: return true
                case .space: continue
                case .other where tokens[k].text == ".": continue
                default: return false
                }
            }
            return false
        }
        return scan(stride(from: index - 1, through: 0, by: -1))
            || scan(stride(from: index + 1, through: tokens.count - 1, by: 1))
    }

    /// `word` (lower-case, as the analyzer gives it) spelled like `original`: the same
    /// capitalisation per hyphen-separated part, and е where the original did not write ё.
    static func restore(_ word: String, like original: String) -> String {
        restorePlain(word, like: original) ?? restoreCharacters(word, like: original)
    }

    /// `restore` for any strings, Character by Character.
    static func restoreCharacters(_ word: String, like original: String) -> String {
        var w = word
        if isPlain(original) && isPlain(word) {
            // one scalar per character: the same tests on scalars, without substring searches
            if !original.unicodeScalars.contains(where: { $0 == "ё" || $0 == "Ё" }) {
                var out = String.UnicodeScalarView()
                for u in word.unicodeScalars { out.append(u == "ё" ? "е" : u) }
                w = String(out)
            }
        } else if !original.contains("ё") && !original.contains("Ё") {
            w = w.replacingOccurrences(of: "ё", with: "е")
        }
        if w == original.lowercased() { return original }
        let parts = w.split(separator: "-", omittingEmptySubsequences: false)
        let examples = original.split(separator: "-", omittingEmptySubsequences: false)
        var out: [String] = []
        for (k, part) in parts.enumerated() {
            guard k < examples.count else { out.append(String(part)); continue }
            let ex = examples[k]
            if ex.count > 1 && ex == ex.uppercased() && ex != ex.lowercased() {
                out.append(part.uppercased())
            } else if let f = ex.first, f.isUppercase {
                out.append(part.prefix(1).uppercased() + part.dropFirst())
            } else {
                out.append(String(part))
            }
        }
        return out.joined(separator: "-")
    }
}

extension PhraseNormalizer {
    /// `restore` for two plain strings without CR (so one scalar per Character, and equal
    /// strings are equal bytes), on their UTF-8 bytes: changing the case of these letters keeps
    /// their byte length. Nil for other strings.
    static func restorePlain(_ word: String, like original: String) -> String? {
        guard isPlainWithoutCR(original), isPlainWithoutCR(word) else { return nil }
        var w = Array(word.utf8)
        let o = Array(original.utf8)
        // (D1 and D0 are never continuation bytes: these pairs are ё and Ё wherever they occur.)
        var hasYo = false
        for k in o.indices.dropLast() where (o[k] == 0xD1 && o[k + 1] == 0x91) || (o[k] == 0xD0 && o[k + 1] == 0x81) {
            hasYo = true
            break
        }
        if !hasYo {
            // ё → е where the original did not write ё (nor Ё)
            var k = 0
            while k + 1 < w.count {
                if w[k] == 0xD1 && w[k + 1] == 0x91 { w[k] = 0xD0; w[k + 1] = 0xB5; k += 2 } else { k += w[k] < 0x80 ? 1 : 2 }
            }
        }
        if w == PlainCase.lowered(o) { return original }
        let parts = w.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        let examples = o.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        var out: [UInt8] = []
        out.reserveCapacity(w.count)
        for (k, part) in parts.enumerated() {
            if k > 0 { out.append(UInt8(ascii: "-")) }
            guard k < examples.count else { out.append(contentsOf: part); continue }
            let ex = examples[k]
            if PlainCase.scalarCount(ex) > 1 && !PlainCase.hasLower(ex) && PlainCase.hasUpper(ex) {
                out.append(contentsOf: PlainCase.uppered(part, firstOnly: false))
            } else if PlainCase.startsUpper(ex) {
                out.append(contentsOf: PlainCase.uppered(part, firstOnly: true))
            } else {
                out.append(contentsOf: part)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isPlainWithoutCR(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy {
            ($0.value < 0x80 && $0.value != 0x0D) || (0x0410...0x044F).contains($0.value) || $0.value == 0x0401 || $0.value == 0x0451
        }
    }

    /// Only ASCII and basic Cyrillic (А–я, Ё, ё): NFC, one scalar per character.
    static func isPlain(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0.value < 0x80 || (0x0410...0x044F).contains($0.value) || $0.value == 0x0401 || $0.value == 0x0451 }
    }
}

extension String {
    fileprivate func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}

/// Case of plain text (ASCII and basic Cyrillic) on its UTF-8 bytes: a letter keeps its byte
/// length when its case changes (а–п D0 B0…BF ↔ А–П D0 90…9F, р–я D1 80…8F ↔ Р–Я D0 A0…AF,
/// ё D1 91 ↔ Ё D0 81).
enum PlainCase {
    static func lowered<C: Collection<UInt8>>(_ b: C) -> [UInt8] {
        var out = Array(b)
        var k = 0
        while k < out.count {
            let c = out[k]
            if c < 0x80 {
                if c &- 0x41 < 26 { out[k] = c | 0x20 }
                k += 1
                continue
            }
            lowerPair(&out, k)
            k += 2
        }
        return out
    }

    static func uppered<C: Collection<UInt8>>(_ b: C, firstOnly: Bool) -> [UInt8] {
        var out = Array(b)
        var k = 0
        while k < out.count {
            let c = out[k]
            if c < 0x80 {
                if c &- 0x61 < 26 { out[k] = c & ~0x20 }
                k += 1
            } else {
                upperPair(&out, k)
                k += 2
            }
            if firstOnly { break }
        }
        return out
    }

    @inline(__always) static func lowerPair(_ b: inout [UInt8], _ k: Int) {
        let (c, d) = (b[k], b[k + 1])
        if c == 0xD0 && d >= 0x90 && d <= 0x9F { b[k + 1] = d + 0x20 }
        else if c == 0xD0 && d >= 0xA0 && d <= 0xAF { b[k] = 0xD1; b[k + 1] = d - 0x20 }
        else if c == 0xD0 && d == 0x81 { b[k] = 0xD1; b[k + 1] = 0x91 }
    }

    @inline(__always) static func upperPair(_ b: inout [UInt8], _ k: Int) {
        let (c, d) = (b[k], b[k + 1])
        if c == 0xD0 && d >= 0xB0 && d <= 0xBF { b[k + 1] = d - 0x20 }
        else if c == 0xD1 && d >= 0x80 && d <= 0x8F { b[k] = 0xD0; b[k + 1] = d + 0x20 }
        else if c == 0xD1 && d == 0x91 { b[k] = 0xD0; b[k + 1] = 0x81 }
    }

    static func scalarCount<C: Collection<UInt8>>(_ b: C) -> Int { b.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }

    static func hasLower<C: Collection<UInt8>>(_ b: C) -> Bool { firstScalar(in: b, where: isLower) != nil }
    static func hasUpper<C: Collection<UInt8>>(_ b: C) -> Bool { firstScalar(in: b, where: isUpper) != nil }
    static func startsUpper<C: Collection<UInt8>>(_ b: C) -> Bool { firstScalar(in: b, where: { _ in true }).map(isUpper) ?? false }

    /// The first code point of plain UTF-8 (one or two bytes each) that satisfies `test`.
    static func firstScalar<C: Collection<UInt8>>(in b: C, where test: (UInt32) -> Bool) -> UInt32? {
        var it = b.makeIterator()
        while let c = it.next() {
            let v: UInt32
            if c < 0x80 { v = UInt32(c) } else if let d = it.next() { v = (UInt32(c & 0x1F) << 6) | UInt32(d & 0x3F) } else { return nil }
            if test(v) { return v }
        }
        return nil
    }

    static func isUpper(_ v: UInt32) -> Bool { (0x41...0x5A).contains(v) || (0x0410...0x042F).contains(v) || v == 0x0401 }
    static func isLower(_ v: UInt32) -> Bool { (0x61...0x7A).contains(v) || (0x0430...0x044F).contains(v) || v == 0x0451 }
}
