/// A vocabulary of a quarter-million words kept as one UTF-8 buffer ("\n" between words) with an
/// open-addressing hash table over it: built without making a `String` per word, which is most
/// of what loading a `[String: Int]` of that size costs.
public struct WordTable: Sendable {
    /// The words, "\n"-joined, as stored in the vocabulary files.
    let text: [UInt8]
    /// `starts[id]` is where word `id` begins in `text`; `starts[count]` is `text.count + 1`.
    private let starts: [Int32]
    /// Word ids by hash (linear probing), -1 for an empty slot; the capacity is a power of two.
    private let slots: [Int32]

    /// Builds the table over `text`, words separated by "\n" (as Python's `splitlines` would
    /// split these files). A repeated word maps to its last id, as a Python dict built in order does.
    init(text: [UInt8]) {
        self.text = text
        var starts: [Int32] = [0]
        for (i, byte) in text.enumerated() where byte == 0x0A { starts.append(Int32(i + 1)) }
        if text.last == 0x0A { starts.removeLast() }  // a final newline ends the last word
        starts.append(Int32(text.count + 1))
        if text.isEmpty { starts = [0, 1] }
        self.starts = starts
        let count = starts.count - 1
        var capacity = 1
        while capacity < count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        text.withUnsafeBufferPointer { bytes in
            for id in 0..<count {
                let start = Int(starts[id]), end = Int(starts[id + 1]) - 1
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                var slot = Int(truncatingIfNeeded: Self.hash(word)) & (capacity - 1)
                while slots[slot] >= 0 {
                    let other = Int(slots[slot])
                    if UnsafeBufferPointer(rebasing: bytes[Int(starts[other])..<Int(starts[other + 1]) - 1]).elementsEqual(word) { break }
                    slot = (slot + 1) & (capacity - 1)
                }
                slots[slot] = Int32(id)
            }
        }
        self.slots = slots
    }

    /// How many words.
    public var count: Int { starts.count - 1 }

    /// The word with id `id`.
    public func word(_ id: Int) -> String {
        String(decoding: text[Int(starts[id])..<Int(starts[id + 1]) - 1], as: UTF8.self)
    }

    /// The id of `word`, if it is in the vocabulary.
    public func id(of word: String) -> Int? {
        var word = word
        return word.withUTF8 { key -> Int? in
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
            return text.withUnsafeBufferPointer { bytes in
                while slots[slot] >= 0 {
                    let id = Int(slots[slot])
                    if UnsafeBufferPointer(rebasing: bytes[Int(starts[id])..<Int(starts[id + 1]) - 1]).elementsEqual(key) { return id }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }

    /// FNV-1a, 64 bits.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }
}
