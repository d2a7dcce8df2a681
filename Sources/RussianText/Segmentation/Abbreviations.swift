/// Tables of the sentence splitter, apart from its rules (razdel's design).
enum Abbreviations {
    /// Abbreviations written with a dot that do not end a sentence: the next word belongs to them
    /// ("г. Омск", "им. Ф.М. Достоевского", "ул. Ленина"). Lower case, without the final dot;
    /// multi-part ones as written between dots ("т.е" is matched as "т" "е").
    static let nonTerminal: Set<String> = [
        // places and addresses
        "г", "гор", "пос", "п", "с", "д", "дер", "ст", "обл", "р", "ул", "пр", "просп", "пер", "пл",
        "наб", "бул", "ш", "корп", "стр", "кв", "оф", "респ", "м", "о", "пгт", "мкр", "р-н", "х",
        // names and titles
        "им", "св", "акад", "проф", "доц", "канд", "зам", "нач", "ген", "гл", "ред", "пред",
        "зав", "засл", "нар", "тов", "г-н", "г-жа", "гг", "мин", "упр", "деп", "адм",
        // quantities and references
        "тыс", "млн", "млрд", "трлн", "руб", "коп", "долл", "чел", "ед", "экз", "шт",
        "кг", "км", "га", "куб", "мм", "см", "ч", "мин", "сек", "вып", "т", "тт", "стр", "рис",
        "табл", "гл", "прим", "напр", "ок", "прибл", "см", "ср", "сокр", "англ", "нем", "кит",
        "франц", "фр", "яп", "кор", "рус", "лат", "исп", "итал", "вкл", "искл", "мл", "ст", "н",
        "э", "в", "вв", "№", "no", "nr", "vs", "etc", "mr", "mrs", "ms", "dr", "st",
    ]

    /// Abbreviations that often end a sentence ("и т.д.", "и др."): a sentence ends after them
    /// when the next word is capitalised.
    static let terminal: Set<String> = ["д", "п", "др", "пр", "гг", "г", "вв", "в"]

    /// `nonTerminal` and `terminal` for lookups by bytes (see `ShortWordSet`).
    static let nonTerminalWords = ShortWordSet(nonTerminal)
    static let terminalWords = ShortWordSet(terminal)

    /// Markers of list items at the start of a line.
    static let bullets: Set<Unicode.Scalar> = Set("-–—•·*▪◦►○●■□‣⁃\u{F0B7}".unicodeScalars)
}

/// A set of words that answers `contains` as `Set<String>` does, without hashing the String
/// (which normalises non-ASCII text on every call): a word of ASCII and basic Cyrillic is in NFC
/// and so equals an NFC member exactly when their bytes are equal; up to 16 bytes, its bytes
/// packed into two integers are the key. The members must be NFC (written composed), which the
/// tests check. Any other word is looked up as a String.
struct ShortWordSet: Sendable {
    struct Packed: Hashable, Sendable {
        var lo: UInt64 = 0, hi: UInt64 = 0, count = 0
    }

    enum Key {
        case packed(Packed)
        /// ASCII and basic Cyrillic, longer than 16 bytes.
        case longPlain
        case other
    }

    private let packed: Set<Packed>
    /// Members of ASCII and basic Cyrillic longer than 16 bytes.
    private let longPlain: Set<String>
    let strings: Set<String>

    init(_ words: Set<String>) {
        strings = words
        var packed = Set<Packed>(), long = Set<String>()
        for w in words {
            switch Self.key(w) {
            case .packed(let k): packed.insert(k)
            case .longPlain: long.insert(w)
            case .other: break
            }
        }
        self.packed = packed
        longPlain = long
    }

    func contains(_ word: String) -> Bool {
        switch Self.key(word) {
        case .packed(let k): return packed.contains(k)
        case .longPlain: return !longPlain.isEmpty && longPlain.contains(word)
        case .other: return strings.contains(word)
        }
    }

    static func key(_ word: String) -> Key {
        for u in word.unicodeScalars {
            let v = u.value
            guard v < 0x80 || (0x0410...0x044F).contains(v) || v == 0x0401 || v == 0x0451 else { return .other }
        }
        var w = word
        return w.withUTF8 { b in
            guard b.count <= 16 else { return .longPlain }
            var key = Packed()
            for (k, byte) in b.enumerated() {
                if k < 8 { key.lo |= UInt64(byte) << (8 * UInt64(k)) } else { key.hi |= UInt64(byte) << (8 * UInt64(k - 8)) }
            }
            key.count = b.count
            return .packed(key)
        }
    }
}
