/// An open-addressing hash table from byte strings to the first value stored for them, built
/// once from the resource files. Keys are ranges of one shared buffer (the bytes of names.tsv),
/// so building copies no text, and a lookup hashes and compares UTF-8 bytes: no String is made
/// and nothing is normalised, which is what made the binary search over String keys costly.
/// Lookups agree with `LineTable.find` on a table sorted bytewise: the first line wins.
struct ByteKeyTable: Sendable {
    private let bytes: [UInt8]
    /// Per slot: start of the key in `bytes`, or -1 for an empty slot.
    private let slotStart: [Int32]
    private let slotLength: [Int32]
    private let slotHash: [UInt32]
    private let slotValue: [Int32]
    private let mask: Int

    /// Builds the table from `(start, length, value)` triples over `bytes`; for a key given more
    /// than once the first triple wins.
    init(bytes: [UInt8], keys: [(start: Int32, length: Int32, value: Int32)]) {
        self.bytes = bytes
        var capacity = 16
        while capacity < keys.count * 2 { capacity *= 2 }
        mask = capacity - 1
        var starts = [Int32](repeating: -1, count: capacity)
        var lengths = [Int32](repeating: 0, count: capacity)
        var hashes = [UInt32](repeating: 0, count: capacity)
        var values = [Int32](repeating: 0, count: capacity)
        bytes.withUnsafeBufferPointer { buf in
            for k in keys {
                let key = UnsafeBufferPointer(rebasing: buf[Int(k.start)..<Int(k.start + k.length)])
                let h = ByteKeyTable.hash(key)
                var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
                var duplicate = false
                while starts[slot] >= 0 {
                    if hashes[slot] == UInt32(truncatingIfNeeded: h), lengths[slot] == k.length,
                       ByteKeyTable.equal(buf, Int(starts[slot]), key) {
                        duplicate = true
                        break
                    }
                    slot = (slot + 1) & (capacity - 1)
                }
                if duplicate { continue }
                starts[slot] = k.start
                lengths[slot] = k.length
                hashes[slot] = UInt32(truncatingIfNeeded: h)
                values[slot] = k.value
            }
        }
        slotStart = starts
        slotLength = lengths
        slotHash = hashes
        slotValue = values
    }

    /// The value stored for `key`, or nil.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = ByteKeyTable.hash(key)
        let h32 = UInt32(truncatingIfNeeded: h)
        var slot = Int(truncatingIfNeeded: h) & mask
        return bytes.withUnsafeBufferPointer { buf in
            slotStart.withUnsafeBufferPointer { starts in
                while true {
                    let s = starts[slot]
                    if s < 0 { return nil }
                    if slotHash[slot] == h32, Int(slotLength[slot]) == key.count,
                       ByteKeyTable.equal(buf, Int(s), key) {
                        return Int(slotValue[slot])
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The value stored for the UTF-8 bytes of `key`, or nil.
    func value(for key: String) -> Int? {
        var key = key
        return key.withUTF8 { value(for: $0) }
    }

    /// FNV-1a, 64 bits, finished with a multiply-shift so the low bits used for the slot mix all
    /// of the key.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        h ^= h >> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        return h ^ (h >> 32)
    }

    @inline(__always)
    private static func equal(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < key.count {
            if buf[start + i] != key[i] { return false }
            i += 1
        }
        return true
    }
}
