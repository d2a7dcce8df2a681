/// Why a document could not be read. Each case names the file, what is wrong and what to do.
public enum DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read from disk.
    case unreadable(path: String, reason: String)
    /// A container format TwinGraph does not read (a zip that is not docx/odt, say).
    case unsupported(path: String, what: String)
    /// The file claims a format but its content is broken.
    case damaged(path: String, format: DocumentFormat, reason: String)
    /// A plain-text file whose encoding could not be decoded (the decoder's own message).
    case undecodable(message: String)
    /// The document has no text at all (a scanned PDF, an empty file).
    case empty(path: String, format: DocumentFormat)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .unsupported(path, what):
            return "\(path): \(what) is not a format TwinGraph reads; save it as .docx, .odt, .doc, .rtf, .pdf, .html or .txt"
        case let .damaged(path, format, reason):
            return "\(path): not a readable \(format.rawValue) file (\(reason)); open it and save it again, or save it as .txt"
        case let .undecodable(message):
            return message
        case let .empty(path, format):
            return "\(path): the \(format.rawValue) file has no text"
                + (format == .pdf ? " (a scanned PDF? run OCR on it first)" : "")
        }
    }
}
