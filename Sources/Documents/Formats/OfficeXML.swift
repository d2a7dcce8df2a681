import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The element names of one office XML vocabulary (WordprocessingML, OpenDocument), by local
/// name (without the namespace prefix).
struct OfficeVocabulary {
    /// Elements that are paragraphs ("p", "h").
    var paragraph: Set<String>
    /// Elements whose character data is text; nil: all character data inside a paragraph is.
    var text: Set<String>?
    var tab: Set<String>
    var lineBreak: Set<String>
    var tableRow: Set<String>
    var tableCell: Set<String>
    /// Notes written inline (OpenDocument's text:note): their text goes after the body.
    var note: Set<String>
    /// Elements whose content is dropped (deleted text, field codes, a note's citation mark).
    var skipped: Set<String>
    /// An element that stands for `count` spaces (OpenDocument's text:s, attribute text:c).
    var spaces: String?
}

/// Reads the paragraphs of an office XML part: one line per paragraph, a table row per line
/// with its cells separated by tabs, notes collected apart.
final class OfficeXMLText: NSObject, XMLParserDelegate {
    let vocabulary: OfficeVocabulary
    private(set) var paragraphs: [String] = []
    private(set) var notes: [String] = []

    private var current: String?
    private var cells: [String]?
    private var cell: [String]?
    private var noteDepth = 0
    /// The paragraphs a note interrupts (an OpenDocument note sits inside its paragraph).
    private var interrupted: [String?] = []
    private var skipDepth = 0
    private var textDepth = 0

    init(vocabulary: OfficeVocabulary) {
        self.vocabulary = vocabulary
    }

    /// Parses `data`; returns false when the XML is broken.
    func parse(_ data: Data) -> Bool {
        let parser = XMLParser(data: XMLBytes.forParser(data))
        parser.delegate = self
        return parser.parse()
    }

    private static func local(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        let name = Self.local(elementName)
        if skipDepth > 0 || vocabulary.skipped.contains(name) { skipDepth += 1; return }
        if vocabulary.note.contains(name) {
            noteDepth += 1
            interrupted.append(current)
            current = nil
            return
        }
        if vocabulary.tableRow.contains(name) { cells = []; return }
        if vocabulary.tableCell.contains(name) { cell = []; return }
        if vocabulary.paragraph.contains(name) { current = ""; return }
        if vocabulary.text?.contains(name) == true { textDepth += 1; return }
        if vocabulary.tab.contains(name) { current?.append("\t") }
        if vocabulary.lineBreak.contains(name) { current?.append("\n") }
        if name == vocabulary.spaces {
            let count = attributes.first { Self.local($0.key) == "c" }.flatMap { Int($0.value) } ?? 1
            current?.append(String(repeating: " ", count: max(1, min(count, 100))))
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        let name = Self.local(elementName)
        if skipDepth > 0 { skipDepth -= 1; return }
        if vocabulary.note.contains(name) {
            noteDepth -= 1
            current = interrupted.popLast() ?? nil
            return
        }
        if vocabulary.text?.contains(name) == true { textDepth -= 1; return }
        if vocabulary.paragraph.contains(name), let p = current {
            current = nil
            if noteDepth > 0 {
                notes.append(p)
            } else if cell != nil {
                if !p.isEmpty { cell?.append(p) }
            } else {
                paragraphs.append(p)
            }
            return
        }
        if vocabulary.tableCell.contains(name), let c = cell {
            cells?.append(c.joined(separator: " "))
            cell = nil
            return
        }
        if vocabulary.tableRow.contains(name), let row = cells {
            cells = nil
            let line = row.joined(separator: "\t")
            guard !line.allSatisfy(\.isWhitespace) else { return }
            if noteDepth > 0 { notes.append(line) } else { paragraphs.append(line) }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard skipDepth == 0, current != nil else { return }
        if vocabulary.text == nil || textDepth > 0 { current?.append(string) }
    }
}

/// The `dc:title` of an office metadata part (docProps/core.xml, meta.xml).
final class OfficeTitle: NSObject, XMLParserDelegate {
    private var inTitle = false
    private(set) var title = ""

    static func read(_ data: Data?) -> String? {
        guard let data else { return nil }
        let reader = OfficeTitle()
        let parser = XMLParser(data: XMLBytes.forParser(data))
        parser.delegate = reader
        _ = parser.parse()
        let t = reader.title.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        if elementName == "dc:title" || elementName == "title" { inTitle = true }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        if elementName == "dc:title" || elementName == "title" { inTitle = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { title += string }
    }
}
