/// Puts hard-wrapped text back into paragraphs.
///
/// Tools such as `fold -s`, `pdftotext` and `pandoc -t plain` break every paragraph into lines
/// of at most W columns; a line then ends only because the next word would not fit. That is the
/// test used here: a line is *full* when its length, a space and the next line's first word
/// exceed W. Full lines are joined to the next; a line the next word would have fitted on ends
/// its paragraph. W is the longest line. Columns are counted in characters or in UTF-8 bytes
/// (`fold` counts bytes), whichever makes more lines full.
///
/// Text that is not wrapped (paragraphs as long lines) is returned as it is: its longest line
/// is far beyond any wrapping width, or too few of its lines are full.
public enum HardWrap {
    /// The widest wrapping width recognised, in the unit measured.
    static let maximumWidth = 200
    /// Wrapped text has at least this many lines followed by another line...
    static let minimumLines = 6
    /// ...and at least this share of them are full.
    static let minimumFullShare = 0.5

    enum Unit: CaseIterable { case characters, utf8Bytes }

    struct Line {
        /// The line without its trailing blanks.
        var text: Substring
        var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
    }

    public static func unwrap(_ text: String) -> String {
        let split = splitLines(text)
        let lines = split.map { Line(text: $0.text.trimmingSuffix(while: \.isWhitespace)) }
        guard let joins = bestJoins(lines) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for (i, line) in lines.enumerated() {
            if i > 0 {
                if joins[i - 1] {
                    out.append(" ")
                    out.append(contentsOf: line.text.drop(while: \.isWhitespace))
                    continue
                }
                // a line that is not joined keeps the break the document wrote (CRLF, CR, …)
                out.append(contentsOf: split[i - 1].separator)
            }
            out.append(contentsOf: line.text)
        }
        return out
    }

    /// The lines of `text` with the line break after each (`LineBreaks`; a CRLF is one break,
    /// the last line has none).
    static func splitLines(_ text: String) -> [(text: Substring, separator: Substring)] {
        let scalars = text.unicodeScalars
        var out: [(Substring, Substring)] = []
        var lineStart = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            guard LineBreaks.isBreak(scalars[i]) else { i = scalars.index(after: i); continue }
            var after = scalars.index(after: i)
            if scalars[i] == "\r", after < scalars.endIndex, scalars[after] == "\n" { after = scalars.index(after: after) }
            out.append((text[lineStart..<i], text[i..<after]))
            lineStart = after
            i = after
        }
        out.append((text[lineStart...], text[text.endIndex...]))
        return out
    }

    /// For each line, whether it joins the next; nil when the text is not hard-wrapped.
    static func bestJoins(_ lines: [Line]) -> [Bool]? {
        var best: (full: Int, joins: [Bool])?
        for unit in Unit.allCases {
            guard let joins = joins(lines, unit: unit) else { continue }
            let full = joins.filter { $0 }.count
            if full > (best?.full ?? 0) { best = (full, joins) }
        }
        return best?.joins
    }

    static func length(_ s: Substring, _ unit: Unit) -> Int {
        unit == .characters ? s.count : s.utf8.count
    }

    static func joins(_ lines: [Line], unit: Unit) -> [Bool]? {
        let width = lines.map { length($0.text, unit) }.max() ?? 0
        guard width > 0, width <= maximumWidth else { return nil }
        var joins = Array(repeating: false, count: lines.count)
        var candidates = 0
        for i in lines.indices.dropLast() {
            let line = lines[i], next = lines[i + 1]
            guard !line.isBlank, !next.isBlank else { continue }
            candidates += 1
            let nextText = next.text.drop(while: \.isWhitespace)
            let firstWord = nextText.prefix { !$0.isWhitespace }
            // `fold` breaks when the word and the blank after it would pass the width, `pandoc` when the
            // word would: a line one column short of that is full too.
            let full = length(line.text, unit) + 1 + length(firstWord, unit) >= width
            joins[i] = full && !startsListItem(after: line.text, next: nextText)
        }
        let full = joins.filter { $0 }.count
        guard candidates >= minimumLines, Double(full) >= minimumFullShare * Double(candidates) else { return nil }
        return joins
    }

    /// A line ending a sentence or a list's lead-in, followed by a bulleted or numbered line:
    /// the next line begins a list item even when the previous one is full.
    static func startsListItem(after line: Substring, next: Substring) -> Bool {
        guard let last = line.last, ".:;!?".contains(last), let first = next.first else { return false }
        if "•·▪●◦-–—*".contains(first) { return true }
        let digits = next.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 2, let after = next.dropFirst(digits.count).first, after == ")" || after == "." {
            return true
        }
        return false
    }
}

extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard predicate(self[before]) else { break }
            end = before
        }
        return self[startIndex..<end]
    }
}
