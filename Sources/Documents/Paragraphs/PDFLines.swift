import Foundation

/// Turns the text lines of PDF pages into paragraphs.
///
/// A PDF knows lines, not paragraphs. A line ends its paragraph when it is clearly shorter than
/// the text width and the next line does not continue its sentence; otherwise the two are one
/// paragraph. A word hyphenated at a line end is put back together unless the document writes
/// it with the hyphen elsewhere ("городами-побратимами").
public enum PDFLines {
    /// Drops running headers and footers (the same first or last line on many pages, page
    /// numbers aside) and lines that are only a page number.
    public static func dropRunningLines(_ pages: [[String]]) -> [String] {
        let trimmedPages = pages.map { page in page.map { $0.trimmingCharacters(in: .whitespaces) } }
        var edgeCounts: [String: Int] = [:]
        for page in trimmedPages {
            let content = page.filter { !$0.isEmpty }
            for line in Set([content.first, content.last].compactMap { $0 }) { edgeCounts[shape(line), default: 0] += 1 }
        }
        let threshold = max(3, trimmedPages.count / 2)
        var out: [String] = []
        for page in trimmedPages {
            let content = page.indices.filter { !page[$0].isEmpty }
            // A header or footer is within the first or last two lines of a page.
            let edges = Set(content.prefix(2) + content.suffix(2))
            for (i, line) in page.enumerated() {
                if edges.contains(i), isPageNumber(line) || (edgeCounts[shape(line)] ?? 0) >= threshold { continue }
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

    public static func paragraphs(_ rawLines: [String]) -> [String] {
        let lines = rawLines.map { $0.trimmingCharacters(in: .whitespaces) }
        let lengths = lines.filter { !$0.isEmpty }.map(\.count).sorted()
        guard !lengths.isEmpty else { return [] }
        // The text width: most lines of body text run to it.
        let width = Double(lengths[min(lengths.count - 1, lengths.count * 9 / 10)])
        let compounds = compounds(lines)
        var paragraphs: [String] = []
        var current = ""
        for (i, line) in lines.enumerated() {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current); current = "" }
                continue
            }
            if current.isEmpty { current = line } else { current = joined(current, line, compounds: compounds) }
            let next = i + 1 < lines.count ? lines[i + 1] : ""
            if next.isEmpty || !continues(line, next, width: width) {
                paragraphs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// Whether `next` goes on the paragraph that `line` is in.
    static func continues(_ line: String, _ next: String, width: Double) -> Bool {
        guard let last = line.last, let first = next.first else { return false }
        if HardWrap.startsListItem(after: Substring(line), next: Substring(next)) { return false }
        let length = Double(line.count)
        if first.isLowercase { return true }
        if ".!?:;".contains(last) { return length >= 0.9 * width }
        return length >= 0.75 * width
    }

    /// `line` appended to the paragraph, a hyphen at the break undone unless the document writes
    /// such a compound with its hyphen elsewhere ("городами-\nпобратимами" beside
    /// "города-побратимы"): compounds are compared by the first letters of their parts, so other
    /// case forms count.
    static func joined(_ paragraph: String, _ line: String, compounds: Set<String>) -> String {
        guard let last = paragraph.last else { return line }
        if last == "\u{00AD}" { return String(paragraph.dropLast()) + line }
        if last == "-", let first = line.first, first.isLowercase {
            let before = paragraph.dropLast().reversed().prefix { $0.isLetter }
            guard !before.isEmpty else { return paragraph + line }
            let head = String(before.reversed())
            let tail = String(line.prefix { $0.isLetter })
            if compounds.contains(compoundKey(head, tail)) { return paragraph + line }
            return String(paragraph.dropLast()) + line
        }
        return paragraph + " " + line
    }

    static func compoundKey<S: StringProtocol, T: StringProtocol>(_ head: S, _ tail: T) -> String {
        head.lowercased().prefix(5) + "-" + tail.lowercased().prefix(5)
    }

    /// The hyphenated compounds written within lines.
    static func compounds(_ lines: [String]) -> Set<String> {
        var out = Set<String>()
        for line in lines {
            for word in line.split(whereSeparator: { !$0.isLetter && $0 != "-" }) {
                let parts = word.split(separator: "-")
                guard parts.count >= 2, !word.hasPrefix("-"), !word.hasSuffix("-") else { continue }
                for k in 1..<parts.count { out.insert(compoundKey(parts[k - 1], parts[k])) }
            }
        }
        return out
    }
}
