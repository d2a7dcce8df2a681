import Foundation

/// Normalisations shared with `scripts/build-gazetteer.py` (its `fold`, `fuzzy`, `slug`): the
/// resource is keyed by them, so both sides must apply the same rules.
public enum NameKey {
    /// The index key of a name: lower case, ё→е, every dash or minus → "-" without spaces around
    /// it, single spaces, trimmed. Soft hyphens (OCR, copy-paste) are dropped.
    public static func fold(_ name: String) -> String {
        if let bytes = plainFold(name) { return String(decoding: bytes, as: UTF8.self) }
        return generalFold(name)
    }

    /// `fold` as UTF-8 bytes.
    static func foldedBytes(_ name: String) -> [UInt8] {
        plainFold(name) ?? Array(generalFold(name).utf8)
    }

    /// `fold` of a text of ASCII, basic Cyrillic (U+0400–U+045F), soft hyphens, no-break spaces
    /// and the dashes `fold` knows, on UTF-8 bytes; nil for any other text. The recogniser folds
    /// every surface it looks up, and `lowercased()` plus scalar properties cost far more than
    /// the folding itself. The cases are those of `generalFold`, in the same order.
    static func plainFold(_ name: String) -> [UInt8]? {
        var name = name
        return name.withUTF8 { src -> [UInt8]? in
            var out: [UInt8] = []
            out.reserveCapacity(src.count)
            var pendingSpace = false
            var i = 0
            let n = src.count
            @inline(__always) func flush() {
                if pendingSpace { out.append(0x20); pendingSpace = false }
            }
            @inline(__always) func dash() {
                pendingSpace = false
                while out.last == 0x20 { out.removeLast() }
                out.append(0x2D)
            }
            @inline(__always) func space() {
                if !out.isEmpty && out.last != 0x2D { pendingSpace = true }
            }
            while i < n {
                let b = src[i]
                if b < 0x80 {
                    switch b {
                    case 0x2D: dash()
                    case 0x09...0x0D, 0x20: space()
                    case 0x41...0x5A: flush(); out.append(b + 0x20)
                    default: flush(); out.append(b)
                    }
                    i += 1
                } else if (b == 0xD0 || b == 0xD1) && i + 1 < n && src[i + 1] & 0xC0 == 0x80 {
                    var v = (UInt32(b & 0x1F) << 6) | UInt32(src[i + 1] & 0x3F)
                    switch v {
                    case 0x400...0x40F: v += 0x50
                    case 0x410...0x42F: v += 0x20
                    case 0x430...0x45F: break
                    default: return nil
                    }
                    flush()
                    if v == 0x451 { v = 0x435 }  // ё → е
                    out.append(UInt8(0xC0 | (v >> 6)))
                    out.append(UInt8(0x80 | (v & 0x3F)))
                    i += 2
                } else if b == 0xC2 && i + 1 < n && (src[i + 1] == 0xAD || src[i + 1] == 0xA0 || src[i + 1] == 0x85) {
                    if src[i + 1] != 0xAD { space() }  // the soft hyphen is dropped
                    i += 2
                } else if b == 0xE2 && i + 2 < n
                            && ((src[i + 1] == 0x80 && (0x90...0x95).contains(src[i + 2]))
                                || (src[i + 1] == 0x88 && src[i + 2] == 0x92)) {
                    dash()  // U+2010–U+2015, U+2212
                    i += 3
                } else {
                    return nil
                }
            }
            return out
        }
    }

    /// `fold` for any text, on scalars.
    static func generalFold(_ name: String) -> String {
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
        var key = key
        if let bytes = key.withUTF8(plainFuzzy) { return String(decoding: bytes, as: UTF8.self) }
        return fuzzyScalars(key)
    }

    /// `fuzzy` of UTF-8 bytes: the fast route of `fuzzy` without Strings when every scalar is
    /// ASCII or U+0410–U+0451, else through `fuzzy`.
    static func fuzzyBytes(_ key: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        plainFuzzy(key) ?? Array(fuzzy(String(decoding: key, as: UTF8.self)).utf8)
    }

    /// The replacements of `fuzzy`, in its order, on code points in place; nil unless every
    /// scalar is ASCII or U+0410–U+0451.
    private static func plainFuzzy(_ key: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var s: [UInt32] = []
        s.reserveCapacity(key.count)
        var i = 0
        while i < key.count {
            let b = key[i]
            if b < 0x80 {
                s.append(UInt32(b))
                i += 1
            } else if (b == 0xD0 || b == 0xD1) && i + 1 < key.count && key[i + 1] & 0xC0 == 0x80 {
                let v = (UInt32(b & 0x1F) << 6) | UInt32(key[i + 1] & 0x3F)
                guard (0x0410...0x0451).contains(v) else { return nil }
                s.append(v)
                i += 2
            } else {
                return nil
            }
        }
        // Each pass sees what the one before left, as in `fuzzyGeneral`; none lengthens the text.
        func pass(_ a: UInt32, _ b: UInt32?, _ r: UInt32?) {
            var w = 0, k = 0
            while k < s.count {
                if s[k] == a, b == nil || (k + 1 < s.count && s[k + 1] == b) {
                    if let r { s[w] = r; w += 1 }
                    k += b == nil ? 1 : 2
                } else {
                    s[w] = s[k]
                    w += 1
                    k += 1
                }
            }
            s.removeSubrange(w...)
        }
        pass(0x44C, 0x43E, 0x435)  // ьо → е
        pass(0x44D, nil, 0x435)  // э → е
        pass(0x447, 0x436, 0x436)  // чж → ж
        pass(0x434, 0x436, 0x436)  // дж → ж
        pass(0x44A, nil, nil)  // ъ
        pass(0x44C, nil, nil)  // ь
        var out: [UInt8] = []
        out.reserveCapacity(s.count * 2)
        var previous: UInt32 = 0xFFFF_FFFF
        for v in s where v != previous {
            previous = v
            if v < 0x80 {
                out.append(UInt8(v))
            } else {
                out.append(UInt8(0xC0 | (v >> 6)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return out
    }

    /// The scalar route of `fuzzy`, kept for comparison in tests.
    static func fuzzyScalars(_ key: String) -> String {
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
