import KnowledgeGraph

/// Escaping for every output format the appendix is written in. Names come from reports and may
/// hold anything (`<script>`, `|`, quotes, `../../x`); none of it may change the structure of
/// the output or where a file is written.
public enum Escape {
    /// Text for HTML/XHTML element content and attribute values.
    public static func html(_ s: String) -> String { XMLText.escape(s) }

    /// A Markdown table cell or footnote: one line, Markdown punctuation backslash-escaped, and
    /// `<`, `>`, `&` as entities so that Markdown renderers that pass HTML through cannot be fed
    /// a tag.
    public static func markdown(_ s: String) -> String {
        var out = ""
        for ch in oneLine(s).unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "|", "*", "_", "`", "[", "]", "#", "!", "~": out += "\\"; out.unicodeScalars.append(ch)
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// One CSV field (RFC 4180): quoted when needed; a leading `=`, `+`, `-`, `@` is neutralised
    /// with an apostrophe so that spreadsheets do not run it as a formula.
    public static func csv(_ s: String) -> String {
        var value = s
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    /// Whitespace runs (newlines included) collapsed to single spaces, ends trimmed.
    public static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}

/// File names made from node ids or names: lowercase ASCII letters, digits and hyphens only,
/// Cyrillic transliterated, so a name can never climb out of the output folder (`../../x` → `x`)
/// or clash with the shell.
public enum Slug {
    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]

    /// A slug of at most 60 characters; "place" when nothing usable is left.
    public static func make(_ s: String) -> String {
        // Ids are "type/name": the type prefix says nothing in a file name.
        let base = s.split(separator: "/").last.map(String.init) ?? s
        var out = ""
        var lastWasHyphen = true
        for ch in base.lowercased() {
            let piece: String
            if let t = cyrillic[ch] { piece = t }
            else if ch.isASCII && (ch.isLetter || ch.isNumber) { piece = String(ch) }
            else { piece = "-" }
            for p in piece {
                if p == "-" {
                    if !lastWasHyphen { out.append("-") }
                    lastWasHyphen = true
                } else {
                    out.append(p)
                    lastWasHyphen = false
                }
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 60 { out = String(out.prefix(60)); while out.hasSuffix("-") { out.removeLast() } }
        return out.isEmpty ? "place" : out
    }
}
