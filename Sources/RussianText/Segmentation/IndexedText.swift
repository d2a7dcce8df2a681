/// A text as Unicode scalars together with where each scalar starts in its UTF-8, so that the
/// text of a range of scalars (token, sentence, mention offsets of the JSON contract) is copied
/// out of the original string, already valid UTF-8, instead of being encoded again scalar by
/// scalar and validated. Decoding the scalars here is also several times cheaper than
/// `Array(text.unicodeScalars)`.
public struct IndexedText: Sendable {
    /// The text itself.
    public let text: String
    /// Its Unicode scalars (`Array(text.unicodeScalars)`).
    public let scalars: [Unicode.Scalar]
    /// UTF-8 offset of each scalar in `text`, then the length of `text`.
    let utf8Offsets: [Int]

    /// Decodes `text` once.
    public init(_ text: String) {
        self.init(decoding: text)
    }

    /// The text of scalars `start..<end` (`0 <= start <= end <= scalars.count`), equal to
    /// `String(scalars: scalars[start..<end])`.
    public func slice(_ start: Int, _ end: Int) -> String {
        withUTF8 { slice($0, start, end) }
    }

    private init(decoding text: String) {
        self.text = text
        var t = text
        (scalars, utf8Offsets) = t.withUTF8 { b -> ([Unicode.Scalar], [Int]) in
            let n = b.count
            var count = 0
            // Written in place: appending element by element cost several times more.
            var offsets: [Int] = []
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, initialized in
                offsets = [Int](unsafeUninitializedCapacity: n + 1) { offs, offsetsInitialized in
                    // A String's bytes are valid UTF-8: decode without checks beyond the bounds.
                    var i = 0
                    while i < n {
                        let c = b[i]
                        offs[count] = i
                        var v = UInt32(c)
                        if c < 0x80 {
                            i += 1
                        } else if c < 0xE0, i + 1 < n {
                            v = (UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F)
                            i += 2
                        } else if c < 0xF0, i + 2 < n {
                            v = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                            i += 3
                        } else if i + 3 < n {
                            v = (UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12)
                                | (UInt32(b[i + 2] & 0x3F) << 6) | UInt32(b[i + 3] & 0x3F)
                            i += 4
                        } else {
                            v = 0xFFFD  // cannot happen in a String; keeps the loop total
                            i = n
                        }
                        out[count] = Unicode.Scalar(v) ?? "\u{FFFD}"  // a trivial type: no initialize needed
                        count += 1
                    }
                    offs[count] = n
                    offsetsInitialized = count + 1
                }
                initialized = count
            }
            return (scalars, offsets)
        }
    }

    /// A text given as scalars (the internal entry points that take scalar arrays).
    init(scalars: [Unicode.Scalar]) {
        self.init(String(scalars: scalars))
    }

    /// The one-scalar strings of U+0000…U+045F (ASCII, Latin-1, basic Cyrillic), made once:
    /// copying a small string costs nothing, making one means validating its bytes.
    static let singleScalarStrings: [String] = (0..<0x460).map { v in Unicode.Scalar(UInt32(v)).map { String($0) } ?? "" }

    /// Calls `body` with the UTF-8 of `text`, for `slice`.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var t = text
        return t.withUTF8(body)
    }

    /// The text of scalars `from..<to`, copied from `bytes` (the UTF-8 of `text`): the cheapest
    /// way to a String of known-valid bytes.
    @inline(__always)
    func slice(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        let a = utf8Offsets[from], e = utf8Offsets[to]
        // One ASCII character (punctuation, a digit, an initial): a ready-made string.
        // One character below U+0460 (punctuation, a digit, a preposition, an initial, « »):
        // a ready-made string.
        if to == from + 1, scalars[from].value < 0x460 { return Self.singleScalarStrings[Int(scalars[from].value)] }
        // Decoding validates the bytes, a cost that grows with the length; a substring of the
        // text is copied without validation but costs more to set up. Measured (callgrind):
        // decoding wins up to about 24 bytes, the substring beyond (4x less at 300 bytes).
        if e - a <= 24 { return String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<e]), as: UTF8.self) }
        let u = text.utf8
        let start = u.index(u.startIndex, offsetBy: a)
        return String(text[start..<u.index(start, offsetBy: e - a)])
    }
}
