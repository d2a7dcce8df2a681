import Foundation

/// Reading one long array of a graph JSON on several threads.
///
/// A JSON element's end is known only by reading it, so the text cannot simply be cut in parts.
/// But in pretty-printed JSON (which TwinGraph writes) the elements of an array are separated by
/// a comma, the same run of whitespace with a line break as before the first element, and the
/// element's first byte, and a line break cannot occur inside a JSON string. So each helper
/// thread guesses an element start at its share of the text (the first such separator after it)
/// and reads elements from there until it meets the next guess or the array's end. The guesses
/// are then checked in order: the main thread's reading must arrive exactly at the first guess,
/// the first helper's at the second, and so on. A guess that is not met (minified JSON, a
/// separator inside a nested array, a helper that failed) costs only the helper's work: the
/// reading goes on from there one element at a time, as `optionalArray` would. Reading an
/// element depends on nothing but the bytes from where it starts, so a checked guess gives
/// the elements the plain reading gives.
extension GraphJSONReader {
    /// Below this many bytes of text after the array's start, one thread reads it.
    static let parallelReadMinimumBytes = 1 << 22

    /// `optionalArray(element)`, read on up to `threads` threads when at least `minimumBytes` of
    /// text follow the array's start.
    mutating func optionalArray<T: Sendable>(threads: Int, minimumBytes: Int = parallelReadMinimumBytes,
                                             _ element: @escaping @Sendable (inout GraphJSONReader) throws(Failure) -> T) throws(Failure) -> [T]? {
        let open = i
        if try null() { return nil }
        guard bytes[i] == UInt8(ascii: "[") else { return try optionalArray(element) }
        var probe = self
        probe.i = i + 1
        probe.skipSpace()
        let first = probe.i
        guard threads > 1, first < bytes.count, bytes[first] != UInt8(ascii: "]"),
              bytes.count - first >= minimumBytes,
              bytes[(i + 1)..<first].contains(0x0A) else {
            i = open
            return try optionalArray(element)
        }
        let separator = [UInt8(ascii: ",")] + Array(bytes[(i + 1)..<first]) + [bytes[first]]
        var guesses: [Int] = []
        for part in 1..<threads {
            let from = first + (bytes.count - first) * part / threads
            guard let g = elementStart(after: max(from, guesses.last ?? first), separator: separator) else { break }
            if g > (guesses.last ?? first) { guesses.append(g) }
        }
        guard !guesses.isEmpty else { i = open; return try optionalArray(element) }

        // The helpers read from their guesses while this thread reads from the first element.
        let helpers = SpeculativeReads<T>(count: guesses.count)
        let group = DispatchGroup()
        let shared = UncheckedReader(reader: self)
        for (n, start) in guesses.enumerated() {
            let stop = n + 1 < guesses.count ? guesses[n + 1] : nil
            DispatchQueue.global().async(group: group) {
                var r = shared.reader
                r.i = start
                helpers.set(n, r.readElements(stoppingAt: stop, element))
            }
        }
        i = first
        var out: [T] = []
        var outcome = readElements(stoppingAt: guesses[0], element)
        group.wait()
        // Stitch: each part must end exactly where the next began.
        var next = 0
        while true {
            switch outcome {
            case .arrived(let elements):
                out += elements
                i = guesses[next]
                outcome = helpers.get(next) ?? .missed([], at: guesses[next])
                next += 1
            case .ended(let elements, let after):
                out += elements
                i = after
                return out
            case .missed(let elements, let at):
                // This part did not arrive where the next began: read on from where it got.
                out += elements
                i = at
                return try readRest(into: out, element)
            }
        }
    }

    /// What a part's reading came to.
    enum PartOutcome<T: Sendable>: Sendable {
        /// It read elements up to the next part's guess, exactly.
        case arrived([T])
        /// It read the array to its end; `after` is just past the `]`.
        case ended([T], after: Int)
        /// It failed or went past the next guess; `at` is the start of the element it was on.
        case missed([T], at: Int)
    }

    /// Reads elements from `i` (an element's start) until the one at `stop`, or the array's end.
    mutating func readElements<T>(stoppingAt stop: Int?, _ element: (inout GraphJSONReader) throws(Failure) -> T) -> PartOutcome<T> {
        var elements: [T] = []
        while true {
            let start = i
            do throws(Failure) {
                elements.append(try element(&self))
            } catch {
                return .missed(elements, at: start)
            }
            skipSpace()
            guard i < bytes.count else { return .missed(elements, at: start) }
            if bytes[i] == UInt8(ascii: "]") { return .ended(elements, after: i + 1) }
            guard bytes[i] == UInt8(ascii: ",") else { return .missed(elements, at: start) }
            i += 1
            skipSpace()
            if let stop {
                if i == stop { return .arrived(elements) }
                if i > stop { return .missed(elements, at: i) }
            }
        }
    }

    /// The plain reading of the rest of an array, from an element's start, after `out`.
    private mutating func readRest<T>(into out: [T], _ element: (inout GraphJSONReader) throws(Failure) -> T) throws(Failure) -> [T] {
        var out = out
        while true {
            out.append(try element(&self))
            skipSpace()
            guard i < bytes.count else { throw .syntax }
            if bytes[i] == UInt8(ascii: ",") { i += 1; skipSpace(); continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return out }
            throw .syntax
        }
    }

    /// The position of the element after the first `separator` at or after `from`.
    private func elementStart(after from: Int, separator: [UInt8]) -> Int? {
        var k = from
        let last = bytes.count - separator.count
        while k <= last {
            if bytes[k] == separator[0], bytes[k..<(k + separator.count)].elementsEqual(separator) {
                return k + separator.count - 1
            }
            k += 1
        }
        return nil
    }
}

/// The helpers' outcomes, each set once from its own thread.
private final class SpeculativeReads<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [GraphJSONReader.PartOutcome<T>?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ n: Int, _ outcome: GraphJSONReader.PartOutcome<T>) {
        lock.lock(); outcomes[n] = outcome; lock.unlock()
    }

    func get(_ n: Int) -> GraphJSONReader.PartOutcome<T>? {
        lock.lock(); defer { lock.unlock() }
        return outcomes[n]
    }
}

/// A reader handed to helper threads: they only read its bytes, which outlive them (the caller
/// waits for every helper).
private struct UncheckedReader: @unchecked Sendable {
    let reader: GraphJSONReader
}
