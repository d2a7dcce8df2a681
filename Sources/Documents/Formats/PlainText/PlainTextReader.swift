import Foundation

/// Plain text in any encoding the decoder knows; hard-wrapped lines are put back into
/// paragraphs.
enum PlainTextReader {
    static func read(_ data: Data, path: String, encoding: TextEncoding?, lenient: Bool = false) throws(DocumentError) -> ReadDocument {
        let decoded: DecodedText
        do {
            decoded = try DocumentDecoder.decode(data, fileName: path, forced: encoding, lenient: lenient)
        } catch {
            throw .undecodable(message: error.description)
        }
        return ReadDocument(format: .txt, text: HardWrap.unwrap(decoded.text), warnings: decoded.warnings)
    }
}
