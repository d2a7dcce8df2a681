/// How well-formed a file's UTF-8 is: where it first breaks, how many ill-formed sequences it
/// has (each is one U+FFFD when read leniently, as Swift's and Unicode's "maximal subpart"
/// practice replaces them), and how many well-formed multi-byte characters, which tell text
/// that is UTF-8 with a few bad bytes from text in a single-byte code page.
struct UTF8Scan {
    /// Offset of the first byte that belongs to no well-formed character: a byte that cannot
    /// begin one, or the lead byte of a sequence whose continuation is wrong or cut off by the end
    /// of the file. Nil when the bytes are valid UTF-8.
    private(set) var firstInvalid: Int?
    /// Ill-formed sequences.
    private(set) var invalidSequences = 0
    /// Well-formed sequences of two to four bytes.
    private(set) var multibyteCharacters = 0

    init(_ bytes: [UInt8], from start: Int = 0) {
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default:
                invalid(at: i)
                i += 1
                continue
            }
            // the continuation bytes, as far as they go right: the first wrong one (or the end)
            // ends an ill-formed sequence there, and the next sequence starts at it
            var k = 1
            while k < length, i + k < n {
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard c >= lo && c <= hi else { break }
                k += 1
            }
            if k == length {
                multibyteCharacters += 1
            } else {
                invalid(at: i)
            }
            i += k
        }
    }

    private mutating func invalid(at offset: Int) {
        if firstInvalid == nil { firstInvalid = offset }
        invalidSequences += 1
    }

    var isValid: Bool { firstInvalid == nil }

    /// Mostly UTF-8: more well-formed multi-byte characters than twice the ill-formed sequences.
    /// Text in windows-1251 or KOI8-R almost never forms a valid UTF-8 sequence (a lead byte
    /// followed by one of the rarer punctuation bytes), so such text is never taken for it.
    var isMostlyUTF8: Bool { multibyteCharacters > 2 * invalidSequences }

    /// The 1-based line of byte `offset`: line breaks (LF, CR, CRLF once) before it, plus one.
    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var k = 0
        let end = min(offset, bytes.count)
        while k < end {
            if bytes[k] == 0x0A || (bytes[k] == 0x0D && (k + 1 >= bytes.count || bytes[k + 1] != 0x0A)) { line += 1 }
            k += 1
        }
        return line
    }
}
