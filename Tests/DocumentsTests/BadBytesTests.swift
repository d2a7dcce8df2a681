import Foundation
import Testing
@testable import Documents

/// UTF-8 with a few bad bytes is UTF-8, damaged: the error names the byte and line where it
/// broke, `lenient` reads on with U+FFFD, and no code page is ever guessed for it.
@Suite struct BadBytesTests {
    static let report = "ОМСК\nОтчёт о международной деятельности за 2019 год.\n"
        + "В 2019 году делегация города посетила Кайфын, город-побратим Омска.\n"
        + "Подписано соглашение о сотрудничестве в сфере образования и культуры.\n"

    /// `report`'s bytes with `bad` inserted after the first `after` bytes of line `line` (1-based).
    static func damaged(_ bad: [UInt8], line: Int, after: Int) -> (bytes: [UInt8], offset: Int) {
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        var out: [UInt8] = []
        var offset = 0
        for (k, l) in lines.enumerated() {
            if k > 0 { out.append(0x0A) }
            if k == line - 1 {
                // after whole characters only: the report's bytes stay well-formed
                var cut = after
                while cut < l.count && l[cut] & 0xC0 == 0x80 { cut += 1 }
                out += l[..<cut]
                offset = out.count
                out += bad
                out += l[cut...]
            } else {
                out += l
            }
        }
        return (out, offset)
    }

    @Test func aStrayByteInUTF8IsNamedWithItsOffsetAndLineNotReadAsACodePage() throws {
        let (bytes, offset) = Self.damaged([0xFF], line: 3, after: 20)
        #expect(throws: DecodingError.damagedUTF8(fileName: "r.txt", offset: offset, line: 3, count: 1)) {
            try DocumentDecoder.decode(Data(bytes), fileName: "r.txt")
        }
        let message = DecodingError.damagedUTF8(fileName: "r.txt", offset: offset, line: 3, count: 1).description
        #expect(message.contains("byte offset \(offset), line 3"))
        #expect(message.contains("--encoding utf8 --lenient"))
    }

    @Test func theOffsetIsWhereTheBrokenCharacterStarts() {
        // a three-byte lead (E2) and one continuation, then a letter: one broken character at E2
        let (bytes, offset) = Self.damaged([0xE2, 0x80], line: 2, after: 6)
        let scan = UTF8Scan(bytes)
        #expect(scan.firstInvalid == offset)
        #expect(scan.invalidSequences == 1)
        #expect(String(decoding: bytes, as: UTF8.self).unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 1)
    }

    @Test func aFileCutInsideACharacterNamesItsEnd() throws {
        var bytes = Array(Self.report.utf8)
        bytes.removeLast(2)                           // the final "." and line break
        bytes += Array("ы".utf8).prefix(1)            // a lead byte without its continuation
        #expect(throws: DecodingError.damagedUTF8(fileName: "cut.txt", offset: bytes.count - 1, line: 4, count: 1)) {
            try DocumentDecoder.decode(Data(bytes), fileName: "cut.txt")
        }
        #expect(throws: DecodingError.self) { try DocumentDecoder.decode(Data(bytes), fileName: "cut.txt", forced: .utf8) }
    }

    @Test func lenientReadsReplacementCharactersAndCountsThem() throws {
        var bytes = Self.damaged([0xC3, 0x28], line: 3, after: 10).bytes  // a lead byte, then "("
        bytes += [0xFF, 0x0A]                                            // a byte no character starts with
        bytes += [0xED, 0xA0, 0x80, 0x0A]                                // an encoded surrogate: three bad bytes
        #expect(UTF8Scan(bytes).invalidSequences == 5)
        for forced in [TextEncoding.utf8, nil] {
            let d = try DocumentDecoder.decode(Data(bytes), fileName: "r.txt", forced: forced, lenient: true)
            #expect(d.encoding == .utf8)
            let replaced = d.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
            #expect(replaced == UTF8Scan(bytes).invalidSequences)
            #expect(d.warnings.contains { $0.contains("\(replaced) invalid UTF-8 sequences replaced with U+FFFD") }, "\(d.warnings)")
            #expect(d.text.contains("Кайфын"))
        }
    }

    @Test func windows1251IsStillDetected() throws {
        let bytes = Array(Self.report.data(using: .windowsCP1251) ?? Data())
        #expect(!bytes.isEmpty)
        let scan = UTF8Scan(bytes)
        #expect(!scan.isValid && !scan.isMostlyUTF8)
        #expect(try DocumentDecoder.decode(Data(bytes), fileName: "w.txt").encoding == .cp1251)
    }

    @Test func lineNumbersCountEveryKindOfBreakOnce() {
        let bytes = Array("a\r\nb\rc\nd".utf8)
        #expect(UTF8Scan.line(of: bytes.count - 1, in: bytes) == 4)
        #expect(UTF8Scan.line(of: 0, in: bytes) == 1)
    }
}
