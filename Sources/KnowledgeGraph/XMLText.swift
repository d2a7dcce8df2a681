/// Escaping for XML and HTML text and attribute values, shared by every writer of markup:
/// GraphML export, HTML appendices, Graphviz HTML-like labels. Names come from reports and may
/// hold anything; none of it may change the structure of the output.
public enum XMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities; tab and line breaks kept; the other control
    /// characters, which XML 1.0 forbids and which carry no meaning in a name, dropped.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
