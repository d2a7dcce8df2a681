/// The heading of a report: its title line (the reporting city, "ОМСК") and the report's year.
///
/// The title is only text here; the recogniser resolves it to a place with the gazetteer.
public struct DocumentHeading: Sendable, Hashable {
    /// The first non-empty line when it is short enough to be a heading (≤ 6 words, ≤ 80
    /// characters), trimmed; nil otherwise.
    public let title: String?
    /// Offsets of `title` in Unicode scalars of the text.
    public let titleStart: Int?
    public let titleEnd: Int?
    /// A year in the heading block (the title and the short lines after it: "… в 2011 году").
    public let yearInHeading: Int?
    /// The year the text mentions most (1900–2099); ties go to the earlier year.
    public let mostFrequentYear: Int?
    /// A year in the file name ("omsk-2019.txt").
    public let yearInFileName: Int?

    /// The report's year: the heading's, else the one the text mentions most, else the file
    /// name's. A report mentions its own year far more than the next year's plans.
    public var year: Int? { yearInHeading ?? mostFrequentYear ?? yearInFileName }

    /// Reads the heading of a decoded (normalised) text.
    public static func parse(_ text: String, fileName: String = "") -> DocumentHeading {
        let scalars = Array(text.unicodeScalars)
        // Lines with their scalar ranges, trimmed.
        var lines: [(start: Int, end: Int)] = []
        var lineStart = 0
        for i in 0...scalars.count where i == scalars.count || LineBreaks.isBreak(scalars[i]) {
            var s = lineStart, e = i
            while s < e && scalars[s].properties.isWhitespace { s += 1 }
            while e > s && scalars[e - 1].properties.isWhitespace { e -= 1 }
            if e > s { lines.append((s, e)) }
            lineStart = i + 1
        }
        func string(_ r: (start: Int, end: Int)) -> String {
            String(String.UnicodeScalarView(scalars[r.start..<r.end]))
        }
        var title: String? = nil
        var titleRange: (start: Int, end: Int)? = nil
        if let first = lines.first {
            let t = string(first)
            if t.count <= 80 && t.split(separator: " ").count <= 6 {
                title = t
                titleRange = first
            }
        }
        var headingYear: Int? = nil
        if titleRange != nil {
            // The title and up to two following subtitle lines (short, no full stop at the end).
            for line in lines.prefix(3) {
                let t = string(line)
                guard t.count <= 200 else { break }
                if let y = years(in: t).first { headingYear = y; break }
            }
        }
        var counts: [Int: Int] = [:]
        for y in years(in: text) { counts[y, default: 0] += 1 }
        let frequent = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
        return DocumentHeading(title: title, titleStart: titleRange?.start, titleEnd: titleRange?.end,
                               yearInHeading: headingYear, mostFrequentYear: frequent,
                               yearInFileName: years(in: fileName).last)
    }

    /// Four-digit years 1900–2099 standing alone (not inside longer numbers or dates' digits).
    static func years(in text: String) -> [Int] {
        var out: [Int] = []
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            guard isASCIIDigit(s[i]) else { i += 1; continue }
            var j = i
            while j < s.count && isASCIIDigit(s[j]) { j += 1 }
            let standalone = (i == 0 || !isLetter(s[i - 1]))
                && (j == s.count || !isLetter(s[j]) || s[j] == "г")
            if j - i == 4, standalone, let y = Int(String(String.UnicodeScalarView(s[i..<j]))),
               (1900...2099).contains(y) {
                out.append(y)
            }
            i = j
        }
        return out
    }

    private static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    private static func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
}
