import Foundation
import Testing
@testable import Documents
import RussianText

/// Encodes text in an 8-bit code page by inverting the decoder's own table (the tests need bytes
/// in windows-1251 and KOI8-R and Foundation on Linux may not write them).
private func encode(_ text: String, _ table: [UInt32]) -> Data {
    var inverse: [UInt32: UInt8] = [:]
    for (i, v) in table.enumerated() { inverse[v] = UInt8(0x80 + i) }
    return Data(text.unicodeScalars.map { s in s.value < 0x80 ? UInt8(s.value) : inverse[s.value] ?? 0x3F })
}

private func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> Data {
    var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
    for u in text.utf16 {
        let hi = UInt8(u >> 8), lo = UInt8(u & 0xFF)
        bytes += bigEndian ? [hi, lo] : [lo, hi]
    }
    return Data(bytes)
}

/// A real paragraph of the corpus (Omsk 2019), long enough for detection.
private let paragraph = """
    В 2019 году исполнилось 10 лет с момента установления побратимских связей между городом Омском \
    и городом Кайфыном. Этому важному событию был посвящен ряд совместных мероприятий.
    """

@Suite struct InputDecodingTests {
    @Test func utf8WithoutAndWithBOM() throws {
        let plain = try DocumentDecoder.decode(Data(paragraph.utf8), fileName: "a.txt")
        #expect(plain.text == paragraph)
        #expect(plain.encoding == .utf8)
        #expect(plain.warnings.isEmpty)
        let withBOM = try DocumentDecoder.decode(Data([0xEF, 0xBB, 0xBF] + Array(paragraph.utf8)), fileName: "b.txt")
        #expect(withBOM.text == paragraph, "the BOM is dropped so offsets start at the first letter")
        #expect(withBOM.encoding == .utf8)
    }

    @Test func utf16ByBOMAndByHeuristic() throws {
        for bigEndian in [false, true] {
            for bom in [true, false] {
                let d = try DocumentDecoder.decode(utf16(paragraph, bigEndian: bigEndian, bom: bom), fileName: "u.txt")
                #expect(d.text == paragraph, "bigEndian \(bigEndian), bom \(bom)")
                #expect(d.encoding == .utf16)
            }
        }
    }

    @Test func windows1251AndKOI8RAreDetected() throws {
        let cp = try DocumentDecoder.decode(encode(paragraph, CodePages.windows1251), fileName: "cp.txt")
        #expect(cp.encoding == .cp1251)
        #expect(cp.text == paragraph)
        #expect(cp.warnings.isEmpty)
        let koi = try DocumentDecoder.decode(encode(paragraph, CodePages.koi8r), fileName: "koi.txt")
        #expect(koi.encoding == .koi8r)
        #expect(koi.text == paragraph)
    }

    @Test func detectionOnEveryCorpusFileInBothCodePages() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/corpus").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }
        #expect(files.count >= 5)
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            let original = DocumentDecoder.droppingByteOrderMark(text)
            for (table, encoding) in [(CodePages.windows1251, TextEncoding.cp1251), (CodePages.koi8r, .koi8r)] {
                // Characters outside the code page ("™") become "?" in encode(); compare encodings only.
                let d = try DocumentDecoder.decode(encode(original, table), fileName: f)
                #expect(d.encoding == encoding, "\(f) in \(encoding)")
                #expect(d.text.unicodeScalars.count == original.unicodeScalars.count)
            }
        }
    }

    @Test func shortEightBitTextIsAGuessWithAWarning() throws {
        let d = try DocumentDecoder.decode(encode("Омск", CodePages.windows1251), fileName: "short.txt")
        #expect(d.text == "Омск")
        #expect(d.warnings.contains { $0.contains("short.txt") && $0.contains("--encoding") })
    }

    @Test func forcedEncodingIsApplied() throws {
        let bytes = encode(paragraph, CodePages.koi8r)
        let d = try DocumentDecoder.decode(bytes, fileName: "f.txt", forced: .koi8r)
        #expect(d.text == paragraph)
        let wrong = try DocumentDecoder.decode(bytes, fileName: "f.txt", forced: .cp1251)
        #expect(wrong.encoding == .cp1251)
        #expect(wrong.text != paragraph, "forcing is obeyed even when it is wrong")
    }

    @Test func forcedUTF8OnWindows1251NamesFileOffsetAndRemedy() {
        let bytes = encode("Omsk: " + paragraph, CodePages.windows1251)
        #expect(throws: DecodingError.invalid(fileName: "report.txt", encoding: .utf8, offset: 6, line: 1, suggestion: .cp1251)) {
            try DocumentDecoder.decode(bytes, fileName: "report.txt", forced: .utf8)
        }
        let message = DecodingError.invalid(fileName: "report.txt", encoding: .utf8, offset: 6, line: 1, suggestion: .cp1251).description
        #expect(message.contains("report.txt"))
        #expect(message.contains("byte offset 6, line 1"))
        #expect(message.contains("looks like windows-1251, pass --encoding cp1251"))
    }

    @Test func binaryInputIsRejectedWithTheOffsetOfTheNUL() {
        var bytes = Array("Отчёт".utf8)
        bytes += [0x00, 0x01, 0x02]
        #expect(throws: DecodingError.binary(fileName: "x.doc", offset: 10)) {
            try DocumentDecoder.decode(Data(bytes), fileName: "x.doc")
        }
        #expect(DecodingError.binary(fileName: "x.doc", offset: 10).description.contains("x.doc"))
    }

    @Test func undecodableBytesAreATypedError() {
        let bytes: [UInt8] = Array("abc ".utf8) + Array(0x80...0x9F)
        #expect(throws: DecodingError.undetectable(fileName: "y.txt", offset: 4, line: 1)) {
            try DocumentDecoder.decode(Data(bytes), fileName: "y.txt")
        }
        // A UTF-16 file cut in the middle of a code unit.
        var odd = [UInt8](utf16(paragraph, bigEndian: false, bom: true))
        odd.append(0x41)
        #expect(throws: DecodingError.self) {
            try DocumentDecoder.decode(Data(odd), fileName: "z.txt")
        }
    }

    @Test func emptyFileIsAWarningNotAnError() throws {
        let d = try DocumentDecoder.decode(Data(), fileName: "empty.txt")
        #expect(d.text.isEmpty)
        #expect(d.warnings == ["empty.txt is empty"])
        let blank = try DocumentDecoder.decode(Data(" \n\n".utf8), fileName: "blank.txt")
        #expect(blank.warnings.count == 1)
    }

    @Test func lineBreaksAreKeptAndEveryKindEndsALine() throws {
        let raw = "ОМСК\r\n\r\nПервая строка.\rВторая\u{0C}Третья\u{0B}Четвёртая\u{85}Пятая\u{2028}Шестая\n"
        let d = try DocumentDecoder.decode(Data(raw.utf8), fileName: "crlf.txt")
        #expect(d.text == raw)
        let sentences = SentenceSplitter.sentences(d.text)
        let scalars = Array(d.text.unicodeScalars)
        #expect(sentences.map(\.text) == ["ОМСК", "Первая строка.", "Вторая", "Третья", "Четвёртая", "Пятая", "Шестая"])
        for s in sentences {
            #expect(String(String.UnicodeScalarView(scalars[s.start..<s.end])) == s.text)
        }
        let bom = try DocumentDecoder.decode(Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb".utf8)), fileName: "bom.txt")
        #expect(bom.text == "a\r\nb")
    }

    @Test func crlfIsOneLineBreakNotAParagraph() {
        // two lines that continue one sentence stay one sentence with CRLF as with LF
        let lf = "Делегация посетила\nгород Омск.", crlf = "Делегация посетила\r\nгород Омск."
        #expect(SentenceSplitter.sentences(lf).count == 1)
        #expect(SentenceSplitter.sentences(crlf).count == 1)
        for text in ["Первый абзац\n\nвторой абзац", "Итоги\n1) визит\n2) форум", "ОМСК\n\nОтчёт о работе\nза 2019 год"] {
            let withCRLF = text.replacingOccurrences(of: "\n", with: "\r\n")
            #expect(SentenceSplitter.sentences(withCRLF).count == SentenceSplitter.sentences(text).count, "\(text)")
        }
    }

    @Test func hardWrappedCRLFTextIsUnwrappedAndKeepsItsParagraphBreaks() {
        let words = (1...120).map { "слово\($0)" }
        var lines: [String] = [], line = ""
        for w in words {
            if line.count + 1 + w.count > 40 { lines.append(line); line = w } else { line += line.isEmpty ? w : " " + w }
        }
        lines.append(line)
        let text = lines.joined(separator: "\r\n") + "\r\n\r\nКонец."
        let unwrapped = HardWrap.unwrap(text)
        #expect(unwrapped == words.joined(separator: " ") + "\r\n\r\nКонец.")
    }
}
