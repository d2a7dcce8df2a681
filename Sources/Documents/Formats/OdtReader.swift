import Foundation

/// OpenDocument text (.odt): paragraphs, headings, list items and table rows of content.xml,
/// notes after the body; the title from meta.xml.
enum OdtReader {
    static let vocabulary = OfficeVocabulary(
        paragraph: ["p", "h"], text: nil, tab: ["tab"], lineBreak: ["line-break"],
        tableRow: ["table-row"], tableCell: ["table-cell"], note: ["note"],
        skipped: ["note-citation", "tracked-changes", "bookmark-ref"], spaces: "s")

    static func read(_ data: Data, path: String) throws(DocumentError) -> ReadDocument {
        let archive = try OfficeArchive(data, path: path, format: .odt)
        let content = OfficeXMLText(vocabulary: vocabulary)
        guard content.parse(try archive.requiredMember("content.xml")) else {
            throw .damaged(path: path, format: .odt, reason: "content.xml is not well-formed XML")
        }
        var paragraphs = content.paragraphs
        let notes = content.notes.filter { !$0.allSatisfy(\.isWhitespace) }
        if !notes.isEmpty { paragraphs += [""] + notes }
        return ReadDocument(format: .odt, text: paragraphs.joined(separator: "\n"),
                            titleProperty: OfficeTitle.read(try archive.member("meta.xml")))
    }
}
