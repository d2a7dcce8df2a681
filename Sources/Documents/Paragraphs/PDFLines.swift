import Foundation

/// A text line of a PDF page, with its box in points when the PDF gave one.
public struct PDFLine: Sendable, Equatable {
    public var text: String
    public var left = Double.infinity, right = -Double.infinity
    public var top = Double.infinity, bottom = -Double.infinity

    public init(text: String) { self.text = text }

    var hasBox: Bool { left <= right }
    /// The average width of a character of the line.
    var characterWidth: Double { hasBox ? (right - left) / Double(max(1, text.count)) : 0 }

    mutating func include(left l: Double, right r: Double, top t: Double, bottom b: Double) {
        left = min(left, l); right = max(right, r); top = min(top, t); bottom = max(bottom, b)
    }
}

/// Turns the text lines of PDF pages into paragraphs.
///
/// A PDF knows lines, not paragraphs. Where poppler gives the lines' boxes, a line goes on into
/// the next when the next line's first word would not have fitted after it before the right
/// margin (the test `HardWrap` makes on character counts), and the gap to the next line is no
/// wider than a line. Without boxes, a line clearly shorter than the text width ends its
/// paragraph unless the next line continues its sentence. A word hyphenated at a line end is put back together unless the document writes
/// it with the hyphen elsewhere ("городами-побратимами").
public enum PDFLines {
    /// Drops running headers and footers (the same first or last line on many pages, page
    /// numbers aside) and lines that are only a page number.
    public static func dropRunningLines(_ pages: [[String]]) -> [String] {
        dropRunningLines(pages.map { $0.map(PDFLine.init(text:)) }).map(\.text)
    }

    public static func dropRunningLines(_ pages: [[PDFLine]]) -> [PDFLine] {
        let trimmedPages = pages.map { page in
            page.map { line in var l = line; l.text = line.text.trimmingCharacters(in: .whitespaces); return l }
        }
        var edgeCounts: [String: Int] = [:]
        for page in trimmedPages {
            let content = page.filter { !$0.text.isEmpty }
            for line in Set([content.first, content.last].compactMap { $0?.text }) { edgeCounts[shape(line), default: 0] += 1 }
        }
        let threshold = max(3, trimmedPages.count / 2)
        var out: [PDFLine] = []
        for page in trimmedPages {
            let content = page.indices.filter { !page[$0].text.isEmpty }
            // A header or footer is within the first or last two lines of a page.
            let edges = Set(content.prefix(2) + content.suffix(2))
            for (i, line) in page.enumerated() {
                if edges.contains(i), isPageNumber(line.text) || (edgeCounts[shape(line.text)] ?? 0) >= threshold { continue }
                out.append(line)
            }
        }
        return out
    }

    /// A line with its digits made one shape, so "Стр. 3" and "Стр. 14" count as one header.
    static func shape(_ line: String) -> String {
        String(line.map { $0.isNumber ? "#" : $0 }).replacingOccurrences(of: "##", with: "#")
    }

    /// "12", "- 12 -", "стр. 12", "12 из 40", "Page 3 of 9".
    static func isPageNumber(_ line: String) -> Bool {
        let words = line.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard words.contains(where: { $0.allSatisfy(\.isNumber) }) else { return false }
        return words.allSatisfy { w in w.allSatisfy(\.isNumber) || ["стр", "страница", "с", "из", "page", "of"].contains(String(w)) }
    }

    public static func paragraphs(_ lines: [String]) -> [String] {
        paragraphs(lines.map(PDFLine.init(text:)))
    }

    public static func paragraphs(_ rawLines: [PDFLine]) -> [String] {
        let lines = rawLines.map { line in var l = line; l.text = line.text.trimmingCharacters(in: .whitespaces); return l }
        let lengths = lines.filter { !$0.text.isEmpty }.map(\.text.count).sorted()
        guard !lengths.isEmpty else { return [] }
        // The text width: most lines of body text run to it.
        let width = Double(lengths[min(lengths.count - 1, lengths.count * 9 / 10)])
        let boxed = lines.filter { $0.hasBox && !$0.text.isEmpty }
        let margin = boxed.map(\.right).sorted().dropLast(boxed.count / 50).last
        // The usual gap between lines; an empty paragraph or paragraph spacing widens it.
        var gaps: [Double] = []
        for (a, b) in zip(lines, lines.dropFirst()) where a.hasBox && b.hasBox && b.top > a.top {
            gaps.append(b.top - a.bottom)
        }
        gaps.sort()
        let usualGap = gaps.isEmpty ? 0 : gaps[gaps.count / 2]
        let words = words(lines.map(\.text))
        var paragraphs: [String] = []
        var current = ""
        for (i, line) in lines.enumerated() {
            if line.text.isEmpty {
                if !current.isEmpty { paragraphs.append(current); current = "" }
                continue
            }
            current = current.isEmpty ? line.text : joined(current, line.text, words: words)
            let next = i + 1 < lines.count ? lines[i + 1] : PDFLine(text: "")
            let goesOn: Bool
            if let margin, line.hasBox, next.hasBox {
                goesOn = continues(line, next, margin: margin, usualGap: usualGap)
            } else {
                goesOn = continues(line.text, next.text, width: width)
            }
            if next.text.isEmpty || !goesOn {
                paragraphs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// A word broken at the line's end, by a hyphen or a soft hyphen.
    static func endsInHyphen(_ line: String) -> Bool {
        guard let last = line.last, last == "-" || last == "\u{00AD}" else { return false }
        return line.dropLast().last?.isLetter == true
    }

    /// By the boxes: the next line's first word would not have fitted before the right margin,
    /// and the next line follows at the usual distance, not half a line or more further (a new
    /// page's first line does: it is higher).
    static func continues(_ line: PDFLine, _ next: PDFLine, margin: Double, usualGap: Double) -> Bool {
        if HardWrap.startsListItem(after: Substring(line.text), next: Substring(next.text)) { return false }
        if endsInHyphen(line.text) { return true }
        let height = line.bottom - line.top
        if next.top > line.top, next.top - line.bottom > usualGap + height / 2 { return false }
        let firstWord = next.text.prefix { !$0.isWhitespace }.count
        let room = margin - line.right
        return room < line.characterWidth * Double(firstWord + 1)
    }

    /// Whether `next` goes on the paragraph that `line` is in.
    static func continues(_ line: String, _ next: String, width: Double) -> Bool {
        guard let last = line.last, let first = next.first else { return false }
        if HardWrap.startsListItem(after: Substring(line), next: Substring(next)) { return false }
        let length = Double(line.count)
        if endsInHyphen(line) || first.isLowercase { return true }
        if ".!?:;".contains(last) { return length >= 0.9 * width }
        return length >= 0.75 * width
    }

    /// `line` appended to the paragraph. A soft hyphen at the break is dropped. A hyphen is
    /// dropped only when the document writes the joined word elsewhere ("перего-\nворы" beside
    /// "переговоры") and not the compound ("городами-\nпобратимами" beside "города-побратимы",
    /// compared by the first letters of the parts, so other case forms count): writers and
    /// LibreOffice break lines after real hyphens, and "Улан-Удэ" must not become "Уланудэ".
    static func joined(_ paragraph: String, _ line: String, words: PDFWords) -> String {
        guard let last = paragraph.last else { return line }
        if last == "\u{00AD}" { return String(paragraph.dropLast()) + line }
        if last == "-", let first = line.first, first.isLetter || first.isNumber,
           paragraph.dropLast().last?.isLetter == true {
            let head = String(paragraph.dropLast().reversed().prefix { $0.isLetter }.reversed())
            let tail = String(line.prefix { $0.isLetter })
            let undo = !tail.isEmpty && words.plain.contains((head + tail).lowercased())
                && !words.compounds.contains(compoundKey(head, tail))
            return undo ? String(paragraph.dropLast()) + line : paragraph + line
        }
        return paragraph + " " + line
    }

    static func compoundKey<S: StringProtocol, T: StringProtocol>(_ head: S, _ tail: T) -> String {
        head.lowercased().prefix(5) + "-" + tail.lowercased().prefix(5)
    }

    /// The words and hyphenated compounds written within lines.
    static func words(_ lines: [String]) -> PDFWords {
        var out = PDFWords()
        for line in lines {
            for word in line.split(whereSeparator: { !$0.isLetter && $0 != "-" }) {
                let parts = word.split(separator: "-")
                if parts.count == 1 { out.plain.insert(word.lowercased()); continue }
                guard !word.hasPrefix("-"), !word.hasSuffix("-") else { continue }
                for k in 1..<parts.count { out.compounds.insert(compoundKey(parts[k - 1], parts[k])) }
            }
        }
        return out
    }
}

/// The words of a PDF's text, to tell a hyphenated word from a compound at a line break.
struct PDFWords {
    var plain = Set<String>()
    var compounds = Set<String>()
}
