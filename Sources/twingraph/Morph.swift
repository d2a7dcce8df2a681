import ArgumentParser
import Foundation
import Morphology
import RussianText
#if canImport(Glibc)
import Glibc
#endif

/// `twingraph morph`: morphological analysis of words, one JSON object a line.
struct Morph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "morph",
        abstract: "Analyse Russian words with the OpenCorpora dictionary (as pymorphy3 does).",
        discussion: """
        Prints one JSON object a line, {"word", "normal_form", "tag", "score"}, for the best parse \
        of each word (every parse with --all). Words come from the arguments, or from stdin one \
        per line when there are none. With --nominative each argument or line is a phrase, and \
        the output is {"phrase", "nominative"}.
        """
    )

    @Flag(name: .long, help: "Print every parse, not only the best.")
    var all = false

    @Flag(name: .long, help: "Print the lexeme (every form) of the best parse instead.")
    var lexeme = false

    @Option(name: .long, help: "Inflect the best parse to these comma-separated grammemes (e.g. nomn,sing) and print that form.")
    var inflect: String?

    @Flag(name: .long, help: "Put each phrase into the nominative (\"Омского государственного университета\" → \"Омский государственный университет\").")
    var nominative = false

    @Flag(name: .long, help: "Print the dictionary load time and the words per second to stderr.")
    var stats = false

    @Option(name: .customLong("dict"), help: "Dictionary folder (default: $TWINGRAPH_DICT or ~/.local/share/twingraph/pymorphy3-dicts-ru).")
    var dictionary: String?

    @Argument(help: "Words to analyse (default: read stdin, one word a line).")
    var words: [String] = []

    func run() throws {
        let analyzer: MorphAnalyzer
        let clock = ContinuousClock()
        let loadStart = clock.now
        do {
            analyzer = try MorphAnalyzer(dictionaryDirectory: MorphAnalyzer.locateDictionary(dictionary))
        } catch {
            throw CLIFailure(message: error.description)
        }
        let loadTime = clock.now - loadStart
        let parseStart = clock.now
        var count = 0
        // The process ends right after this command: skip tearing down megabytes of tables.
        _ = Unmanaged.passRetained(analyzer)
        var out = OutputBuffer()
        // Read the options once: ArgumentParser's property wrappers are slow to read per word.
        let all = self.all, lexeme = self.lexeme, inflect = self.inflect
        let normalizer = nominative ? PhraseNormalizer(analyzer: analyzer) : nil
        // A nested function rather than a closure value: a closure stored in a constant counts as
        // escaping, so `count` and `out` would be boxed and every access checked at run time.
        func emit(_ word: String) {
            count += 1
            if let normalizer {
                out.append("{\"phrase\": ")
                out.appendJSONString(word)
                out.append(", \"nominative\": ")
                out.appendJSONString(normalizer.nominative(word))
                out.append("}\n")
                return
            }
            if !all && !lexeme && inflect == nil {
                // The common case: the best parse only, no array of parses to build.
                if let p = analyzer.best(word) { out.appendParse(p) }
                return
            }
            var parses = analyzer.parse(word)
            if let inflect, let best = parses.first {
                let grammemes = Set(inflect.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) })
                parses = analyzer.inflect(best, to: grammemes).map { [$0] } ?? []
            }
            if lexeme, let best = parses.first { parses = analyzer.lexeme(best) }
            for p in parses.prefix(all || lexeme ? parses.count : 1) { out.appendParse(p) }
        }
        if words.isEmpty {
            forEachStdinLine { line in
                if !line.isEmpty { emit(line) }
            }
        } else {
            for w in words { emit(w) }
        }
        out.close()
        if let code = out.writeError { throw Output.failure(code, writing: "standard output") }
        if stats {
            func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
            let parse = seconds(clock.now - parseStart)
            printError(String(format: "dictionary loaded in %.1f ms; %d words in %.3f s (%.0f words/s)",
                              seconds(loadTime) * 1000, count, parse, parse > 0 ? Double(count) / parse : 0))
        }
    }
}

/// Buffered stdout writer: one write per 64 KB rather than one per line. The bytes go into a
/// fixed buffer with plain copies (no array growth or uniqueness checks per append); `close()`
/// writes what is left and frees it.
struct OutputBuffer {
    private static let capacity = 1 << 16
    private let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: OutputBuffer.capacity)
    private var count = 0

    mutating func append(_ s: StaticString) {
        append(bytes: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// (Not `append(_:)`: string literals would pick a String overload over the StaticString one.)
    mutating func append(string s: String) {
        var s = s
        s.withUTF8 { append(bytes: $0) }
    }

    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > Self.capacity {
            flush()
            if bytes.count > Self.capacity { writeAll(UnsafeRawBufferPointer(bytes)); return }
        }
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    @inline(__always) private mutating func append(byte: UInt8) {
        if count == Self.capacity { flush() }
        storage[count] = byte
        count += 1
    }

    /// One parse as a JSON line, `{"word", "normal_form", "tag", "score"}`.
    mutating func appendParse(_ p: Parse) {
        append("{\"word\": ")
        appendJSONString(p.word)
        append(", \"normal_form\": ")
        appendJSONString(p.normalForm)
        append(", \"tag\": ")
        appendJSONString(p.tag.description)
        append(", \"score\": ")
        appendScore(p.score)
        append("}\n")
    }

    /// `score.description`, without making a string in the common case: a dictionary score is
    /// a count in millionths (P(t|w) is stored that way), whose shortest round-trip text is
    /// "0." and its six digits less trailing zeros. (Checked against `description` for every
    /// n/1e6 from 0.0001 to 1.) Anything else takes `description`.
    mutating func appendScore(_ score: Double) {
        if score >= 0.0001, score <= 1 {
            let n = Int((score * 1_000_000).rounded())
            if Double(n) / 1_000_000 == score {
                if n == 1_000_000 { append("1.0"); return }
                var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
                withUnsafeMutableBytes(of: &digits) { d in
                    var v = n
                    for k in stride(from: 5, through: 0, by: -1) {
                        d[k] = UInt8(truncatingIfNeeded: 48 + v % 10)
                        v /= 10
                    }
                    var end = 6
                    while end > 1 && d[end - 1] == 48 { end -= 1 }
                    append(byte: 48)
                    append(byte: 46)
                    for k in 0..<end { append(byte: d[k]) }
                }
                return
            }
        }
        append(string: score.description)
    }

    mutating func appendJSONString(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            append(byte: UInt8(ascii: "\""))
            if Self.needsEscaping(utf8) { appendEscaped(utf8) } else { append(bytes: utf8) }
            append(byte: UInt8(ascii: "\""))
        }
    }

    /// Whether `utf8` has a control character, a quote or a backslash. Tests eight bytes at a
    /// time with the classic bit tricks (`(x - 0x01…) & ~x & 0x80…` is non-zero exactly when
    /// some byte of x is zero; with 0x20 in place of 0x01, when some byte is below 0x20).
    private static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        var i = 0
        while i + 8 <= utf8.count {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if (x &- ones &* 0x20) & ~x & highs != 0 || hasZeroByte(x ^ (ones &* 0x22)) || hasZeroByte(x ^ (ones &* 0x5C)) {
                return true
            }
            i += 8
        }
        while i < utf8.count {
            let b = utf8[i]
            if b < 0x20 || b == 34 || b == 92 { return true }
            i += 1
        }
        return false
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        let hex = Array("0123456789abcdef".utf8)
        for b in utf8 {
            switch b {
            case UInt8(ascii: "\""): append(byte: 92); append(byte: 34)
            case UInt8(ascii: "\\"): append(byte: 92); append(byte: 92)
            case 0x0A: append(byte: 92); append(byte: UInt8(ascii: "n"))
            case 0x0D: append(byte: 92); append(byte: UInt8(ascii: "r"))
            case 0x09: append(byte: 92); append(byte: UInt8(ascii: "t"))
            case 0..<0x20:
                for c in [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]] { append(byte: c) }
            default: append(byte: b)
            }
        }
    }

    mutating func flush() {
        writeAll(UnsafeRawBufferPointer(start: storage, count: count))
        count = 0
    }

    /// Writes what is left and frees the buffer; the value must not be used afterwards.
    mutating func close() {
        flush()
        storage.deallocate()
    }

    /// The error of the first write that failed; nothing is written after it.
    private(set) var writeError: Int32?

    private mutating func writeAll(_ raw: UnsafeRawBufferPointer) {
        guard writeError == nil else { return }
        writeError = Output.writeAll(1, raw)
    }
}

/// Calls `body` with each line of stdin (without the line break, "\r" stripped), reading in
/// large chunks so a million words cost a few hundred system calls.
func forEachStdinLine(_ body: (String) -> Void) {
    var pending: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        buffer.withUnsafeBufferPointer { chunk in
            var start = 0
            for i in 0..<n where chunk[i] == 0x0A {
                if pending.isEmpty {
                    var end = i
                    if end > start && chunk[end - 1] == 0x0D { end -= 1 }
                    body(utf8String(UnsafeBufferPointer(rebasing: chunk[start..<end])))
                } else {
                    pending.append(contentsOf: chunk[start..<i])
                    if pending.last == 0x0D { pending.removeLast() }
                    body(pending.withUnsafeBufferPointer(utf8String))
                    pending.removeAll(keepingCapacity: true)
                }
                start = i + 1
            }
            pending.append(contentsOf: chunk[start..<n])
        }
    }
    if !pending.isEmpty {
        if pending.last == 0x0D { pending.removeLast() }
        body(pending.withUnsafeBufferPointer(utf8String))
    }
}

/// A string from UTF-8 bytes, invalid sequences repaired (as `String(decoding:as:)` does). The
/// generic `String(decoding:as:)` tests its argument with a dynamic cast on every call, a
/// measurable cost once per input word; this initializer copies the bytes straight in.
private func utf8String(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { out in
        _ = out.initialize(from: bytes)
        return bytes.count
    }
}
