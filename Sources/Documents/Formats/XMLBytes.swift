import Foundation

/// The bytes of an office XML part as the XML parser is given them.
///
/// Foundation's XMLParser traps (kills the process) when libxml2 hands it an element or
/// attribute name that is not valid UTF-8, which a damaged .docx or .odt can contain. A part
/// that is UTF-8 (declared so, or by default) but holds invalid sequences is therefore repaired
/// first: each invalid sequence becomes U+FFFD, which XML allows in names and text, and the rest
/// of the document is read as usual. A part in UTF-16 (its byte order mark) or with another
/// declared encoding is left to libxml2's own conversion.
enum XMLBytes {
    static func forParser(_ data: Data) -> Data {
        guard isUTF8(data) else { return data }
        if String(validating: data, as: UTF8.self) != nil { return data }
        return Data(String(decoding: data, as: UTF8.self).utf8)
    }

    /// True unless the part starts with a UTF-16 or UTF-32 byte order mark or declares an
    /// encoding other than UTF-8 in its XML declaration.
    static func isUTF8(_ data: Data) -> Bool {
        let head = data.prefix(200)
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0, 0]) { return false }
        guard head.starts(with: Array("<?xml".utf8)) || head.starts(with: [0xEF, 0xBB, 0xBF]) else { return true }
        let declaration = String(decoding: head.prefix { $0 != UInt8(ascii: ">") }, as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return true }
        let value = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            .prefix { $0 != "\"" && $0 != "'" }
        return value == "utf-8" || value == "utf8"
    }
}
