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
        let emit = { (word: String) in
            count += 1
            if let normalizer {
                out.append("{\"phrase\": ")
                out.appendJSONString(word)
                out.append(", \"nominative\": ")
                out.appendJSONString(normalizer.nominative(word))
                out.append("}\n")
                out.flushIfLarge()
                return
            }
            var parses = all || lexeme || inflect != nil ? analyzer.parse(word) : analyzer.best(word).map { [$0] } ?? []
            if let inflect, let best = parses.first {
                let grammemes = Set(inflect.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) })
                parses = analyzer.inflect(best, to: grammemes).map { [$0] } ?? []
            }
            if lexeme, let best = parses.first { parses = analyzer.lexeme(best) }
            for p in parses.prefix(all || lexeme ? parses.count : 1) {
                out.append("{\"word\": ")
                out.appendJSONString(p.word)
                out.append(", \"normal_form\": ")
                out.appendJSONString(p.normalForm)
                out.append(", \"tag\": ")
                out.appendJSONString(p.tag.description)
                out.append(", \"score\": ")
                out.append(p.score.description)
                out.append("}\n")
            }
            out.flushIfLarge()
        }
        if words.isEmpty {
            forEachStdinLine { line in
                if !line.isEmpty { emit(line) }
            }
        } else {
            for w in words { emit(w) }
        }
        out.flush()
        if stats {
            func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
            let parse = seconds(clock.now - parseStart)
            printError(String(format: "dictionary loaded in %.1f ms; %d words in %.3f s (%.0f words/s)",
                              seconds(loadTime) * 1000, count, parse, parse > 0 ? Double(count) / parse : 0))
        }
    }
}

/// Buffered stdout writer: one write per 64 KB rather than one per line.
struct OutputBuffer {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 17) }

    mutating func append(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func appendJSONString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Most strings need no escaping: copy them in one go.
        if !utf8.contains(where: { $0 < 0x20 || $0 == 34 || $0 == 92 }) {
            bytes.append(contentsOf: utf8)
            return
        }
        for b in utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
    }

    mutating func flushIfLarge() { if bytes.count >= 1 << 16 { flush() } }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = write(1, base + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        bytes.removeAll(keepingCapacity: true)
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
        var start = 0
        for i in 0..<n where buffer[i] == 0x0A {
            if pending.isEmpty {
                var end = i
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                body(String(decoding: buffer[start..<end], as: UTF8.self))
            } else {
                pending.append(contentsOf: buffer[start..<i])
                if pending.last == 0x0D { pending.removeLast() }
                body(String(decoding: pending, as: UTF8.self))
                pending.removeAll(keepingCapacity: true)
            }
            start = i + 1
        }
        pending.append(contentsOf: buffer[start..<n])
    }
    if !pending.isEmpty {
        if pending.last == 0x0D { pending.removeLast() }
        body(String(decoding: pending, as: UTF8.self))
    }
}
