@preconcurrency import CGraphviz
import Foundation

/// Reads DOT text into a cgraph graph whose memory comes from a private arena.
///
/// cgraph identifies a named object by the address of its interned name, and keeps subgraphs
/// (clusters) ordered by that identifier; layouts such as fdp then place clusters in that
/// order. With malloc the addresses depend on everything the process did before, so the same
/// DOT could be laid out differently from run to run. In a fresh arena each allocation lands
/// after the previous one, so the order is the order of the text and the output is repeatable.
enum DeterministicRead {
    /// A bump allocator over one large reserved mapping; pages are zero-filled by the kernel,
    /// as cgraph expects of its allocator, and only touched pages take memory.
    struct Arena {
        var base: UnsafeMutableRawPointer
        var used: Int
        var capacity: Int
    }

    static let reservation = 1 << 34  // 16 GiB of address space, reserved, not committed

    static let open: @convention(c) (UnsafeMutablePointer<Agdisc_t>?) -> UnsafeMutableRawPointer? = { _ in
        let p = mmap(nil, reservation, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let p, p != MAP_FAILED else { return nil }
        let arena = UnsafeMutablePointer<Arena>.allocate(capacity: 1)
        arena.initialize(to: Arena(base: p, used: 0, capacity: reservation))
        return UnsafeMutableRawPointer(arena)
    }

    static let alloc: @convention(c) (UnsafeMutableRawPointer?, Int) -> UnsafeMutableRawPointer? = { state, size in
        guard let arena = state?.assumingMemoryBound(to: Arena.self) else { return nil }
        let rounded = (max(size, 1) + 15) & ~15
        guard arena.pointee.used + rounded <= arena.pointee.capacity else { return nil }
        let p = arena.pointee.base + arena.pointee.used
        arena.pointee.used += rounded
        return p
    }

    static let resize: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, Int, Int) -> UnsafeMutableRawPointer? = {
        state, old, oldSize, size in
        if let old, size <= oldSize { return old }
        guard let fresh = alloc(state, size) else { return nil }
        if let old, oldSize > 0 { fresh.copyMemory(from: old, byteCount: oldSize) }
        return fresh
    }

    static let free: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Void = { _, _ in }

    static let close: @convention(c) (UnsafeMutableRawPointer?) -> Void = { state in
        guard let arena = state?.assumingMemoryBound(to: Arena.self) else { return }
        munmap(arena.pointee.base, arena.pointee.capacity)
        arena.deinitialize(count: 1)
        arena.deallocate()
    }

    /// The text being read: cgraph pulls it through `afread` in chunks.
    struct Source {
        var bytes: UnsafePointer<CChar>
        var count: Int
        var offset: Int
    }

    static let read: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<CChar>?, Int32) -> Int32 = { chan, buffer, size in
        guard let source = chan?.assumingMemoryBound(to: Source.self), let buffer, size > 0 else { return 0 }
        let n = min(Int(size), source.pointee.count - source.pointee.offset)
        guard n > 0 else { return 0 }
        buffer.update(from: source.pointee.bytes + source.pointee.offset, count: n)
        source.pointee.offset += n
        return Int32(n)
    }

    static let putstr: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = { _, _ in 0 }
    static let flush: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { _ in 0 }

    nonisolated(unsafe) static let memDisc: UnsafeMutablePointer<Agmemdisc_t> = {
        let p = UnsafeMutablePointer<Agmemdisc_t>.allocate(capacity: 1)
        p.initialize(to: Agmemdisc_t(open: open, alloc: alloc, resize: resize, free: free, close: close))
        return p
    }()

    nonisolated(unsafe) static let ioDisc: UnsafeMutablePointer<Agiodisc_t> = {
        let p = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        p.initialize(to: Agiodisc_t(afread: read, putstr: putstr, flush: flush))
        return p
    }()

    nonisolated(unsafe) static let disc: UnsafeMutablePointer<Agdisc_t> = {
        let p = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        p.initialize(to: Agdisc_t(mem: memDisc, id: &AgIdDisc, io: ioDisc))
        return p
    }()

    /// Parses `dot`; nil when cgraph reports a syntax error. Call with Graphviz's lock held.
    static func graph(from dot: String) -> UnsafeMutablePointer<Agraph_t>? {
        dot.withCString { text in
            var source = Source(bytes: text, count: strlen(text), offset: 0)
            return withUnsafeMutablePointer(to: &source) { agread(UnsafeMutableRawPointer($0), disc) }
        }
    }
}
