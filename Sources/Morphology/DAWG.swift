import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only file mapped into memory. Dictionaries are a few megabytes and read at random:
/// mapping costs no copy at load time and lets processes share the pages. The pages are
/// prefaulted (MAP_POPULATE) so lookups do not stop for page faults.
final class MappedFile: @unchecked Sendable {
    // @unchecked: the mapping is read-only and never changes after init; it is unmapped in deinit
    // only, when no reader can hold a reference any more.
    let base: UnsafeRawPointer
    let count: Int

    init(url: URL) throws(MorphologyError) {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw .missingFile(url.path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(url.path, "cannot stat") }
        let size = Int(st.st_size)
        guard size > 0 else { throw .corrupt(url.path, "empty file") }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let p = mmap(nil, size, PROT_READ, flags, fd, 0), p != MAP_FAILED else {
            throw .unreadable(url.path, "mmap failed")
        }
        base = UnsafeRawPointer(p)
        count = size
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }

    func uint32(at offset: Int) -> UInt32 {
        base.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian
    }
}

/// The double-array of a dawgdic dictionary (the format `dawg` / `dawg-python` write): a uint32
/// count followed by that many 32-bit units; a transition is `index ^ offset ^ label`.
///
/// A plain value (pointers and sizes, no references), so passing it around costs no reference
/// counting; the dawg that made it (`RecordDawg`, `IntDawg`) keeps the memory alive.
struct DawgUnits: @unchecked Sendable {
    // @unchecked: points into immutable memory owned by the enclosing dawg.
    let units: UnsafePointer<UInt32>
    let size: Int
    /// Byte offset just past the units in the file (where a guide, if any, starts).
    let end: Int
    /// log2 of the distance between units, in UInt32s: 0 in the file, 1 when interleaved with
    /// the guide (see `InterleavedDawg`).
    let shift: Int

    init(file: MappedFile, path: String) throws(MorphologyError) {
        guard file.count >= 4 else { throw .corrupt(path, "no header") }
        let n = Int(file.uint32(at: 0))
        guard 4 + n * 4 <= file.count, n > 0 else { throw .corrupt(path, "truncated units") }
        // Offset 4 keeps 4-byte alignment since mmap returns page-aligned memory.
        self.units = (file.base + 4).assumingMemoryBound(to: UInt32.self)
        self.size = n
        self.end = 4 + n * 4
        self.shift = 0
    }

    init(interleaved: InterleavedDawg) {
        units = UnsafePointer(interleaved.memory)
        size = interleaved.count
        end = 0
        shift = 1
    }

    @inline(__always) func unit(_ i: Int) -> UInt32 { units[i &<< shift] }

    @inline(__always) static func offset(_ base: UInt32) -> Int {
        Int((base >> 10) << ((base & (1 << 9)) >> 6))
    }

    @inline(__always) func hasValue(_ index: Int) -> Bool { unit(index) & (1 << 8) != 0 }

    @inline(__always) func value(_ index: Int) -> Int {
        let next = index ^ Self.offset(unit(index))
        guard next < size else { return -1 }
        return Int(unit(next) & ~UInt32(1 << 31))
    }

    /// Follows one byte; returns nil when there is no such transition.
    @inline(__always) func follow(_ label: UInt8, _ index: Int) -> Int? {
        let next = index ^ Self.offset(unit(index)) ^ Int(label)
        guard next < size else { return nil }
        return (unit(next) & ((1 << 31) | 0xFF)) == UInt32(label) ? next : nil
    }

    @inline(__always) func follow<S: Sequence<UInt8>>(bytes: S, from index: Int) -> Int? {
        var i = index
        for b in bytes {
            guard let n = follow(b, i) else { return nil }
            i = n
        }
        return i
    }
}

/// The guide that follows the units in completion dawgs: two bytes per unit (first child label,
/// next sibling label), used to enumerate the keys below a node in order.
struct DawgGuide: @unchecked Sendable {
    // @unchecked: points into immutable memory kept alive by the owning dawg.
    let bytes: UnsafePointer<UInt8>
    let size: Int
    /// Bytes from one unit's guide entry to the next: 2 in the file, 8 when interleaved.
    let stride: Int

    init(file: MappedFile, at offset: Int, path: String) throws(MorphologyError) {
        guard offset + 4 <= file.count else { throw .corrupt(path, "no guide") }
        let n = Int(file.uint32(at: offset))
        guard offset + 4 + 2 * n <= file.count else { throw .corrupt(path, "truncated guide") }
        bytes = (file.base + offset + 4).assumingMemoryBound(to: UInt8.self)
        size = n
        stride = 2
    }

    init(interleaved: InterleavedDawg) {
        bytes = UnsafeRawPointer(interleaved.memory + 1).assumingMemoryBound(to: UInt8.self)
        size = interleaved.count
        stride = 8
    }

    @inline(__always) func child(_ i: Int) -> UInt8 { i < size ? bytes[i &* stride] : 0 }
    @inline(__always) func sibling(_ i: Int) -> UInt8 { i < size ? bytes[i &* stride &+ 1] : 0 }
}

/// Units and guide of a completion dawg merged into one array, unit i at 8·i and its guide
/// bytes right after it. Enumerating values reads a unit and its guide entry at every step; side
/// by side they share a cache line, which halves the cache misses of value lookups (the largest
/// cost of analysing a dictionary word). Built once at load, a few milliseconds.
final class InterleavedDawg: @unchecked Sendable {
    // @unchecked: written only in init, read-only afterwards; freed in deinit.
    let memory: UnsafeMutablePointer<UInt32>
    let count: Int

    init(units: DawgUnits, guide: DawgGuide) {
        count = units.size
        memory = .allocate(capacity: 2 * count)
        for i in 0..<count {
            memory[2 * i] = units.unit(i)
            memory[2 * i + 1] = UInt32(guide.child(i)) | UInt32(guide.sibling(i)) << 8
        }
    }

    deinit { memory.deallocate() }
}

/// Enumerates, in dawgdic order, the keys stored below a node, calling `body` with each key's
/// bytes (relative to the start node). Mirrors dawgdic's Completer. Keys below a value node are
/// short (a base64 record), so the key and the node stack live in a small stack buffer: no heap
/// allocation per lookup. Keys deeper than `maxDepth` (only in a damaged file) end the walk.
///
/// `stopDepth`: keys are all this long before a tail that carries no information (the "==\n"
/// that ends the base64 of a 4-byte record): the walk treats depth `stopDepth` as the end of a
/// key instead of descending through the tail, a third fewer steps per record.
@inline(__always)
func complete(units: DawgUnits, guide: DawgGuide, from start: Int, stopDepth: Int = Int.max,
              _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    let maxDepth = 64
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxDepth) { key in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: maxDepth + 1) { stack in
            var keyCount = 0
            var depth = 1
            stack[0] = start
            var lastIndex = 0  // root: nothing found yet

            @inline(__always) func push(_ label: UInt8, _ next: Int) -> Bool {
                guard keyCount < maxDepth else { return false }
                key[keyCount] = label
                keyCount += 1
                stack[depth] = next
                depth += 1
                return true
            }

            while depth > 0 {
                var index = stack[depth - 1]
                if lastIndex != 0 {
                    let childLabel = keyCount >= stopDepth ? 0 : guide.child(index)
                    if childLabel != 0 {
                        guard let next = units.follow(childLabel, index), push(childLabel, next) else { return }
                        index = next
                    } else {
                        while true {
                            let siblingLabel = guide.sibling(index)
                            if keyCount > 0 { keyCount -= 1 }
                            depth -= 1
                            guard depth > 0 else { return }
                            index = stack[depth - 1]
                            if siblingLabel != 0 {
                                guard let next = units.follow(siblingLabel, index), push(siblingLabel, next) else { return }
                                index = next
                                break
                            }
                        }
                    }
                }
                // Descend to the first key below `index`.
                while keyCount < stopDepth && !units.hasValue(index) {
                    let label = guide.child(index)
                    guard let next = units.follow(label, index), push(label, next) else { return }
                    index = next
                }
                lastIndex = index
                body(UnsafeBufferPointer(start: key.baseAddress, count: keyCount))
            }
        }
    }
}

/// Decodes standard base64 (ignoring a trailing newline and padding) into `out`.
@inline(__always)
func decodeBase64(_ s: UnsafeBufferPointer<UInt8>, into out: inout (UInt64, Int)) {
    var acc: UInt64 = 0
    var bits = 0
    var value: UInt64 = 0
    var n = 0
    for c in s {
        let v: UInt64
        switch c {
        case 65...90: v = UInt64(c - 65)
        case 97...122: v = UInt64(c - 97 + 26)
        case 48...57: v = UInt64(c - 48 + 52)
        case 43: v = 62
        case 47: v = 63
        default: continue
        }
        acc = (acc << 6) | v
        bits += 6
        if bits >= 8 {
            bits -= 8
            value = (value << 8) | ((acc >> UInt64(bits)) & 0xFF)
            n += 1
        }
    }
    out = (value, n)
}

/// A dawgdic "RecordDAWG": key, 0x01, base64 of a big-endian packed record. `words.dawg` stores
/// (paradigm id, form index) as `>HH`; prediction dawgs store (count, paradigm, index) as `>IHH`.
struct RecordDawg: Sendable {
    /// Keeps the memory `units` and `guide` point into alive.
    let owner: InterleavedDawg
    let units: DawgUnits
    let guide: DawgGuide
    /// Significant base64 characters of one record (6 for 4 bytes, 11 for 8 bytes).
    let recordChars: Int

    init(url: URL, recordBytes: Int) throws(MorphologyError) {
        recordChars = (recordBytes * 8 + 5) / 6
        let file = try MappedFile(url: url)
        let fileUnits = try DawgUnits(file: file, path: url.path)
        let fileGuide = try DawgGuide(file: file, at: fileUnits.end, path: url.path)
        try DawgCheck.validate(units: fileUnits, guide: fileGuide, fileSize: file.count, path: url.path)
        // The file must stay mapped until it is copied: DawgUnits do not retain it.
        let merged = withExtendedLifetime(file) { InterleavedDawg(units: fileUnits, guide: fileGuide) }
        owner = merged
        units = DawgUnits(interleaved: merged)
        guide = DawgGuide(interleaved: merged)
    }

    /// Calls `body` with every record (as a big-endian integer) stored under the node `index`
    /// (the node reached by the key, before the separator).
    @inline(__always)
    func records(at index: Int, _ body: (UInt64) -> Void) {
        guard let valueRoot = units.follow(1, index) else { return }
        complete(units: units, guide: guide, from: valueRoot, stopDepth: recordChars) { key in
            var r: (UInt64, Int) = (0, 0)
            decodeBase64(key, into: &r)
            body(r.0)
        }
    }
}

/// A dawgdic "IntDAWG": key → 31-bit integer stored in the leaf.
struct IntDawg: Sendable {
    /// Keeps the mapping `units` points into alive.
    let owner: MappedFile
    let units: DawgUnits

    init(url: URL) throws(MorphologyError) {
        let file = try MappedFile(url: url)
        owner = file
        units = try DawgUnits(file: file, path: url.path)
        try DawgCheck.validateSize(file: file, units: units, path: url.path)
    }
}
