/// Statistics that tell the encodings of Russian text apart. Tables of letter pairs live here,
/// apart from the decoding logic.
enum EncodingDetector {
    /// The most frequent letter pairs of Russian prose (lower case). Text decoded in the wrong
    /// Cyrillic code page has letters permuted and cases swapped, so few of its pairs are here.
    static let frequentBigrams: Set<String> = [
        "ст", "но", "то", "на", "ен", "ов", "ни", "ра", "во", "ко", "ро", "ал", "ре", "по", "пр",
        "ер", "ли", "ос", "ол", "ан", "ет", "ор", "од", "ка", "ел", "ск", "ва", "ть", "ин", "та",
        "ие", "ий", "ль", "ак", "ом", "ам", "не", "го", "ми", "ит", "ти", "де", "ле", "ма", "ла",
        "ве", "ес", "ат", "об", "ци", "ия", "ой", "ых", "ый", "ск", "ие", "ем", "ны", "ри", "ен",
        "ад", "да", "ди", "ис", "ир", "ую", "ая", "ее", "ах", "ат", "ют", "ся", "че", "ча", "тв",
    ]

    /// UTF-16 without a byte-order mark: Russian text has high bytes 0x04 (Cyrillic) or 0x00
    /// (spaces, digits, punctuation). Returns true for big-endian, false for little-endian, nil
    /// when the bytes do not look like UTF-16.
    static func utf16Endianness(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        func looksHigh(_ offset: Int) -> Bool {
            var plausible = 0, zero = 0, total = 0
            var i = offset
            while i < bytes.count {
                let h = bytes[i]
                if h == 0x00 || h == 0x04 { plausible += 1 }
                if h == 0x00 { zero += 1 }
                total += 1
                i += 2
            }
            return zero > 0 && plausible * 10 >= total * 9
        }
        let le = looksHigh(1), be = looksHigh(0)
        if le && !be { return false }
        if be && !le { return true }
        return nil
    }

    struct Guess {
        let encoding: TextEncoding?
        let confident: Bool
    }

    /// Chooses between windows-1251 and KOI8-R for bytes that are not UTF-8.
    static func guessEightBit(_ bytes: [UInt8]) -> Guess {
        let a = score(bytes, CodePages.windows1251)
        let b = score(bytes, CodePages.koi8r)
        guard a.letters > 0 || b.letters > 0 else { return Guess(encoding: nil, confident: false) }
        let (best, winner, loser) = a.value >= b.value ? (TextEncoding.cp1251, a, b) : (.koi8r, b, a)
        // Too few letters, or neither reading looks like Russian: a guess only.
        if winner.value < 0.5 && winner.letters >= 30 { return Guess(encoding: nil, confident: false) }
        let confident = winner.letters >= 30 && winner.value - loser.value > 0.2
        return Guess(encoding: best, confident: confident)
    }

    struct Score {
        let letters: Int
        let value: Double
    }

    /// How Russian the bytes look in a code page: the share of letter pairs that are frequent
    /// Russian bigrams, plus the share of letters inside words that are lower case.
    static func score(_ bytes: [UInt8], _ table: [UInt32]) -> Score {
        var letters = 0, lowerInside = 0, inside = 0, pairs = 0, frequent = 0
        var previous: Character? = nil
        for b in bytes {
            guard b >= 0x80, let s = Unicode.Scalar(table[Int(b) - 0x80]),
                  (0x0410...0x044F).contains(s.value) || s.value == 0x0401 || s.value == 0x0451 else {
                previous = nil
                continue
            }
            letters += 1
            let ch = Character(s)
            let isLower = s.value >= 0x0430
            if let p = previous {
                inside += 1
                if isLower { lowerInside += 1 }
                pairs += 1
                if frequentBigrams.contains(String(p) + String(ch).lowercased()) { frequent += 1 }
            }
            previous = Character(String(ch).lowercased())
        }
        let bigram = pairs == 0 ? 0 : Double(frequent) / Double(pairs)
        let lower = inside == 0 ? 0 : Double(lowerInside) / Double(inside)
        return Score(letters: letters, value: bigram + lower)
    }
}
