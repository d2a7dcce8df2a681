import Foundation

/// Normalisations shared with `scripts/build-gazetteer.py` (its `fold`, `fuzzy`, `slug`): the
/// resource is keyed by them, so both sides must apply the same rules.
public enum NameKey {
    /// The index key of a name: lower case, ё→е, every dash or minus → "-" without spaces around
    /// it, single spaces, trimmed. Soft hyphens (OCR, copy-paste) are dropped.
    public static func fold(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in name.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x00AD: continue
            case 0x0451: flush(&out, &pendingSpace); out.append("е")
            case 0x2010...0x2015, 0x2212, 0x2D:
                pendingSpace = false
                while out.last == " " { out.removeLast() }
                out.append("-")
            default:
                if scalar.properties.isWhitespace {
                    if !out.isEmpty && out.last != "-" { pendingSpace = true }
                } else {
                    flush(&out, &pendingSpace)
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    private static func flush(_ out: inout String.UnicodeScalarView, _ pendingSpace: inout Bool) {
        if pendingSpace { out.append(" "); pendingSpace = false }
    }

    /// The spelling-variant key of a folded name. Transliterations of one foreign name differ in
    /// э/е (Тайбэй/Тайбей), "ьо"/"ё" (Стрьомсунд/Стрёмсунд), чж/дж/ж (Чанчжоу/Чанжоу,
    /// Чинчжу/Чинджу), ъ and ь (Манчжурия/Маньчжурия) and doubled letters (Хамамет/Хаммамет).
    public static func fuzzy(_ key: String) -> String {
        // The recogniser asks this for many words of every report: plain keys (ASCII and basic
        // Cyrillic, no combining marks) take the same replacements on scalars, without Foundation.
        var s = Array(key.unicodeScalars)
        guard s.allSatisfy({ $0.value < 0x80 || (0x0410...0x0451).contains($0.value) }) else {
            return fuzzyGeneral(key)
        }
        // In the order of `fuzzyGeneral`: each pass sees what the one before left.
        s = replacing(s, ["ь", "о"], with: ["е"])
        s = replacing(s, ["э"], with: ["е"])
        s = replacing(s, ["ч", "ж"], with: ["ж"])
        s = replacing(s, ["д", "ж"], with: ["ж"])
        s = replacing(s, ["ъ"], with: [])
        s = replacing(s, ["ь"], with: [])
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        for scalar in s where out.last != scalar { out.append(scalar) }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: out)
        return String(text)
    }

    /// Left-to-right, non-overlapping replacement, as `replacingOccurrences` does.
    private static func replacing(_ s: [Unicode.Scalar], _ pattern: [Unicode.Scalar],
                                  with replacement: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if i + pattern.count <= s.count, s[i] == pattern[0], pattern.count == 1 || s[i + 1] == pattern[1] {
                out.append(contentsOf: replacement)
                i += pattern.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    /// `fuzzy` for any text, through Foundation.
    static func fuzzyGeneral(_ key: String) -> String {
        let s = key.replacingOccurrences(of: "ьо", with: "е")
            .replacingOccurrences(of: "э", with: "е")
            .replacingOccurrences(of: "чж", with: "ж")
            .replacingOccurrences(of: "дж", with: "ж")
            .replacingOccurrences(of: "ъ", with: "")
            .replacingOccurrences(of: "ь", with: "")
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars where out.last != scalar {
            out.append(scalar)
        }
        return String(out)
    }

    private static let translit: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        "ð": "d", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "þ": "th",
    ]

    /// A readable ASCII slug for ids: Russian letters transliterated ("Удалянчи" → "udalyanchi"),
    /// Latin diacritics dropped, anything else a single "-". Use it for ids of places the text
    /// names but the gazetteer lacks, so they look like the bundled ones.
    public static func slug(_ text: String) -> String {
        plainSlug(text) ?? generalSlug(text)
    }

    /// `slug` for any text, character by character.
    static func generalSlug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            // ASCII needs no decomposition: letters and digits stay, the rest is a separator
            if let a = ch.asciiValue {
                if (0x61...0x7A).contains(a) || (0x30...0x39).contains(a) { out.append(ch) } else if out.last != "-" { out += "-" }
                continue
            }
            if let t = translit[ch] {
                out += t
                continue
            }
            let plain = String(ch).decomposedStringWithCompatibilityMapping.unicodeScalars
                .filter { !$0.properties.isDiacritic && $0.properties.generalCategory != .nonspacingMark }
            let piece = String(String.UnicodeScalarView(plain))
            if !piece.isEmpty && piece.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) {
                out += piece
            } else if out.last != "-" {
                out += "-"
            }
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// Transliterations of а…я, by code point.
    private static let cyrillicTranslit: [[UInt8]] = (0x0430...0x044F).map { v in
        Array((translit[Character(Unicode.Scalar(UInt32(v))!)] ?? "").utf8)
    }

    /// `slug` of a text of ASCII, basic Cyrillic (А–я, Ё, ё) and common punctuation, the usual
    /// case, from code points: every id goes through a slug, and the general route decomposes and hashes each
    /// character. Nil for any other text.
    static func plainSlug(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            var v = u.value
            switch v {
            case 0x41...0x5A: out.append(UInt8(v + 0x20))
            case 0x61...0x7A, 0x30...0x39: out.append(UInt8(v))
            // ASCII punctuation, and the quotes, dashes, no-break space, "…" and "№" of names
            // ("Фестиваль «Флора-2019»"), which have no letter or digit in any decomposition
            case 0...0x7F, 0xA0, 0xAB, 0xBB, 0x2010...0x2015, 0x2018...0x201F, 0x2026, 0x2116:
                if out.last != 0x2D { out.append(0x2D) }
            case 0x0401, 0x0451: out.append(0x65)  // ё → e
            case 0x0410...0x044F:
                if v < 0x0430 { v += 0x20 }
                out.append(contentsOf: cyrillicTranslit[Int(v - 0x0430)])
            default: return nil
            }
        }
        var lo = 0, hi = out.count
        while lo < hi, out[lo] == 0x2D { lo += 1 }
        while hi > lo, out[hi - 1] == 0x2D { hi -= 1 }
        return String(decoding: out[lo..<hi], as: UTF8.self)
    }
}
