import CLibXML2
import Foundation

/// HTML through libxml2's HTML parser: block elements become paragraphs, table rows lines with
/// tab-separated cells; script, style, navigation and forms are dropped; entities are decoded by
/// the parser. The title from `<title>`.
enum HTMLReader {
    /// Elements whose content is not part of the document's text.
    static let dropped: Set<String> = ["script", "style", "nav", "noscript", "template", "head", "form",
                                       "button", "select", "svg", "iframe", "object"]
    /// Elements that begin and end a paragraph.
    static let blocks: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                                      "blockquote", "pre", "section", "article", "main", "aside", "header", "footer",
                                      "table", "thead", "tbody", "tfoot", "caption", "figure", "figcaption", "address",
                                      "hr", "body", "center", "fieldset", "details", "summary"]

    static func read(_ data: Data, path: String) throws(DocumentError) -> ReadDocument {
        // Without a declared charset libxml2 assumes ISO-8859-1; text that is valid UTF-8 is UTF-8.
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        let declared = head.contains("charset")
        let encoding: String? = declared ? nil : (String(data: data, encoding: .utf8) != nil ? "UTF-8" : "windows-1251")
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue)
        let document: htmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlReadMemory(base, Int32(raw.count), path, encoding, options)
        }
        guard let document else { throw .damaged(path: path, format: .html, reason: "libxml2 could not parse it") }
        defer { xmlFreeDoc(document) }
        var walker = HTMLText()
        if let root = xmlDocGetRootElement(document) { walker.walk(root) }
        walker.flush()
        return ReadDocument(format: .html, text: walker.paragraphs.joined(separator: "\n"), titleProperty: walker.title)
    }
}

/// The paragraphs of an HTML tree, in document order.
struct HTMLText {
    var paragraphs: [String] = []
    var title: String?
    private var line = ""
    private var preformatted = 0

    mutating func flush() {
        let text = line.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty { paragraphs.append(text) }
        line = ""
    }

    mutating func walk(_ node: xmlNodePtr) {
        var child = node.pointee.children
        while let c = child {
            visit(c)
            child = c.pointee.next
        }
    }

    private static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    private static func content(_ node: xmlNodePtr) -> String {
        guard let c = xmlNodeGetContent(node) else { return "" }
        defer { twingraph_xmlFree(c) }
        return String(cString: c)
    }

    /// A note's number linking to or back from the note ("…отчёта¹", Word's `#_ftn1`,
    /// LibreOffice's `#sdfootnote1sym`): not part of the sentence it sits in.
    private static func isNoteMark(_ node: xmlNodePtr) -> Bool {
        guard let href = xmlGetProp(node, "href") else { return false }
        defer { twingraph_xmlFree(href) }
        let target = String(cString: href).lowercased()
        guard ["#_ftn", "#_edn", "#sdfootnote", "#sdendnote", "#fn", "#footnote"].contains(where: target.hasPrefix) else { return false }
        return content(node).allSatisfy { $0.isNumber || "[]()*† ".contains($0) }
    }

    private static func isNavigation(_ node: xmlNodePtr) -> Bool {
        guard let role = xmlGetProp(node, "role") else { return false }
        defer { twingraph_xmlFree(role) }
        return String(cString: role).lowercased() == "navigation"
    }

    private mutating func visit(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            append(Self.content(node))
        case XML_ELEMENT_NODE:
            let name = Self.name(node)
            if name == "title", title == nil {
                let t = Self.content(node).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if !t.isEmpty { title = t }
                return
            }
            if name == "head" { walkTitle(node); return }
            if HTMLReader.dropped.contains(name) || Self.isNavigation(node) { return }
            if name == "a", Self.isNoteMark(node) { return }
            switch name {
            case "br":
                flush()
            case "tr":
                flush()
                var cells: [String] = []
                var cell = node.pointee.children
                while let c = cell {
                    if c.pointee.type == XML_ELEMENT_NODE, ["td", "th"].contains(Self.name(c)) {
                        var inner = HTMLText()
                        inner.walk(c)
                        inner.flush()
                        cells.append(inner.paragraphs.joined(separator: " "))
                    }
                    cell = c.pointee.next
                }
                line = cells.joined(separator: "\t")
                flush()
            case _ where HTMLReader.blocks.contains(name):
                flush()
                if name == "pre" { preformatted += 1 }
                walk(node)
                if name == "pre" { preformatted -= 1 }
                flush()
            default:
                walk(node)
            }
        default:
            return
        }
    }

    /// Only the title is read from `<head>`.
    private mutating func walkTitle(_ head: xmlNodePtr) {
        var child = head.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE, Self.name(c) == "title" { visit(c) }
            child = c.pointee.next
        }
    }

    /// Text as a browser shows it: runs of whitespace are one space, except in `<pre>`, where
    /// line breaks are paragraph breaks.
    private mutating func append(_ text: String) {
        if preformatted > 0 {
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (i, part) in parts.enumerated() {
                if i > 0 { flush() }
                line += part
            }
            return
        }
        var previousSpace = line.last.map(\.isWhitespace) ?? true
        for ch in text {
            if ch.isWhitespace {
                if !previousSpace { line.append(" ") }
                previousSpace = true
            } else {
                line.append(ch)
                previousSpace = false
            }
        }
    }
}
