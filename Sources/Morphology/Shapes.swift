/// Token shapes pymorphy recognises without the dictionary (shapes.py, NumberAnalyzer).
enum Shapes {
    enum NumberKind { case int, real }

    /// Python's `int(word)` / `float(word.replace(",", "."))` acceptance.
    static func number(_ word: String) -> NumberKind? {
        // Fast path: plain ASCII digits.
        if !word.isEmpty, word.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return .int }
        // Quick reject: a number starts with a digit, a sign, a point, a space or "inf"/"nan".
        if let first = word.unicodeScalars.first, first.value >= 0x80 ? first.properties.numericType != .decimal
            && !first.properties.isWhitespace : !"0123456789+-.,_ \t\n\r\u{0B}\u{0C}iInN".unicodeScalars.contains(first) {
            return nil
        }
        let scalars = Array(word.unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi && scalars[lo].properties.isWhitespace { lo += 1 }
        while hi > lo && scalars[hi - 1].properties.isWhitespace { hi -= 1 }
        guard lo < hi else { return nil }
        var s = Array(scalars[lo..<hi])
        if s[0] == "+" || s[0] == "-" { s.removeFirst() }
        guard !s.isEmpty else { return nil }
        if digitRun(s, 0) == s.count { return .int }
        // float: digits [. digits] [e [sign] digits], or inf / infinity / nan.
        s = s.map { $0 == "," ? "." : $0 }
        let lowered = String(String.UnicodeScalarView(s)).lowercased()
        if ["inf", "infinity", "nan"].contains(lowered) { return .real }
        var i = 0
        let intEnd = digitRun(s, 0)
        var mantissaDigits = intEnd > 0
        i = intEnd
        if i < s.count && s[i] == "." {
            i += 1
            let fracEnd = digitRun(s, i)
            if fracEnd > i { mantissaDigits = true }
            i = fracEnd
        }
        guard mantissaDigits else { return nil }
        if i < s.count && (s[i] == "e" || s[i] == "E") {
            i += 1
            if i < s.count && (s[i] == "+" || s[i] == "-") { i += 1 }
            let expEnd = digitRun(s, i)
            guard expEnd > i else { return nil }
            i = expEnd
        }
        return i == s.count ? .real : nil
    }

    /// End of a run of decimal digits starting at `start` (single underscores allowed between
    /// digits, as Python allows); `start` when there is none.
    private static func digitRun(_ s: [Unicode.Scalar], _ start: Int) -> Int {
        var i = start
        var last = start
        while i < s.count {
            if s[i].properties.numericType == .decimal {
                i += 1
                last = i
            } else if s[i] == "_" && i > start && i + 1 < s.count && s[i + 1].properties.numericType == .decimal
                        && s[i - 1].properties.numericType == .decimal {
                i += 1
            } else {
                break
            }
        }
        return last
    }

    /// Only punctuation and spaces, at least one punctuation mark.
    static func isPunctuation(_ word: String) -> Bool {
        var any = false
        for c in word.unicodeScalars {
            if c.properties.isWhitespace { continue }
            switch c.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                any = true
            default:
                return false
            }
        }
        return any
    }

    private static func isAlpha(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Every letter is Latin, and there is at least one letter.
    static func isLatin(_ word: String) -> Bool {
        var any = false
        for c in word.unicodeScalars where isAlpha(c) {
            any = true
            if c.isASCII { continue }
            if (0x400...0x52F).contains(c.value) { return false }  // Cyrillic: skip the name lookup
            guard let name = c.properties.name, name.contains("LATIN") else { return false }
        }
        return any
    }

    /// `M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})`, case-insensitive, whole word.
    static func isRomanNumber(_ word: String) -> Bool {
        var s: [UInt8] = []
        for c in word.unicodeScalars {
            guard c.isASCII else { return false }
            let u = UInt8(c.value) & ~0x20  // ASCII upper-case
            guard "MDCLXVI".utf8.contains(u) else { return false }
            s.append(u)
        }
        guard !s.isEmpty else { return false }
        var starts: Set<Int> = []
        var m = 0
        while m <= 4 {
            starts.insert(m)
            if m < s.count && s[m] == UInt8(ascii: "M") { m += 1 } else { break }
        }
        let groups: [(UInt8, UInt8, UInt8)] = [(67, 68, 77), (88, 76, 67), (73, 86, 88)]  // CDM, XLC, IVX
        for (o, f, t) in groups {
            var next: Set<Int> = []
            for p in starts {
                if p + 1 < s.count && s[p] == o && (s[p + 1] == t || s[p + 1] == f) { next.insert(p + 2) }
                var q = p
                if q < s.count && s[q] == f { q += 1 }
                var k = 0
                next.insert(q)
                while k < 3 && q < s.count && s[q] == o { q += 1; k += 1; next.insert(q) }
                // D?C{0,3} without the D as well
                var r = p, j = 0
                next.insert(r)
                while j < 3 && r < s.count && s[r] == o { r += 1; j += 1; next.insert(r) }
            }
            starts = next
        }
        return starts.contains(s.count)
    }
}

/// pymorphy3's configuration for Russian (lang/ru/config.py).
enum RussianConfig {
    static let initialLetters: Set<Unicode.Scalar> = Set("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ".unicodeScalars)
    static let particlesAfterHyphen = ["-то", "-ка", "-таки", "-де", "-тко", "-тка", "-с", "-ста"]
    /// Prefixes that do not change a word's analysis.
    static let knownPrefixes = [
        "авиа", "авто", "аква", "анти", "анти-", "антропо", "архи", "арт", "арт-", "астро", "аудио", "аэро",
        "без", "бес", "био", "вело", "взаимо", "вне", "внутри", "видео", "вице-", "вперед", "впереди", "гекто",
        "гелио", "гео", "гетеро", "гига", "гигро", "гипер", "гипо", "гомо", "дву", "двух", "де", "дез", "дека",
        "деци", "дис", "до", "евро", "за", "зоо", "интер", "инфра", "квази", "квази-", "кило", "кино", "контр",
        "контр-", "космо", "космо-", "крипто", "лейб-", "лже", "лже-", "макро", "макси", "макси-", "мало", "меж",
        "медиа", "медиа-", "мега", "мета", "мета-", "метео", "метро", "микро", "милли", "мини", "мини-", "моно",
        "мото", "много", "мульти", "нано", "нарко", "не", "небез", "недо", "нейро", "нео", "низко", "обер-",
        "обще", "одно", "около", "орто", "палео", "пан", "пара", "пента", "пере", "пиро", "поли", "полу",
        "после", "пост", "пост-", "порно", "пра", "пра-", "пред", "пресс-", "противо", "противо-", "прото",
        "псевдо", "псевдо-", "радио", "разно", "ре", "ретро", "ретро-", "само", "санти", "сверх", "сверх-",
        "спец", "суб", "супер", "супер-", "супра", "теле", "тетра", "топ-", "транс", "транс-", "ультра",
        "унтер-", "штаб-", "экзо", "эко", "эндо", "эконом-", "экс", "экс-", "экстра", "экстра-", "электро",
        "энерго", "этно",
    ]
}
