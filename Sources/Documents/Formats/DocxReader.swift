import Foundation

/// Word 2007+ (.docx): the body's paragraphs and tables, then the footnotes and endnotes; the
/// title from docProps/core.xml.
enum DocxReader {
    static let vocabulary = OfficeVocabulary(
        paragraph: ["p"], text: ["t"], tab: ["tab"], lineBreak: ["br", "cr"],
        tableRow: ["tr"], tableCell: ["tc"], note: [],
        // deleted revisions, field instructions, and the separator lines of the notes part
        skipped: ["delText", "instrText", "separator", "continuationSeparator"], spaces: nil)

    static func read(_ data: Data, path: String) throws(DocumentError) -> ReadDocument {
        let archive = try OfficeArchive(data, path: path, format: .docx)
        let body = OfficeXMLText(vocabulary: vocabulary)
        guard body.parse(try archive.requiredMember("word/document.xml")) else {
            throw .damaged(path: path, format: .docx, reason: "word/document.xml is not well-formed XML")
        }
        var paragraphs = body.paragraphs
        for part in ["word/footnotes.xml", "word/endnotes.xml"] {
            guard let xml = try archive.member(part) else { continue }
            let notes = OfficeXMLText(vocabulary: vocabulary)
            if notes.parse(xml) {
                let text = notes.paragraphs.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if !text.isEmpty { paragraphs += [""] + text }
            }
        }
        return ReadDocument(format: .docx, text: paragraphs.joined(separator: "\n"),
                            titleProperty: OfficeTitle.read(try archive.member("docProps/core.xml")))
    }
}
