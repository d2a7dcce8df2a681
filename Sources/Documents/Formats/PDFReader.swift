import CPoppler
import Foundation

/// PDF through poppler-glib, in-process: each page's text lines; running headers, footers and
/// page numbers dropped; lines joined into paragraphs with hyphenation at line ends undone
/// (`PDFLines`). The title from the document's Title property.
enum PDFReader {
    static func read(_ data: Data, path: String) throws(DocumentError) -> ReadDocument {
        let bytes: OpaquePointer? = data.withUnsafeBytes { raw in
            g_bytes_new(raw.baseAddress, gsize(raw.count))
        }
        defer { if let bytes { g_bytes_unref(bytes) } }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(bytes, nil, &error) else {
            var reason = "poppler cannot open it"
            if let error {
                if error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                    reason = "it is encrypted; save an unprotected copy"
                } else if let message = error.pointee.message {
                    reason += ": " + String(cString: message)
                }
                g_error_free(error)
            }
            throw .damaged(path: path, format: .pdf, reason: reason)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        var pages: [[PDFLine]] = []
        for i in 0..<poppler_document_get_n_pages(document) {
            guard let page = poppler_document_get_page(document, i) else { continue }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            pages.append(lines(of: page))
        }
        var title: String?
        if let t = poppler_document_get_title(document) {
            title = String(cString: t)
            g_free(t)
        }
        let lines = PDFLines.dropRunningLines(pages)
        return ReadDocument(format: .pdf, text: PDFLines.paragraphs(lines).joined(separator: "\n"), titleProperty: title)
    }

    /// A page's text lines with where each stands: poppler gives one rectangle per character of
    /// the page's text.
    static func lines(of page: OpaquePointer) -> [PDFLine] {
        guard let raw = poppler_page_get_text(page) else { return [] }
        defer { g_free(raw) }
        let text = String(cString: raw)
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        let hasLayout = poppler_page_get_text_layout(page, &rectangles, &count) != 0
        defer { if let rectangles { g_free(rectangles) } }
        let scalars = Array(text.unicodeScalars)
        let boxes = hasLayout && Int(count) == scalars.count ? rectangles : nil
        var out: [PDFLine] = []
        var start = 0
        for i in 0...scalars.count where i == scalars.count || scalars[i] == "\n" {
            var line = PDFLine(text: String(String.UnicodeScalarView(scalars[start..<i])))
            if let boxes {
                for k in start..<i where !scalars[k].properties.isWhitespace {
                    let r = boxes[k]
                    line.include(left: r.x1, right: r.x2, top: r.y1, bottom: r.y2)
                }
            }
            out.append(line)
            start = i + 1
        }
        return out
    }
}
