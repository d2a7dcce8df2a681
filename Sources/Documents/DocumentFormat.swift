import Foundation

/// The file formats a report can come in.
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
    case txt, docx, odt, doc, rtf, pdf, html

    /// The format by content: magic bytes first, the file name's extension only to tell
    /// plain text from HTML. Returns nil for a container TwinGraph cannot read (a zip that is
    /// neither docx nor odt).
    public static func detect(_ data: Data, fileName: String) -> DocumentFormat? {
        let head = [UInt8](data.prefix(4096))
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .doc }
        if head.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            // The first entry of an OpenDocument file is its uncompressed "mimetype".
            let text = String(decoding: head, as: UTF8.self)
            if text.contains("application/vnd.oasis.opendocument.text") { return .odt }
            return OfficeArchive.isWordprocessingML(data) ? .docx : nil
        }
        if looksLikeHTML(head) { return .html }
        let ext = (fileName as NSString).pathExtension.lowercased()
        if ext == "html" || ext == "htm" || ext == "xhtml" { return .html }
        return .txt
    }

    /// A document whose first tag (after a BOM, blanks, comments and an XML declaration) is
    /// `<!DOCTYPE html` or `<html`, or that has `<body` near its start.
    static func looksLikeHTML(_ head: [UInt8]) -> Bool {
        let lower = String(decoding: head, as: UTF8.self).lowercased()
        let trimmed = lower.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") { return true }
        if trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<!--") || trimmed.hasPrefix("<!doctype") {
            return lower.contains("<html") || lower.contains("<body")
        }
        return false
    }
}
