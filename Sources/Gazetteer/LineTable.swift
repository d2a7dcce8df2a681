import Foundation

/// A UTF-8 text file of tab-separated lines, kept as bytes with the offset of each line: loading
/// is one scan for newlines. The gazetteer decodes and indexes the lines once at load; the table
/// stays for finding a place by id (binary search over the sorted ids).
struct LineTable: Sendable {
    let bytes: [UInt8]
    /// Start offset of each line; one extra entry for the end.
    let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int] = [0]
        starts.reserveCapacity(bytes.count / 40)
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var offset = 0
            let count = buf.count
            while offset < count {
                guard let hit = memchr(base + offset, 0x0A, count - offset) else { break }
                let nl = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                starts.append(nl + 1)
                offset = nl + 1
            }
        }
        if starts.last != bytes.count { starts.append(bytes.count) }
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    /// The byte range of line `i` without its newline.
    func range(_ i: Int) -> Range<Int> {
        var end = starts[i + 1]
        if end > starts[i] && bytes[end - 1] == 0x0A { end -= 1 }
        return starts[i]..<end
    }

    /// The fields of line `i`.
    func fields(_ i: Int) -> [String] {
        bytes[range(i)].split(separator: 0x09, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// Binary search of a line whose first field equals `key`, on a table sorted bytewise by its
    /// first field.
    func find(key: String) -> Int? {
        let k = Array(key.utf8)
        let i = lowerBound(k)
        guard i < count else { return nil }
        return firstFieldCompare(i, k, prefixOnly: false) == 0 ? i : nil
    }

    /// Whether some line's first field starts with `prefix`.
    func hasKey(withPrefix prefix: String) -> Bool {
        let k = Array(prefix.utf8)
        let i = lowerBound(k)
        return i < count && firstFieldCompare(i, k, prefixOnly: true) == 0
    }

    /// Index of the first line whose first field is not less than `key`.
    private func lowerBound(_ key: [UInt8]) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if firstFieldCompare(mid, key, prefixOnly: false) < 0 { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Compares line `i`'s first field with `key` (or, with `prefixOnly`, its first
    /// `key.count` bytes).
    private func firstFieldCompare(_ i: Int, _ key: [UInt8], prefixOnly: Bool) -> Int {
        bytes.withUnsafeBufferPointer { buf in
            key.withUnsafeBufferPointer { kb in
                let r = range(i)
                var fieldEnd = r.lowerBound
                while fieldEnd < r.upperBound && buf[fieldEnd] != 0x09 { fieldEnd += 1 }
                if prefixOnly && fieldEnd - r.lowerBound >= kb.count {
                    return compare(buf, r.lowerBound, r.lowerBound + kb.count, kb)
                }
                return compare(buf, r.lowerBound, fieldEnd, kb)
            }
        }
    }

    private func compare(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int,
                         _ key: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(to - from, key.count)
        var i = 0
        while i < n {
            let a = buf[from + i], b = key[i]
            if a != b { return a < b ? -1 : 1 }
            i += 1
        }
        return (to - from) - key.count
    }
}
