import Documents
import Foundation
import Testing
import Extraction
import KnowledgeGraph

/// The property of every span, on byte-level mutants: read as a file is read (`--lenient`, so
/// that bad bytes become U+FFFD instead of refusing the file), extracted, and every mention and
/// evidence `text` is the exact slice of the decoded text at its offsets.
@Suite struct MutatedInputOffsetTests {
    /// A report written for this test: a title line, twin towns, a visit, an agreement, a forum.
    static let report = """
        ОТЧЁТ АДМИНИСТРАЦИИ ГОРОДА КОСТРОМЫ ЗА 2015 ГОД
        Кострома и Зуль (Германия) остаются городами-побратимами с 1978 года.
        В мае 2015 года делегация Костромы во главе с мэром посетила город Ювяскюля, Финляндия.
        Администрация Костромы подписала соглашение о сотрудничестве с городом Шарлотт (США).
        На Международном форуме городов-побратимов в Ярославле выступили представители Зуля.
        Делегация города Лахти приняла участие в фестивале «Золотое кольцо» в Костроме.
        """

    static let breaks: [[UInt8]] = ["\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\n"].map { Array($0.utf8) }

    /// Each line break of `bytes` replaced by a random kind of break.
    static func swappingLineBreaks(_ bytes: [UInt8], _ rng: inout LineEndingOffsetTests.SplitMix) -> [UInt8] {
        bytes.flatMap { $0 == 0x0A ? breaks.randomElement(using: &rng)! : [$0] }
    }

    /// A few bytes inserted at random places: not NUL or the C0 controls the decoder refuses as
    /// binary, but lone continuation bytes, truncated sequences, 0xFF, NEL, U+FEFF, look-alikes.
    static func insertingBytes(_ bytes: [UInt8], _ rng: inout LineEndingOffsetTests.SplitMix) -> [UInt8] {
        var out = bytes
        let pieces: [[UInt8]] = [[0x80], [0xBF], [0xC3], [0xE2, 0x80], [0xFF], [0xFE], [0xF0, 0x9F, 0x98],
                                 [0xC2, 0x85], [0xEF, 0xBB, 0xBF], [0xCC, 0x81], [0x09], [0x2E], [0x20, 0x20],
                                 // Latin letters that look Cyrillic, which recognition reads as Cyrillic
                                 [0x50], [0x43], [0x6F], [0x4D]]
        for _ in 0..<Int.random(in: 1...10, using: &rng) {
            out.insert(contentsOf: pieces.randomElement(using: &rng)!, at: Int.random(in: 0...out.count, using: &rng))
        }
        return out
    }

    /// The bytes cut at a random place (often inside a character), from the start or the end,
    /// or with a random range taken out.
    static func cutting(_ bytes: [UInt8], _ rng: inout LineEndingOffsetTests.SplitMix) -> [UInt8] {
        let at = Int.random(in: bytes.count / 3...bytes.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return Array(bytes[..<at])
        case 1: return Array(bytes[(bytes.count - at)...])
        default:
            let start = Int.random(in: 0..<bytes.count, using: &rng)
            let end = min(bytes.count, start + Int.random(in: 1...120, using: &rng))
            return Array(bytes[..<start] + bytes[end...])
        }
    }

    static func mutant(seed: UInt64) -> [UInt8] {
        var rng = LineEndingOffsetTests.SplitMix(state: seed)
        var bytes = Array(report.utf8)
        let mutations = [swappingLineBreaks, insertingBytes, cutting]
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            bytes = mutations.randomElement(using: &rng)!(bytes, &rng)
        }
        return bytes
    }

    @Test func everySpanOfEveryMutantIsItsSlice() throws {
        let extractor = try #require(sharedExtractor)
        var spans = 0
        for seed in 1...40 as ClosedRange<UInt64> {
            let bytes = Self.mutant(seed: seed)
            let read = try DocumentReader.read(Data(bytes), path: "mutant-\(seed).txt", lenient: true)
            let graph = extractor.extract(text: read.text, documentID: "mutant-\(seed)", path: "mutant-\(seed).txt", sha256: "").graph
            let all = graph.nodes.flatMap(\.mentions) + graph.edges.flatMap(\.evidence)
            spans += all.count
            if !all.isEmpty { LineEndingOffsetTests.expectSpansAreSlices(graph, of: read.text, "seed \(seed)") }
        }
        // the property is only worth something if the mutants still have facts
        #expect(spans > 200, "only \(spans) spans in 40 mutants")
    }

    @Test func theMutantsAreWhatTheyClaim() {
        var rng = LineEndingOffsetTests.SplitMix(state: 7)
        let swapped = Self.swappingLineBreaks(Array("a\nb\nc".utf8), &rng)
        #expect(String(decoding: swapped, as: UTF8.self).unicodeScalars.filter { $0.properties.isAlphabetic } == ["a", "b", "c"])
        let inserted = Self.insertingBytes(Array("abc".utf8), &rng)
        #expect(inserted.count > 3)
        let cut = Self.cutting(Array("abcdefghij".utf8), &rng)
        #expect(cut.count < 10)
        #expect(Self.mutant(seed: 3) == Self.mutant(seed: 3))
        #expect(Self.mutant(seed: 3) != Self.mutant(seed: 4))
    }
}
