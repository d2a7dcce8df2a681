/// The shape of a word, as slovnet's `word_shape` computes it: the script and case outline of
/// a word ("RU_Xx", "EN_XX"), the punctuation mark itself ("PUNCT_«"), "NUM" or "OTHER".
///
/// Python's semantics are kept on purpose: code points rather than characters, `str.isupper`
/// and `str.islower` (a word with no cased letter is neither), and the type taken from the first
/// alternative of slovnet's regex that matches at the start of the word.
enum WordShape {
    static let punctuation: Set<Unicode.Scalar> = Set(
        ("!#$%&()[]\\/*+,.:;<=>?@^_{|}~" + "-‐−‒⁃–—―" + "`\"'«»„“ʼʻ”" + "№…").unicodeScalars)

    static func of(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first else { return "OTHER" }
        if isRussianLetter(first) { return "RU_" + outline(scalars) }
        if isLatinLetter(first) { return "EN_" + outline(scalars) }
        if isDecimalDigit(first)
            || ((first == "+" || first == "-") && scalars.count > 1 && isDecimalDigit(scalars[1])) {
            return "NUM"
        }
        if punctuation.contains(first) {
            return scalars.count == 1 ? "PUNCT_" + word : "PUNCT_OTHER"
        }
        return "OTHER"
    }

    /// `[а-яё]` under re.IGNORECASE.
    static func isRussianLetter(_ s: Unicode.Scalar) -> Bool {
        (0x430...0x44F).contains(s.value) || (0x410...0x42F).contains(s.value) || s.value == 0x451 || s.value == 0x401
    }

    /// `[a-z]` under re.IGNORECASE (Unicode case folding adds the dotted/dotless i, long s and the Kelvin sign).
    static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || [0x130, 0x131, 0x17F, 0x212A].contains(s.value)
    }

    /// Python's `\d` in a str pattern: any character of category Nd.
    static func isDecimalDigit(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .decimalNumber
    }

    static func outline(_ word: [Unicode.Scalar]) -> String {
        if word.count == 1 { return isUpper(word[...]) ? "X" : "x" }
        if isUpper(word[...]) { return "XX" }
        if isLower(word[...]) { return "xx" }
        if isTitle(word[...]) { return "Xx" }
        if let dash = word.firstIndex(of: "-"), isTitle(word[..<dash]), isTitle(word[(dash + 1)...]) { return "Xx-Xx" }
        return "OTHER"
    }

    static func isTitle(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        word.count > 1 && isUpper(word.prefix(1)) && isLower(word.dropFirst())
    }

    /// `str.isupper`: some cased character, and none lowercase or titlecase.
    static func isUpper(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        var cased = false
        for s in word {
            let p = s.properties
            if p.isLowercase || p.generalCategory == .titlecaseLetter { return false }
            if p.isUppercase { cased = true }
        }
        return cased
    }

    /// `str.islower`: some cased character, and none uppercase or titlecase.
    static func isLower(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        var cased = false
        for s in word {
            let p = s.properties
            if p.isUppercase || p.generalCategory == .titlecaseLetter { return false }
            if p.isLowercase { cased = true }
        }
        return cased
    }
}
