/// Why the splitter did or did not end a sentence at a place (its debug mode, `explain`).
public struct SplitDecision: Sendable, Hashable {
    /// Offset (Unicode scalars) where the sentence would end.
    public let offset: Int
    /// Whether a sentence ends there.
    public let split: Bool
    /// The rule that decided ("abbreviation", "initials", "insideQuotes", "listItem"…).
    public let rule: String
}

/// Splits text into sentences.
///
/// Candidates are terminal marks (. ! ? … and runs of them, with closing quotes after them) and
/// line breaks. Each candidate goes through small named rules, in order; the first that has an
/// opinion decides, as in razdel. Tables (abbreviations, bullets) are in `Abbreviations`.
///
/// Line breaks matter in reports: a heading, a list item or a paragraph ends at its line break
/// even without a full stop; a line that continues with a lower-case word is a wrapped line.
public enum SentenceSplitter {
    /// The sentences of `text`, offsets in Unicode scalars of `text`.
    public static func sentences(_ text: String) -> [Sentence] {
        run(IndexedText(text)).sentences
    }

    /// `sentences(_:)` of a text already decoded (a caller that needs its scalars too decodes
    /// it once).
    public static func sentences(_ text: IndexedText) -> [Sentence] {
        run(text).sentences
    }

    /// Every decision taken at a candidate, in text order: which rule split or joined there.
    public static func explain(_ text: String) -> [SplitDecision] {
        run(IndexedText(text)).decisions
    }

    /// A candidate place to end a sentence, as the rules see it.
    struct Context {
        let scalars: [Unicode.Scalar]
        let tokens: [Token]
        /// Index of the token that would end the sentence.
        let last: Int
        /// Index of the terminal mark, for punctuation candidates; nil at a line break.
        let mark: Int?
        /// Open quotation marks at the candidate.
        let quoteDepth: Int
        /// Index of the first token of the sentence the candidate would end.
        let sentenceStart: Int
        /// Shared by the candidates of one run.
        let lookahead: QuoteLookahead

        var next: Token? { last + 1 < tokens.count ? tokens[last + 1] : nil }

        func token(_ i: Int) -> Token? { i >= 0 && i < tokens.count ? tokens[i] : nil }

        /// Newlines between token `i` and the next one.
        func newlines(after i: Int) -> Int {
            guard i + 1 < tokens.count else { return 0 }
            return LineBreak.count(in: scalars, tokens[i].end..<tokens[i + 1].start)
        }

        /// The two tokens touch (no space between them).
        func adjacent(_ i: Int, _ j: Int) -> Bool {
            guard let a = token(i), let b = token(j) else { return false }
            return a.end == b.start
        }

        /// Whether the quotation open at token `mark` is direct speech: it opens the sentence or
        /// follows a colon, or it opened in an earlier sentence (one of the same speech). Nil
        /// for a straight quote, which does not say whether it opens or closes.
        func quotationIsSpeech(before mark: Int) -> Bool {
            var closed = 0
            var k = mark - 1
            while k >= sentenceStart {
                if tokens[k].kind == .quote, let q = tokens[k].text.unicodeScalars.first {
                    switch q {
                    case "»", "›": closed += 1
                    case "«", "‹", "„":
                        if closed == 0 { return k == sentenceStart || token(k - 1)?.text == ":" }
                        closed -= 1
                    default: return false
                    }
                }
                k -= 1
            }
            return true
        }

        /// Token `i` is the first of its line.
        func startsLine(_ i: Int) -> Bool {
            guard let t = token(i) else { return false }
            var k = t.start - 1
            while k >= 0 {
                if LineBreak.isBreak(scalars[k]) { return true }
                if !CharacterClass.isWhitespace(scalars[k]) { return false }
                k -= 1
            }
            return true
        }
    }

    enum Verdict {
        case split, join
    }

    typealias Rule = (name: String, decide: @Sendable (Context) -> Verdict?)

    /// Rules at a terminal mark, in order.
    static let markRules: [Rule] = [
        ("endOfText", { $0.next == nil ? .split : nil }),
        ("listMarker", listMarker),
        ("terminalAbbreviation", terminalAbbreviation),
        ("abbreviation", abbreviation),
        ("initials", initials),
        ("directSpeech", directSpeech),
        ("insideQuotes", insideQuotes),
        ("lowercaseNext", { ctx in (ctx.next?.isLowercase ?? false) ? .join : nil }),
        ("punctuationNext", punctuationNext),
    ]

    /// Rules at a line break (when no mark ended the sentence already), in order.
    static let lineRules: [Rule] = [
        ("listItem", { ctx in isListItemStart(ctx, ctx.last + 1) ? .split : nil }),
        ("lineEndsClause", { ctx in
            guard let t = ctx.token(ctx.last) else { return nil }
            return [".", "!", "?", "…", ":", ";"].contains(t.text.unicodeScalars.last ?? " ") ? .split : nil
        }),
        // Converted documents often break a paragraph into lines, even with blank lines between:
        // a line that goes on with a lower-case word continues the sentence.
        ("wrappedLine", { ctx in
            guard let n = ctx.next, n.isLowercase || n.kind == .number,
                  let t = ctx.token(ctx.last), t.kind == .word || t.text == "," || CharacterClass.isHyphen(t.text.unicodeScalars.first ?? " ")
            else { return nil }
            return .join
        }),
        ("paragraph", { $0.newlines(after: $0.last) >= 2 ? .split : nil }),
    ]

    // MARK: rules

    /// "1." or "а." opening a line (or following a sentence on the same line, where conversion
    /// lost the line break: "…в России. 4. Развитие туризма") is a list marker, not a sentence.
    static func listMarker(_ ctx: Context) -> Verdict? {
        guard let mark = ctx.mark, ctx.tokens[mark].text == ".", let prev = ctx.token(mark - 1),
              ctx.adjacent(mark - 1, mark) else { return nil }
        let afterSentence = prev.kind == .number && !ctx.adjacent(mark - 2, mark - 1) && ctx.token(mark - 2).map {
            $0.kind == .punctuation && CharacterClass.isTerminal($0.text.unicodeScalars.last ?? " ")
        } ?? false
        guard ctx.startsLine(mark - 1) || afterSentence else { return nil }
        if prev.kind == .number && CharacterClass.characterCount(prev.text) <= 3 { return .join }
        if prev.kind == .word && CharacterClass.characterCount(prev.text) == 1 && prev.isLowercase { return .join }
        return nil
    }

    /// The word before the dot, lower-cased, when it touches the dot.
    static func wordBeforeDot(_ ctx: Context) -> String? {
        guard let mark = ctx.mark, ctx.tokens[mark].text == ".", let prev = ctx.token(mark - 1),
              prev.kind == .word, ctx.adjacent(mark - 1, mark) else { return nil }
        return CharacterClass.lowercased(prev.text)
    }

    /// "и т.д.", "и др.", "2019 г." end a sentence when a capitalised word follows.
    static func terminalAbbreviation(_ ctx: Context) -> Verdict? {
        guard let word = wordBeforeDot(ctx), let mark = ctx.mark, Abbreviations.terminalWords.contains(word),
              let next = ctx.next, next.isCapitalized else { return nil }
        let before = ctx.token(mark - 2), beforeThat = ctx.token(mark - 3)
        switch word {
        case "д", "п":
            // т.д., т.п.
            if before?.text == ".", beforeThat?.text.lowercased() == "т" { return .split }
        case "др", "пр":
            if before?.text.lowercased() == "и" { return .split }
        default:
            // г., гг., в., вв. after a year or a century, unless the date opens the sentence
            // ("В 2019 г. Омск посетила делегация").
            let opensSentence = mark - 2 - ctx.sentenceStart <= 1
            if !opensSentence && ((before.map(isYear) ?? false) || (before.map(isRomanNumeral) ?? false)) {
                return .split
            }
        }
        return nil
    }

    /// "г.", "им.", "ул.", "т.е." and the other abbreviations of the table do not end a sentence.
    static func abbreviation(_ ctx: Context) -> Verdict? {
        guard let word = wordBeforeDot(ctx) else { return nil }
        if Abbreviations.nonTerminalWords.contains(word) || Abbreviations.terminalWords.contains(word) {
            return .join
        }
        return nil
    }

    /// A single capital letter and a dot is an initial ("В.В. Путина", "К.-Ж.К. Токаева").
    static func initials(_ ctx: Context) -> Verdict? {
        guard let mark = ctx.mark, ctx.tokens[mark].text == ".", let prev = ctx.token(mark - 1),
              prev.kind == .word, CharacterClass.characterCount(prev.text) == 1, prev.isCapitalized,
              ctx.adjacent(mark - 1, mark) else { return nil }
        return .join
    }

    /// A mark inside a quotation of direct speech, before a capitalised word, ends a sentence
    /// of that speech: «Договор подписан. Теперь ждём гостей», — сказал мэр. Direct speech opens
    /// its sentence or follows a colon; a quoted name follows its noun (спектакль «Кто там? Нет»)
    /// and is left whole by `insideQuotes`.
    static func directSpeech(_ ctx: Context) -> Verdict? {
        guard ctx.quoteDepth > 0, let mark = ctx.mark, let next = ctx.next, next.kind == .word, next.isCapitalized,
              !ctx.adjacent(ctx.last, ctx.last + 1), ctx.quotationIsSpeech(before: mark) else { return nil }
        return .split
    }

    /// A mark inside quotation marks does not end the sentence, if the quotation closes later on
    /// the line: reports often leave a nested quotation unclosed («АО «Эталон»), and an open
    /// quote that never closes must not swallow the rest of the paragraph.
    static func insideQuotes(_ ctx: Context) -> Verdict? {
        guard ctx.quoteDepth > 0 else { return nil }
        let k = ctx.lookahead.next(from: ctx.tokens[ctx.last].end, in: ctx.scalars)
        return k < ctx.scalars.count && !LineBreak.isBreak(ctx.scalars[k]) ? .join : nil
    }

    /// Where the next closing quotation mark or line break is, for `insideQuotes`. Candidates
    /// come in text order, so the answer found for one serves every later candidate before it:
    /// a long line with an unclosed quotation is scanned once, not once per full stop.
    final class QuoteLookahead {
        /// No closing mark or line break in `searchedFrom..<found`; `found` is one (or the end).
        private var searchedFrom = 0, found = -1

        static func stops(_ c: Unicode.Scalar) -> Bool {
            LineBreak.isBreak(c) || c == "»" || c == "”" || c == "“" || c == "\"" || c == "›"
        }

        /// The first offset at or after `start` holding a closing mark or a line break, or
        /// `scalars.count`.
        func next(from start: Int, in scalars: [Unicode.Scalar]) -> Int {
            if start >= searchedFrom && start <= found { return found }
            var k = start
            while k < scalars.count && !Self.stops(scalars[k]) { k += 1 }
            (searchedFrom, found) = (start, k)
            return k
        }
    }

    /// A comma, semicolon, closing bracket… after the mark continues the sentence ("и т.д.),").
    static func punctuationNext(_ ctx: Context) -> Verdict? {
        guard let n = ctx.next, n.kind == .punctuation,
              let c = n.text.unicodeScalars.first else { return nil }
        return [",", ";", ":", ")", "]", "}"].contains(c) ? .join : nil
    }

    /// "2019", "1990-х" is not: only plain years (and "2019-2020") count.
    static func isYear(_ t: Token) -> Bool {
        t.kind == .number && CharacterClass.characterCount(t.text) >= 3
            && t.text.unicodeScalars.allSatisfy { CharacterClass.isDigit($0) }
    }

    static func isRomanNumeral(_ t: Token) -> Bool {
        t.kind == .word && t.text.unicodeScalars.allSatisfy { "IVXLCDM".unicodeScalars.contains($0) }
    }

    /// A line that starts with a bullet, "1)", "1.", "а)" is a list item.
    static func isListItemStart(_ ctx: Context, _ i: Int) -> Bool {
        guard let t = ctx.token(i), ctx.startsLine(i) else { return false }
        if t.text.unicodeScalars.count == 1, let c = t.text.unicodeScalars.first,
           Abbreviations.bullets.contains(c) {
            return true
        }
        if (t.kind == .number && CharacterClass.characterCount(t.text) <= 3)
            || (t.kind == .word && CharacterClass.characterCount(t.text) == 1),
           let m = ctx.token(i + 1), m.text == ")" || m.text == ".", ctx.adjacent(i, i + 1) {
            return true
        }
        return false
    }

    // MARK: driver

    struct Output {
        var sentences: [Sentence] = []
        var decisions: [SplitDecision] = []
    }

    private static func decide(_ rules: [Rule], _ ctx: Context, default fallback: Verdict,
                               into out: inout Output) -> Bool {
        var verdict = fallback
        var name = "default"
        for rule in rules {
            if let v = rule.decide(ctx) {
                verdict = v
                name = rule.name
                break
            }
        }
        out.decisions.append(SplitDecision(offset: ctx.tokens[ctx.last].end, split: verdict == .split, rule: name))
        return verdict == .split
    }

    static func run(_ scalars: [Unicode.Scalar]) -> Output {
        run(IndexedText(scalars: scalars))
    }

    static func run(_ source: IndexedText) -> Output {
        let scalars = source.scalars
        let tokens = Tokenizer.tokens(source)
        var out = Output()
        guard !tokens.isEmpty else { return out }
        var ends: [Int] = []  // index of the last token of each sentence
        let lookahead = QuoteLookahead()
        var quotes: [Unicode.Scalar] = []
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .quote, let q = t.text.unicodeScalars.first {
                updateQuotes(&quotes, q, scalars: scalars, token: t)
            }
            var last = i
            var isMark = false
            if t.kind == .punctuation, let c = t.text.unicodeScalars.first, CharacterClass.isTerminal(c) {
                // Closing quotes and brackets right after the mark belong to the sentence.
                var j = i + 1
                while j < tokens.count, tokens[j - 1].end == tokens[j].start,
                      tokens[j].kind == .quote || tokens[j].text == ")" {
                    if let q = tokens[j].text.unicodeScalars.first, tokens[j].kind == .quote {
                        updateQuotes(&quotes, q, scalars: scalars, token: tokens[j])
                    }
                    j += 1
                }
                last = j - 1
                let next = j < tokens.count ? tokens[j] : nil
                let spaced = next.map { $0.start > tokens[last].end } ?? true
                // OCR drops spaces: "года.В" ends a sentence like "года. В".
                let glued = !spaced && t.text == "." && next?.isCapitalized == true
                    && (i > 0 && tokens[i - 1].kind == .word && tokens[i - 1].isLowercase
                        && CharacterClass.characterCount(tokens[i - 1].text) >= 3)
                isMark = spaced || glued
            }
            if isMark {
                let ctx = Context(scalars: scalars, tokens: tokens, last: last, mark: i, quoteDepth: quotes.count,
                                  sentenceStart: (ends.last ?? -1) + 1, lookahead: lookahead)
                if decide(markRules, ctx, default: .split, into: &out) {
                    ends.append(last)
                    if ctx.newlines(after: last) > 0 { quotes.removeAll() }
                    i = last + 1
                    continue
                }
            }
            // Quotes after the mark were counted already: go on from the last of them.
            i = last
            let ctx = Context(scalars: scalars, tokens: tokens, last: i, mark: nil, quoteDepth: quotes.count,
                              sentenceStart: (ends.last ?? -1) + 1, lookahead: lookahead)
            if i + 1 < tokens.count && ctx.newlines(after: i) > 0 {
                if decide(lineRules, ctx, default: .split, into: &out) {
                    ends.append(i)
                    quotes.removeAll()
                }
            }
            i += 1
        }
        if ends.last != tokens.count - 1 { ends.append(tokens.count - 1) }
        var cutDecisions: [SplitDecision] = []
        ends = LongSentences.cut(ends, tokens: tokens) { last, reason in
            cutDecisions.append(SplitDecision(offset: tokens[last].end, split: true, rule: "overlong.\(reason)"))
        }
        if !cutDecisions.isEmpty {
            out.decisions = (out.decisions + cutDecisions).enumerated()
                .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
        }
        source.withUTF8 { bytes in
            var first = 0
            for e in ends where e >= first {
                let s = tokens[first].start, end = tokens[e].end
                out.sentences.append(Sentence(start: s, end: end, text: source.slice(bytes, s, end),
                                              tokens: Array(tokens[first...e])))
                first = e + 1
            }
        }
        return out
    }

    /// Tracks open quotation marks. « „ ‹ open, » ” › close; “ closes an open „ and opens
    /// otherwise; a straight " opens before a word and closes after one.
    private static func updateQuotes(_ quotes: inout [Unicode.Scalar], _ q: Unicode.Scalar,
                                     scalars: [Unicode.Scalar], token: Token) {
        switch q {
        case "«", "„", "‹":
            quotes.append(q)
        case "»", "”", "›":
            if let k = quotes.lastIndex(where: { $0 != "\"" }) { quotes.remove(at: k) }
        case "“":
            if quotes.last == "„" { quotes.removeLast() } else { quotes.append(q) }
        case "\"":
            let before = token.start > 0 ? scalars[token.start - 1] : " "
            let opens = CharacterClass.isWhitespace(before) || "(«„[".unicodeScalars.contains(before)
            if opens { quotes.append(q) } else if let k = quotes.lastIndex(of: "\"") { quotes.remove(at: k) }
        default:
            break  // ' ‘ ’ are too often apostrophes to track
        }
    }
}
