/// Latin and Greek letters that look like Cyrillic ones, typed or OCR'd inside Russian words
/// ("Омcк", "Хaбаровск"): inside a word that has Cyrillic letters they are read as those.
enum LookAlikes {
    /// Look-alike scalar → its Cyrillic letter.
    static let cyrillic: [UInt32: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            // Latin
            ("a", "а"), ("c", "с"), ("e", "е"), ("o", "о"), ("p", "р"), ("x", "х"), ("y", "у"),
            ("A", "А"), ("B", "В"), ("C", "С"), ("E", "Е"), ("H", "Н"), ("K", "К"), ("M", "М"),
            ("O", "О"), ("P", "Р"), ("T", "Т"), ("X", "Х"), ("Y", "У"),
            // Greek
            ("α", "а"), ("ε", "е"), ("ο", "о"), ("ρ", "р"), ("χ", "х"), ("Α", "А"), ("Β", "В"),
            ("Ε", "Е"), ("Η", "Н"), ("Κ", "К"), ("Μ", "М"), ("Ο", "О"), ("Ρ", "Р"), ("Τ", "Т"), ("Χ", "Х"),
        ]
        var table: [UInt32: Unicode.Scalar] = [:]
        for (from, to) in pairs { table[from.unicodeScalars.first!.value] = to.unicodeScalars.first! }
        return table
    }()

    /// `word` with its look-alikes folded, when it has a Cyrillic letter and a look-alike; else
    /// `word` itself (all-Latin words, "Omsk", stay as they are).
    static func folded(_ word: String) -> String {
        var hasCyrillic = false, hasLookAlike = false
        for u in word.unicodeScalars {
            if (0x0400...0x04FF).contains(u.value) { hasCyrillic = true }
            else if cyrillic[u.value] != nil { hasLookAlike = true }
        }
        guard hasCyrillic, hasLookAlike else { return word }
        var out = String.UnicodeScalarView()
        for u in word.unicodeScalars { out.append(cyrillic[u.value] ?? u) }
        return String(out)
    }
}
