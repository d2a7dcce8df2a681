import Foundation

/// A document as text: what every later stage reads. Evidence offsets are Unicode-scalar offsets
/// into `text`.
public struct ReadDocument: Sendable, Equatable {
    public var format: DocumentFormat
    /// Paragraphs one per line; blank lines kept where the source had empty paragraphs.
    public var text: String
    /// The title the file's properties give (docx `dc:title`, odt `dc:title`, PDF Title,
    /// HTML `<title>`), if any.
    public var titleProperty: String?
    /// Things worth telling the user that did not stop reading (a guessed encoding, say).
    public var warnings: [String]

    public init(format: DocumentFormat, text: String, titleProperty: String? = nil, warnings: [String] = []) {
        self.format = format
        self.text = text
        self.titleProperty = titleProperty
        self.warnings = warnings
    }
}

/// Reads any supported file format into a `ReadDocument`.
public enum DocumentReader {
    /// Reads `data` (the content of `path`) by its detected format. `encoding` forces the
    /// encoding of plain text; `lenient` reads ill-formed UTF-8 as U+FFFD (with a warning).
    public static func read(_ data: Data, path: String, encoding: TextEncoding? = nil,
                            lenient: Bool = false) throws(DocumentError) -> ReadDocument {
        guard let format = DocumentFormat.detect(data, fileName: path) else {
            throw .unsupported(path: path, what: "a zip archive without a Word or OpenDocument text")
        }
        var document: ReadDocument
        switch format {
        case .txt: document = try PlainTextReader.read(data, path: path, encoding: encoding, lenient: lenient)
        case .docx: document = try DocxReader.read(data, path: path)
        case .odt: document = try OdtReader.read(data, path: path)
        case .html: document = try HTMLReader.read(data, path: path)
        case .pdf: document = try PDFReader.read(data, path: path)
        case .doc: document = try DocReader.read(data, path: path)
        case .rtf: document = try RTFReader.read(data, path: path)
        }
        document.text = DocumentDecoder.droppingByteOrderMark(document.text)
        if let t = document.titleProperty?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty {
            document.titleProperty = t
        } else {
            document.titleProperty = nil
        }
        if format != .txt, document.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw .empty(path: path, format: format)
        }
        return document
    }

    /// Reads the file at `path`.
    public static func read(path: String, encoding: TextEncoding? = nil, lenient: Bool = false,
                            maximumSize: Int = defaultMaximumSize) throws(DocumentError) -> ReadDocument {
        try read(try contents(of: path, maximumSize: maximumSize), path: path, encoding: encoding, lenient: lenient)
    }
}
