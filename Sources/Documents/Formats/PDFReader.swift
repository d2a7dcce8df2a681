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
        var pages: [[String]] = []
        for i in 0..<poppler_document_get_n_pages(document) {
            guard let page = poppler_document_get_page(document, i) else { continue }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            guard let text = poppler_page_get_text(page) else { pages.append([]); continue }
            defer { g_free(text) }
            pages.append(String(cString: text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        var title: String?
        if let t = poppler_document_get_title(document) {
            title = String(cString: t)
            g_free(t)
        }
        let lines = PDFLines.dropRunningLines(pages)
        return ReadDocument(format: .pdf, text: PDFLines.paragraphs(lines).joined(separator: "\n"), titleProperty: title)
    }
}
