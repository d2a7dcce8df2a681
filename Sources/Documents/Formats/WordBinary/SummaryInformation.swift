import Foundation

/// The title in an OLE2 file's summary information property set ([MS-OLEPS]): the first
/// section's property 2 (PIDSI_TITLE), an 8-bit string in the code page of property 1, or UTF-16.
enum SummaryInformation {
    static let streamName = "\u{05}SummaryInformation"

    static func title(_ b: [UInt8]) -> String? {
        typealias W = WordBinaryText
        guard b.count >= 48, W.u16(b, 0) == 0xFFFE else { return nil }
        let section = Int(W.u32(b, 44))
        guard section + 8 <= b.count else { return nil }
        let count = Int(W.u32(b, section + 4))
        var codePage = 1252
        var titleOffset: Int?
        for k in 0..<min(count, 256) {
            let entry = section + 8 + 8 * k
            guard entry + 8 <= b.count else { return nil }
            let id = W.u32(b, entry), offset = section + Int(W.u32(b, entry + 4))
            if id == 1 { codePage = Int(Int16(bitPattern: W.u16(b, offset + 4))) & 0xFFFF }
            if id == 2 { titleOffset = offset }
        }
        guard let at = titleOffset, at + 8 <= b.count else { return nil }
        let type = W.u32(b, at), length = Int(W.u32(b, at + 4))
        let text: String?
        switch type {
        case 0x1E:  // VT_LPSTR: bytes with a NUL at the end, in the set's code page
            guard at + 8 + length <= b.count else { return nil }
            var bytes = Array(b[(at + 8)..<(at + 8 + length)])
            while bytes.last == 0 { bytes.removeLast() }
            let encoding: String.Encoding = switch codePage {
            case 1251: .windowsCP1251
            case 65001: .utf8
            case 1200: .utf16LittleEndian
            default: .windowsCP1252
            }
            text = String(data: Data(bytes), encoding: encoding)
        case 0x1F:  // VT_LPWSTR: UTF-16 characters
            guard at + 8 + 2 * length <= b.count else { return nil }
            var units = (0..<length).map { W.u16(b, at + 8 + 2 * $0) }
            while units.last == 0 { units.removeLast() }
            text = String(decoding: units, as: UTF16.self)
        default:
            text = nil
        }
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }
}
