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
            let n = src.count
            var failed = false
            // Folding never lengthens the text: a whitespace run becomes one space, a dash one
            // "-", a letter keeps its length.
            let out = [UInt8](unsafeUninitializedCapacity: n) { out, count in
                var w = 0
                var pendingSpace = false
                var i = 0
                while i < n {
                    let b = src[i]
                    var dash = false, space = false
                    var c0: UInt8 = 0, c1: UInt8 = 0, width = 0
                    if b < 0x80 {
                        switch b {
                        case 0x2D: dash = true
                        case 0x09...0x0D, 0x20: space = true
                        case 0x41...0x5A: c0 = b + 0x20; width = 1
                        default: c0 = b; width = 1
                        }
                        i += 1
                    } else if (b == 0xD0 || b == 0xD1) && i + 1 < n && src[i + 1] & 0xC0 == 0x80 {
                        var v = (UInt32(b & 0x1F) << 6) | UInt32(src[i + 1] & 0x3F)
                        switch v {
                        case 0x400...0x40F: v += 0x50
                        case 0x410...0x42F: v += 0x20
                        case 0x430...0x45F: break
                        default: failed = true
                        }
                        if failed { break }
                        if v == 0x451 { v = 0x435 }  // ё → е
                        c0 = UInt8(0xC0 | (v >> 6))
                        c1 = UInt8(0x80 | (v & 0x3F))
                        width = 2
                        i += 2
                    } else if b == 0xC2 && i + 1 < n && (src[i + 1] == 0xAD || src[i + 1] == 0xA0 || src[i + 1] == 0x85) {
                        // the soft hyphen is dropped; the others are whitespace
                        space = src[i + 1] != 0xAD
                        i += 2
                    } else if b == 0xE2 && i + 2 < n
                                && ((src[i + 1] == 0x80 && (0x90...0x95).contains(src[i + 2]))
                                    || (src[i + 1] == 0x88 && src[i + 2] == 0x92)) {
                        dash = true  // U+2010–U+2015, U+2212
                        i += 3
                    } else {
                        failed = true
                        break
                    }
                    if dash {
                        pendingSpace = false
                        while w > 0 && out[w - 1] == 0x20 { w -= 1 }
                        out[w] = 0x2D
                        w += 1
                    } else if space {
                        if w > 0 && out[w - 1] != 0x2D { pendingSpace = true }
                    } else if width > 0 {
                        if pendingSpace {
                            out[w] = 0x20
                            w += 1
                            pendingSpace = false
                        }
                        out[w] = c0
                        w += 1
                        if width == 2 {
                            out[w] = c1
                            w += 1
                        }
                    }
                }
                count = failed ? 0 : w
            }
            return failed ? nil : out
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
        // Which of the letters the passes look for occur (bits: ь, э, ч, д, ъ); a pass whose
        // letter is absent would change nothing. No pass makes one of these letters.
        var present = 0
        var i = 0
        while i < key.count {
            let b = key[i]
            if b < 0x80 {
                i += 1
                continue
            }
            guard (b == 0xD0 || b == 0xD1) && i + 1 < key.count && key[i + 1] & 0xC0 == 0x80 else { return nil }
            let v = (UInt32(b & 0x1F) << 6) | UInt32(key[i + 1] & 0x3F)
            guard (0x0410...0x0451).contains(v) else { return nil }
            switch v {
            case 0x44C: present |= 1
            case 0x44D: present |= 2
            case 0x447: present |= 4
            case 0x434: present |= 8
            case 0x44A: present |= 16
            default: break
            }
            i += 2
        }
        var s = Array(key)
        // Each pass sees what the one before left, as in `fuzzyGeneral`; none lengthens the
        // text. Patterns and replacements are two-byte letters (second bytes given), so a match
        // at a letter's start is the scalar match.
        func pass(_ a0: UInt8, _ a1: UInt8, _ b0: UInt8?, _ b1: UInt8, replacement r0: UInt8?, _ r1: UInt8) {
            var w = 0, k = 0
            let count = s.count
            while k < count {
                let c = s[k]
                if c == a0 && k + 1 < count && s[k + 1] == a1
                    && (b0 == nil || (k + 3 < count && s[k + 2] == b0 && s[k + 3] == b1)) {
                    if let r0 {
                        s[w] = r0
                        s[w + 1] = r1
                        w += 2
                    }
                    k += b0 == nil ? 2 : 4
                } else {
                    // copy one whole scalar
                    let width = c < 0x80 ? 1 : 2
                    for j in 0..<width {
                        s[w] = s[k + j]
                        w += 1
                    }
                    k += width
                }
            }
            s.removeSubrange(w...)
        }
        if present & 1 != 0 { pass(0xD1, 0x8C, 0xD0, 0xBE, replacement: 0xD0, 0xB5) }  // ьо → е
        if present & 2 != 0 { pass(0xD1, 0x8D, nil, 0, replacement: 0xD0, 0xB5) }  // э → е
        if present & 4 != 0 { pass(0xD1, 0x87, 0xD0, 0xB6, replacement: 0xD0, 0xB6) }  // чж → ж
        if present & 8 != 0 { pass(0xD0, 0xB4, 0xD0, 0xB6, replacement: 0xD0, 0xB6) }  // дж → ж
        if present & 16 != 0 { pass(0xD1, 0x8A, nil, 0, replacement: nil, 0) }  // ъ
        if present & 1 != 0 { pass(0xD1, 0x8C, nil, 0, replacement: nil, 0) }  // ь
        // Doubled letters: keep a scalar only when it differs from the one kept before it.
        var w = 0, k = 0, previous = -1..<(-1)
        while k < s.count {
            let width = s[k] < 0x80 ? 1 : 2
            let same = previous.count == width && (0..<width).allSatisfy { s[previous.lowerBound + $0] == s[k + $0] }
            if !same {
                for j in 0..<width { s[w + j] = s[k + j] }
                previous = w..<(w + width)
                w += width
            }
            k += width
        }
        s.removeSubrange(w...)
        return s
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
            switch slugPiece(ch) {
            case .text(let t): out += t
            case .separator: if out.last != "-" { out += "-" }
            }
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// What one (lower-case) character adds to a slug.
    enum SlugPiece: Equatable {
        /// Letters and digits a–z, 0–9 (possibly none: "ь").
        case text(String)
        /// A "-", unless the slug already ends with one.
        case separator
    }

    static func slugPiece(_ ch: Character) -> SlugPiece {
        // ASCII needs no decomposition: letters and digits stay, the rest is a separator
        if let a = ch.asciiValue {
            return (0x61...0x7A).contains(a) || (0x30...0x39).contains(a) ? .text(String(ch)) : .separator
        }
        if let t = translit[ch] { return .text(t) }
        let plain = String(ch).decomposedStringWithCompatibilityMapping.unicodeScalars
            .filter { !$0.properties.isDiacritic && $0.properties.generalCategory != .nonspacingMark }
        let piece = String(String.UnicodeScalarView(plain))
        if !piece.isEmpty && piece.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) {
            return .text(piece)
        }
        return .separator
    }

    /// `slugPiece` of single scalars beyond basic Cyrillic that texts use (Latin-1 and Latin
    /// Extended-A letters, quotes, dashes, "№", "™", arrows, shapes), so `plainSlug` need not
    /// leave for the general route on "«Омск»". Each is a character of its own next to letters,
    /// digits and itself and lower-cases to one scalar, so the general route sees it as that
    /// one character. Data, checked against `slugPiece` by the tests (`extraSlugScalars`).
    /// Scalars whose piece is text, its bytes packed as in `cyrillicTranslitPacked`:
    static let extraSlugText: [UInt32: UInt32] = [
        0x00AA: "a", 0x00B2: "2", 0x00B3: "3", 0x00B9: "1", 0x00BA: "o", 0x00C0: "a", 0x00C1: "a",
        0x00C2: "a", 0x00C3: "a", 0x00C4: "a", 0x00C5: "a", 0x00C6: "ae", 0x00C7: "c", 0x00C8: "e",
        0x00C9: "e", 0x00CA: "e", 0x00CB: "e", 0x00CC: "i", 0x00CD: "i", 0x00CE: "i", 0x00CF: "i",
        0x00D0: "d", 0x00D1: "n", 0x00D2: "o", 0x00D3: "o", 0x00D4: "o", 0x00D5: "o", 0x00D6: "o",
        0x00D8: "o", 0x00D9: "u", 0x00DA: "u", 0x00DB: "u", 0x00DC: "u", 0x00DD: "y", 0x00DE: "th",
        0x00DF: "ss", 0x00E0: "a", 0x00E1: "a", 0x00E2: "a", 0x00E3: "a", 0x00E4: "a", 0x00E5: "a",
        0x00E6: "ae", 0x00E7: "c", 0x00E8: "e", 0x00E9: "e", 0x00EA: "e", 0x00EB: "e", 0x00EC: "i",
        0x00ED: "i", 0x00EE: "i", 0x00EF: "i", 0x00F0: "d", 0x00F1: "n", 0x00F2: "o", 0x00F3: "o",
        0x00F4: "o", 0x00F5: "o", 0x00F6: "o", 0x00F8: "o", 0x00F9: "u", 0x00FA: "u", 0x00FB: "u",
        0x00FC: "u", 0x00FD: "y", 0x00FE: "th", 0x00FF: "y", 0x0100: "a", 0x0101: "a", 0x0102: "a",
        0x0103: "a", 0x0104: "a", 0x0105: "a", 0x0106: "c", 0x0107: "c", 0x0108: "c", 0x0109: "c",
        0x010A: "c", 0x010B: "c", 0x010C: "c", 0x010D: "c", 0x010E: "d", 0x010F: "d", 0x0110: "d",
        0x0111: "d", 0x0112: "e", 0x0113: "e", 0x0114: "e", 0x0115: "e", 0x0116: "e", 0x0117: "e",
        0x0118: "e", 0x0119: "e", 0x011A: "e", 0x011B: "e", 0x011C: "g", 0x011D: "g", 0x011E: "g",
        0x011F: "g", 0x0120: "g", 0x0121: "g", 0x0122: "g", 0x0123: "g", 0x0124: "h", 0x0125: "h",
        0x0128: "i", 0x0129: "i", 0x012A: "i", 0x012B: "i", 0x012C: "i", 0x012D: "i", 0x012E: "i",
        0x012F: "i", 0x0131: "i", 0x0132: "ij", 0x0133: "ij", 0x0134: "j", 0x0135: "j", 0x0136: "k",
        0x0137: "k", 0x0139: "l", 0x013A: "l", 0x013B: "l", 0x013C: "l", 0x013D: "l", 0x013E: "l",
        0x013F: "l", 0x0140: "l", 0x0141: "l", 0x0142: "l", 0x0143: "n", 0x0144: "n", 0x0145: "n",
        0x0146: "n", 0x0147: "n", 0x0148: "n", 0x0149: "n", 0x014C: "o", 0x014D: "o", 0x014E: "o",
        0x014F: "o", 0x0150: "o", 0x0151: "o", 0x0152: "oe", 0x0153: "oe", 0x0154: "r", 0x0155: "r",
        0x0156: "r", 0x0157: "r", 0x0158: "r", 0x0159: "r", 0x015A: "s", 0x015B: "s", 0x015C: "s",
        0x015D: "s", 0x015E: "s", 0x015F: "s", 0x0160: "s", 0x0161: "s", 0x0162: "t", 0x0163: "t",
        0x0164: "t", 0x0165: "t", 0x0168: "u", 0x0169: "u", 0x016A: "u", 0x016B: "u", 0x016C: "u",
        0x016D: "u", 0x016E: "u", 0x016F: "u", 0x0170: "u", 0x0171: "u", 0x0172: "u", 0x0173: "u",
        0x0174: "w", 0x0175: "w", 0x0176: "y", 0x0177: "y", 0x0178: "y", 0x0179: "z", 0x017A: "z",
        0x017B: "z", 0x017C: "z", 0x017D: "z", 0x017E: "z", 0x017F: "s", 0x210A: "g", 0x210E: "h",
        0x2113: "l", 0x212A: "k", 0x212B: "a", 0x212F: "e", 0x2134: "o", 0x2139: "i", 0x2146: "d",
        0x2147: "e", 0x2148: "i", 0x2149: "j"
    ].mapValues { t in t.utf8.reversed().reduce(0) { ($0 << 8) | UInt32($1) } }

    /// Scalars whose piece is a separator.
    static let extraSlugSeparators: [ClosedRange<UInt32>] = [
        0x00A0...0x00A9, 0x00AB...0x00B1, 0x00B4...0x00B8, 0x00BB...0x00BF, 0x00D7...0x00D7,
        0x00F7...0x00F7, 0x0126...0x0127, 0x0138...0x0138, 0x014A...0x014B, 0x0166...0x0167,
        0x2010...0x205E, 0x2100...0x2109, 0x210B...0x210D, 0x210F...0x2112, 0x2114...0x2129,
        0x212C...0x212E, 0x2130...0x2133, 0x2135...0x2138, 0x213A...0x2145, 0x214A...0x214F,
        0x2190...0x21FF, 0x25A0...0x25FF
    ]

    /// Transliterations of а…я, by code point, as in `translit`, each one's (at most four)
    /// bytes packed into one integer, first byte lowest: appending one costs no array access,
    /// and building the table no Character hashing. The tests check it against `translit`.
    static let cyrillicTranslitPacked: [UInt32] = [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    ].map { t in t.utf8.reversed().reduce(0) { ($0 << 8) | UInt32($1) } }

    /// `slug` of a text of ASCII, basic Cyrillic (А–я, Ё, ё) and the scalars of
    /// `extraSlugText` and `extraSlugSeparators`, the usual case, from code points: every id goes through a slug, and
    /// the general route decomposes and hashes each character. Nil for any other text.
    static func plainSlug(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for u in text.unicodeScalars {
            var v = u.value
            switch v {
            case 0x41...0x5A: out.append(UInt8(v + 0x20))
            case 0x61...0x7A, 0x30...0x39: out.append(UInt8(v))
            case 0...0x7F: if out.last != 0x2D { out.append(0x2D) }
            case 0x0401, 0x0451: out.append(0x65)  // ё → e
            case 0x0410...0x044F:
                if v < 0x0430 { v += 0x20 }
                // up to four ASCII letters packed little-endian ("щ" → "shch")
                var packed = cyrillicTranslitPacked[Int(v - 0x0430)]
                while packed != 0 {
                    out.append(UInt8(truncatingIfNeeded: packed))
                    packed >>= 8
                }
            default:
                if var packed = extraSlugText[v] {
                    while packed != 0 {
                        out.append(UInt8(truncatingIfNeeded: packed))
                        packed >>= 8
                    }
                } else if extraSlugSeparators.contains(where: { $0.contains(v) }) {
                    if out.last != 0x2D { out.append(0x2D) }
                } else {
                    return nil
                }
            }
        }
        var lo = 0, hi = out.count
        while lo < hi, out[lo] == 0x2D { lo += 1 }
        while hi > lo, out[hi - 1] == 0x2D { hi -= 1 }
        return String(decoding: out[lo..<hi], as: UTF8.self)
    }
}
