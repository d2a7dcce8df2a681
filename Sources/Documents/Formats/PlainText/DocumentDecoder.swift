import Foundation

/// Text encodings a report may come in.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8
    /// UTF-16, little- or big-endian: by its byte-order mark, else by which bytes are the high ones.
    case utf16
    /// windows-1251.
    case cp1251
    /// KOI8-R.
    case koi8r

    /// The name to give `--encoding`.
    public var optionName: String { rawValue }

    /// The usual name of the encoding, for messages.
    public var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16: return "UTF-16"
        case .cp1251: return "windows-1251"
        case .koi8r: return "KOI8-R"
        }
    }
}

/// A decoded document.
///
/// `text` is the file's text as decoded, without a leading byte-order mark. Line breaks stay as
/// the file wrote them (LF, CRLF, CR, VT, FF, NEL, U+2028, U+2029): every offset the pipeline
/// computes (Unicode scalars, DESIGN.md) refers to this text, and segmentation reads any of them
/// as a line break.
public struct DecodedText: Sendable, Equatable {
    public let text: String
    /// The encoding the bytes were read in (detected or forced).
    public let encoding: TextEncoding
    /// Things worth telling the user that did not stop decoding (an empty file, a guess).
    public let warnings: [String]

    public init(text: String, encoding: TextEncoding, warnings: [String]) {
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
    }
}

/// Why a document could not be decoded. Each message names the file, the byte offset, and what
/// to do.
public enum DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// NUL or other control bytes that plain text does not have.
    case binary(fileName: String, offset: Int)
    /// Bytes that are not valid in the encoding (forced or the only plausible one): `offset`
    /// is the byte that broke it (the file's length for a character cut off at its end), `line`
    /// its line (1-based; nil for UTF-16). `suggestion` is the encoding the bytes look like.
    case invalid(fileName: String, encoding: TextEncoding, offset: Int, line: Int?, suggestion: TextEncoding?)
    /// Text that is UTF-8 but for `count` ill-formed sequences, the first at `offset`.
    case damagedUTF8(fileName: String, offset: Int, line: Int, count: Int)
    /// Not UTF-8, and neither Russian 8-bit code page gives Russian-looking text.
    case undetectable(fileName: String, offset: Int, line: Int)

    public var description: String {
        switch self {
        case let .binary(name, offset):
            return "cannot decode \(name): control byte at byte offset \(offset); this looks like a "
                + "binary file, not plain text (convert it to a .txt file first)"
        case let .invalid(name, encoding, offset, line, suggestion):
            var s = "cannot decode \(name): not \(encoding.displayName) (\(DecodingError.place(offset, line)))"
            if let suggestion {
                s += "; looks like \(suggestion.displayName), pass --encoding \(suggestion.optionName)"
            } else {
                s += "; convert it to UTF-8 or pass --encoding with the right one ("
                    + TextEncoding.allCases.map(\.optionName).joined(separator: ", ") + ")"
            }
            return s
        case let .damagedUTF8(name, offset, line, count):
            return "cannot decode \(name): UTF-8 with \(count) invalid byte sequence\(count == 1 ? "" : "s") "
                + "(the first \(DecodingError.place(offset, line))); repair the file, or pass "
                + "--encoding utf8 --lenient to read them as U+FFFD"
        case let .undetectable(name, offset, line):
            return "cannot decode \(name): not UTF-8 (\(DecodingError.place(offset, line))) and not "
                + "recognisably Russian in windows-1251 or KOI8-R; convert it to UTF-8 or pass "
                + "--encoding (" + TextEncoding.allCases.map(\.optionName).joined(separator: ", ") + ")"
        }
    }

    /// "invalid byte at byte offset 4998, line 61"; a character cut off by the end of the file
    /// says so, as its offset is the file's length.
    static func place(_ offset: Int, _ line: Int?) -> String {
        let at = "byte offset \(offset)" + (line.map { ", line \($0)" } ?? "")
        return "invalid byte at \(at)"
    }
}

/// Reads report files: detects or applies the encoding.
public struct DocumentDecoder {
    /// Decodes a file's bytes.
    ///
    /// Detection, when `forced` is nil: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else
    /// UTF-16 without a mark is recognised by its high bytes (0x00 or 0x04 for Russian text);
    /// else valid UTF-8 is UTF-8; else windows-1251 and KOI8-R are both tried and the one whose
    /// text looks more Russian (frequent letter pairs, lower case inside words) wins.
    /// - Parameter fileName: used in messages only.
    /// - Parameter lenient: UTF-8 (forced or detected) with ill-formed sequences is read with
    ///   U+FFFD in their place and a warning that counts them, instead of failing.
    public static func decode(_ data: Data, fileName: String, forced: TextEncoding? = nil,
                              lenient: Bool = false) throws(DecodingError) -> DecodedText {
        let bytes = [UInt8](data)
        if bytes.isEmpty {
            return DecodedText(text: "", encoding: forced ?? .utf8, warnings: ["\(fileName) is empty"])
        }
        var warnings: [String] = []
        let reading = Reading(fileName: fileName, lenient: lenient)
        let (text, encoding) = try decodeBytes(bytes, reading, forced: forced, warnings: &warnings)
        let normalised = droppingByteOrderMark(text)
        if normalised.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            warnings.append("\(fileName) has no text (only whitespace)")
        }
        return DecodedText(text: normalised, encoding: encoding, warnings: warnings)
    }

    /// Reads and decodes a file.
    public static func decode(contentsOf url: URL, forced: TextEncoding? = nil, lenient: Bool = false) throws -> DecodedText {
        let data = try Data(contentsOf: url)
        return try decode(data, fileName: url.lastPathComponent, forced: forced, lenient: lenient)
    }

    /// What the decoding of one file needs to know besides its bytes.
    struct Reading {
        let fileName: String
        let lenient: Bool
    }

    private static func decodeBytes(_ bytes: [UInt8], _ reading: Reading, forced: TextEncoding?,
                                    warnings: inout [String]) throws(DecodingError) -> (String, TextEncoding) {
        let fileName = reading.fileName
        // Byte-order marks.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), forced == nil || forced == .utf8 {
            return (try utf8(bytes, from: 3, reading, warnings: &warnings), .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]), forced == nil || forced == .utf16 {
            return (try utf16(bytes, from: 2, bigEndian: false, fileName: fileName), .utf16)
        }
        if bytes.starts(with: [0xFE, 0xFF]), forced == nil || forced == .utf16 {
            return (try utf16(bytes, from: 2, bigEndian: true, fileName: fileName), .utf16)
        }
        if let forced {
            switch forced {
            case .utf8:
                try rejectBinary(bytes, fileName: fileName)
                return (try utf8(bytes, from: 0, reading, warnings: &warnings), .utf8)
            case .utf16:
                let bigEndian = EncodingDetector.utf16Endianness(bytes) ?? false
                return (try utf16(bytes, from: 0, bigEndian: bigEndian, fileName: fileName), .utf16)
            case .cp1251, .koi8r:
                try rejectBinary(bytes, fileName: fileName)
                return (try eightBit(bytes, forced, fileName: fileName), forced)
            }
        }
        if let bigEndian = EncodingDetector.utf16Endianness(bytes) {
            return (try utf16(bytes, from: 0, bigEndian: bigEndian, fileName: fileName), .utf16)
        }
        try rejectBinary(bytes, fileName: fileName)
        let scan = UTF8Scan(bytes)
        guard let badOffset = scan.firstInvalid else {
            return (String(decoding: bytes, as: UTF8.self), .utf8)
        }
        // A few bad bytes in UTF-8 text (a cut, a stray byte) must not turn the whole document
        // into code-page mojibake: it is UTF-8, damaged.
        if scan.isMostlyUTF8 {
            return (try utf8(bytes, from: 0, reading, warnings: &warnings), .utf8)
        }
        let guess = EncodingDetector.guessEightBit(bytes)
        guard let encoding = guess.encoding else {
            throw .undetectable(fileName: fileName, offset: badOffset, line: UTF8Scan.line(of: badOffset, in: bytes))
        }
        if guess.confident == false {
            warnings.append("\(fileName): encoding guessed as \(encoding.displayName) from little text; "
                            + "pass --encoding if the text looks wrong")
        }
        return (try eightBit(bytes, encoding, fileName: fileName), encoding)
    }

    /// Plain text has no NUL and few other C0 controls; a report with them is a binary file
    /// (a .doc, a PDF, an image) given by mistake.
    private static func rejectBinary(_ bytes: [UInt8], fileName: String) throws(DecodingError) {
        var controls = 0
        for (i, b) in bytes.enumerated() where b < 0x20 {
            switch b {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B: continue
            case 0x00: throw .binary(fileName: fileName, offset: i)
            default:
                controls += 1
                if controls > 8 && controls * 100 > bytes.count { throw .binary(fileName: fileName, offset: i) }
            }
        }
    }

    /// UTF-8 (forced, marked or detected). Ill-formed sequences fail, naming the first; with
    /// `lenient` they become U+FFFD and a warning counts them.
    private static func utf8(_ bytes: [UInt8], from start: Int, _ reading: Reading,
                             warnings: inout [String]) throws(DecodingError) -> String {
        let scan = UTF8Scan(bytes, from: start)
        if let bad = scan.firstInvalid {
            let line = UTF8Scan.line(of: bad, in: bytes)
            if reading.lenient {
                let n = scan.invalidSequences
                // (the file's name is added by whoever reports the warning)
                warnings.append("\(n) invalid UTF-8 sequence\(n == 1 ? "" : "s") replaced with U+FFFD "
                                + "(the first at byte offset \(bad), line \(line))")
            } else if scan.isMostlyUTF8 {
                throw .damagedUTF8(fileName: reading.fileName, offset: bad, line: line, count: scan.invalidSequences)
            } else {
                let guess = EncodingDetector.guessEightBit(bytes).encoding
                throw .invalid(fileName: reading.fileName, encoding: .utf8, offset: bad, line: line, suggestion: guess)
            }
        }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    private static func utf16(_ bytes: [UInt8], from start: Int, bigEndian: Bool,
                              fileName: String) throws(DecodingError) -> String {
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var i = start
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        if i < bytes.count {
            throw .invalid(fileName: fileName, encoding: .utf16, offset: i, line: nil, suggestion: nil)
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var unitIndex = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                if s.value == 0 {
                    throw .binary(fileName: fileName, offset: start + unitIndex * 2)
                }
                scalars.append(s)
                unitIndex += s.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                break loop
            case .error:
                throw .invalid(fileName: fileName, encoding: .utf16, offset: start + unitIndex * 2,
                               line: nil, suggestion: nil)
            }
        }
        return String(scalars)
    }

    private static func eightBit(_ bytes: [UInt8], _ encoding: TextEncoding,
                                 fileName: String) throws(DecodingError) -> String {
        let table = encoding == .koi8r ? CodePages.koi8r : CodePages.windows1251
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() {
            if b < 0x80 {
                scalars.append(Unicode.Scalar(b))
            } else {
                let v = table[Int(b) - 0x80]
                guard v != 0xFFFD, let s = Unicode.Scalar(v) else {
                    throw .invalid(fileName: fileName, encoding: encoding, offset: i,
                                   line: UTF8Scan.line(of: i, in: bytes), suggestion: nil)
                }
                scalars.append(s)
            }
        }
        return String(scalars)
    }

    /// The text without a leading U+FEFF (a byte-order mark that a code page or a forced
    /// encoding left in). Line breaks are kept as written: offsets are into this text.
    static func droppingByteOrderMark(_ text: String) -> String {
        guard text.unicodeScalars.first == "\u{FEFF}" else { return text }
        return String(text.unicodeScalars.dropFirst())
    }
}

extension DecodingError: LocalizedError {
    public var errorDescription: String? { description }
}
