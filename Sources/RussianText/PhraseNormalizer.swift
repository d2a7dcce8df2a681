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

    struct Token {
        var text: String
        var kind: Kind
        /// Inside quotes: never changed, and ends the head search.
        var quoted: Bool
    }

    static func tokenize(_ phrase: String) -> [Token] {
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
        return nouns.enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
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

    private func isProper(_ tag: Tag) -> Bool {
        ["Geox", "Name", "Surn", "Patr", "Orgn", "Trad"].contains(where: tag.contains)
    }

    private func isPersonal(_ tag: Tag) -> Bool {
        ["Name", "Surn", "Patr"].contains(where: tag.contains)
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
