/// Where a JSON string's plain run of bytes stops: at its closing quote, at an escape, or at a
/// control character (which JSON does not allow in a string).
///
/// Graph JSON is mostly long strings (evidence sentences), so the readers look for the end of
/// each a word at a time (`end(of:from:)`); `plainEnd(of:from:)` is the byte-at-a-time
/// definition it is tested against.
enum JSONStringScan {
    /// The index of the first `"`, `\` or byte below 0x20 at or after `start`, or `bytes.count`.
    static func end(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var k = start
        let count = bytes.count
        while k + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
            let stops = bytesEqual(word, UInt8(ascii: "\"")) | bytesEqual(word, UInt8(ascii: "\\")) | bytesBelow(word, 0x20)
            if stops != 0 { return k + stops.trailingZeroBitCount / 8 }
            k += 8
        }
        return plainEnd(of: bytes, from: k)
    }

    /// `end(of:from:)` a byte at a time.
    static func plainEnd(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var k = start
        while k < bytes.count {
            let b = bytes[k]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { return k }
            k += 1
        }
        return k
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `word` below `limit` (at most 0x80) is set in the lowest such
    /// byte; bytes above it may be marked falsely (a borrow), which the callers never read.
    @inline(__always)
    private static func bytesBelow(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// As `bytesBelow`, for bytes equal to `value`.
    @inline(__always)
    private static func bytesEqual(_ word: UInt64, _ value: UInt8) -> UInt64 {
        bytesBelow(word ^ (ones &* UInt64(value)), 1)
    }
}
