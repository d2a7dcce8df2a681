import Foundation
import Testing
@testable import Documents

/// A damaged office XML part (bad UTF-8 in an element name, an attribute or the text) is read
/// as far as it goes instead of stopping the process inside Foundation's XMLParser.
@Suite struct DamagedXMLTests {
    static func part(_ pieces: [[UInt8]]) -> Data {
        Data(Array(#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="urn:w"><w:body>"#.utf8)
             + pieces.joined() + Array("</w:body></w:document>".utf8))
    }

    static func paragraph(_ text: String) -> [UInt8] { Array("<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>".utf8) }

    @Test(arguments: [
        // a lone continuation byte inside an element name
        Array("<w:bo".utf8) + [0x80] + Array("kmark/>".utf8),
        // the first byte of a two-byte letter followed by an ASCII letter, in an attribute's name
        Array("<w:tab w:v".utf8) + [0xD1] + Array("al=\"1\"/>".utf8),
        // a truncated three-byte sequence in a run's text
        Array("<w:p><w:r><w:t>Сад ".utf8) + [0xE2, 0x80] + Array(" цветёт</w:t></w:r></w:p>".utf8),
    ])
    func badUTF8IsReadAround(_ damage: [UInt8]) {
        let reader = OfficeXMLText(vocabulary: DocxReader.vocabulary)
        _ = reader.parse(Self.part([Self.paragraph("Первый абзац."), damage, Self.paragraph("Последний абзац.")]))
        #expect(reader.paragraphs.first == "Первый абзац.")
        #expect(reader.paragraphs.last == "Последний абзац.")
    }

    @Test func sensibleXMLIsPassedOnUnchanged() {
        let good = Self.part([Self.paragraph("Абзац.")])
        #expect(XMLBytes.forParser(good) == good)
        // another declared encoding, or UTF-16, is libxml2's to convert
        let cp1251 = Data(Array(#"<?xml version="1.0" encoding="windows-1251"?><a>"#.utf8) + [0xC0, 0xE1] + Array("</a>".utf8))
        #expect(!XMLBytes.isUTF8(cp1251))
        #expect(XMLBytes.forParser(cp1251) == cp1251)
        #expect(!XMLBytes.isUTF8(Data([0xFF, 0xFE, 0x3C, 0x00])))
        #expect(XMLBytes.isUTF8(Data(#"<?xml version='1.0' encoding='utf-8'?><a/>"#.utf8)))
        #expect(XMLBytes.isUTF8(Data("<a/>".utf8)))
    }

    @Test func damagedUTF8IsRepairedWithReplacementCharacters() {
        let bad = Data(Array("<a>x".utf8) + [0xD1] + Array("y</a>".utf8))
        #expect(String(decoding: XMLBytes.forParser(bad), as: UTF8.self) == "<a>x\u{FFFD}y</a>")
    }
}
