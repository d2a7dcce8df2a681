import Foundation
import Testing
@testable import Documents

@Suite struct FormatDetectionTests {
    @Test(arguments: [("sample.docx", DocumentFormat.docx), ("sample.odt", .odt), ("sample.pdf", .pdf),
                      ("sample.html", .html), ("sample.doc", .doc), ("sample.rtf", .rtf), ("wrapped.txt", .txt)])
    func byContent(_ name: String, _ format: DocumentFormat) throws {
        // The extension is a lie: the content decides.
        #expect(DocumentFormat.detect(try Fixture.data(name), fileName: "renamed.txt") == format)
    }

    @Test func aZipThatIsNoDocumentIsRefused() throws {
        let dir = try Fixture.temporaryFolder()
        let zip = dir.appendingPathComponent("a.zip")
        // a zip's local header and nothing a document would hold
        try Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 26)).write(to: zip)
        #expect(DocumentFormat.detect(try Data(contentsOf: zip), fileName: "a.zip") == nil)
        #expect(throws: DocumentError.self) { try DocumentReader.read(path: zip.path) }
    }

    @Test func htmlWithoutDoctypeIsKnownByItsTags() {
        #expect(DocumentFormat.detect(Data("<html><body><p>Текст</p></body></html>".utf8), fileName: "x") == .html)
        #expect(DocumentFormat.detect(Data("Текст про <b>тег</b>".utf8), fileName: "x.txt") == .txt)
    }
}

@Suite struct ReaderTests {
    static let title = "Отчёт о международной деятельности Администрации города Новосибирска за 2020 год"

    func lines(_ name: String) throws -> (ReadDocument, [String]) {
        let d = try DocumentReader.read(path: Fixture.path(name))
        return (d, d.text.split(separator: "\n").map(String.init))
    }

    @Test(arguments: ["sample.docx", "sample.odt", "sample.doc", "sample.rtf"])
    func officeParagraphsTablesAndNotes(_ name: String) throws {
        let (d, lines) = try lines(name)
        // docx core.xml, odt meta.xml, .doc's summary information, rtf's \info
        #expect(d.titleProperty == Self.title)
        #expect(lines.contains(Self.title))
        #expect(lines.contains("Делегация мэрии побывала в Саппоро, где обсуждались вопросы образования и культуры."))
        // a table row is a line, its cells separated by tabs
        #expect(lines.contains("Саппоро\tЯпония"))
        // the footnote's text comes after the body, not inside the sentence it annotates
        let body = try #require(lines.firstIndex { $0.hasPrefix("Последний абзац отчёта") })
        let note = try #require(lines.firstIndex { $0.contains("Сноска о побратимах.") })
        #expect(note > body)
        #expect(lines[body] == "Последний абзац отчёта.")
    }

    @Test func htmlDropsScriptStyleAndNavigationAndDecodesEntities() throws {
        let (d, lines) = try lines("sample.html")
        #expect(d.format == .html)
        #expect(d.titleProperty == Self.title)
        #expect(!d.text.contains("не текст") && !d.text.contains("color") && !d.text.contains("Главная"))
        #expect(!d.text.contains("<") && !d.text.contains("&laquo;"))
        #expect(lines.contains("В течение года город поддерживал связи с городами-побратимами «по всему миру» & партнёрами."))
        // a line break inside a paragraph's source is a space
        #expect(lines.contains("Делегация мэрии побывала в Саппоро, где обсуждались вопросы образования и культуры."))
        #expect(lines.contains("Миннеаполис\tСША"))
        // the footnote's number is no part of the sentence, and the note follows the body
        #expect(lines.suffix(2) == ["Последний абзац отчёта.", "Сноска о побратимах."])
    }

    @Test func pdfTextAndTitle() throws {
        let (d, lines) = try lines("sample.pdf")
        #expect(d.format == .pdf)
        #expect(d.titleProperty == Self.title)
        #expect(lines.contains(Self.title))
        #expect(d.text.contains("Делегация мэрии побывала в Саппоро, где обсуждались вопросы образования и культуры."))
    }

    @Test func rtfControlWordsAndUnicodeFallbacks() throws {
        let rtf = #"{\rtf1\ansi\ansicpg1251{\fonttbl{\f0\fcharset204 Arial;}}{\info{\title \'ce\'f2\'f7\'b8\'f2}}"#
            + #"\uc1 \u1054?\u1084?\u1089?\u1082? \'e8 {\*\fldinst HYPERLINK x}{\fldrslt \'f1\'f1\'fb\'eb\'ea\'e0}\emdash\par "#
            + #"\f0 \'c0\cell \'c1\cell\row {\footnote \'d1\'ed\'ee\'f1\'ea\'e0}}"#
        let d = try RTFReader.read(Data(rtf.utf8), path: "a.rtf")
        #expect(d.titleProperty == "Отчёт")
        #expect(d.text == "Омск и ссылка—\nА\tБ\n\nСноска")
        #expect(throws: DocumentError.self) { try RTFReader.read(Data(#"{\rtf1 {\b текст}"#.utf8), path: "b.rtf") }
    }

    @Test func missingFileAndFolderAreNamed() {
        do { _ = try DocumentReader.read(path: "/no/such/report.docx"); Issue.record("read") } catch {
            #expect(error == .unreadable(path: "/no/such/report.docx", reason: "no such file"))
        }
    }

    @Test func brokenDocxIsDamagedNotACrash() throws {
        let dir = try Fixture.temporaryFolder()
        var bytes = try Fixture.data("sample.docx")
        bytes.replaceSubrange(200..<bytes.count - 200, with: Data(repeating: 0x41, count: bytes.count - 400))
        let f = dir.appendingPathComponent("broken.docx")
        try bytes.write(to: f)
        #expect(throws: DocumentError.self) { try DocumentReader.read(path: f.path) }
    }
}

@Suite struct WordBinaryTests {
    @Test func controlCharactersBecomePlainText() {
        // a field (code dropped, result kept), a cell row, a non-breaking and an optional hyphen
        let units: [UInt16] = Array("До ".utf16) + [0x13] + Array(" HYPERLINK x ".utf16) + [0x14] + Array("ссылка".utf16) + [0x15]
            + [0x0D] + Array("А".utf16) + [0x07] + Array("Б".utf16) + [0x07, 0x07]
            + Array("Улан".utf16) + [0x1E] + Array("Удэ пере".utf16) + [0x1F] + Array("нос".utf16) + [0x0D]
        #expect(WordBinaryText.plain(units) == "До ссылка\nА\tБ\nУлан-Удэ перенос")
    }

    @Test func aStreamWithoutWordHeaderIsRefused() {
        #expect(throws: WordBinaryError.self) { try WordBinaryText.text(wordDocument: Data(count: 600), tables: [:]) }
    }

    @Test func anOLEFileThatIsNoWordDocumentIsDamaged() throws {
        // a .doc's container with its WordDocument stream's header wiped
        var bytes = try Fixture.data("sample.doc")
        let header = try #require(bytes.firstRange(of: Data([0xEC, 0xA5])))
        bytes.replaceSubrange(header, with: Data([0, 0]))
        let dir = try Fixture.temporaryFolder()
        let f = dir.appendingPathComponent("wiped.doc")
        try bytes.write(to: f)
        do { _ = try DocumentReader.read(path: f.path); Issue.record("read") } catch {
            #expect(error.description.contains("wiped.doc: not a readable doc file"))
        }
    }
}
