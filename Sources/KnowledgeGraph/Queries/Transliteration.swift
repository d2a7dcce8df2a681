/// Russian letters in Latin, as the node ids spell them ("Хабаровск" → "khabarovsk"), so that a
/// name typed in Latin ("Khabarovsk", "Omsk") finds the node.
public enum Transliteration {
    static let latin: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]

    /// `text` (lower case) with every Russian letter in Latin; other characters unchanged.
    public static func toLatin(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if let t = latin[scalar] { out += t } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Whether `text` has a Russian letter.
    public static func hasCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { ("\u{0400}"..."\u{04FF}").contains($0) }
    }
}
