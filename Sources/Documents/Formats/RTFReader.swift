import Foundation

/// Rich Text Format, read in Swift: groups, control words and symbols; `\par`, `\line`, `\row`
/// end lines, `\cell` and `\tab` are tabs; `\uN` with its `\ucN` fallback, `\'hh` in the
/// document's code page (`\ansicpgN`, or a font's `\fcharsetN`); font, colour and style tables,
/// pictures, objects, headers, footers, field instructions and other `\*` destinations are
/// skipped; footnotes go after the body; the title from `{\info{\title …}}`.
enum RTFReader {
    static func read(_ data: Data, path: String) throws(DocumentError) -> ReadDocument {
        var parser = RTFParser(bytes: [UInt8](data))
        guard parser.run() else {
            throw .damaged(path: path, format: .rtf, reason: "its groups do not close")
        }
        var text = parser.body.trimmingCharacters(in: .newlines)
        let notes = parser.notes.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !notes.isEmpty { text += "\n\n" + notes.joined(separator: "\n") }
        let title = parser.title.trimmingCharacters(in: .whitespacesAndNewlines)
        return ReadDocument(format: .rtf, text: text, titleProperty: title.isEmpty ? nil : title)
    }
}

/// The state machine over an RTF file's bytes.
struct RTFParser {
    enum Destination { case body, notes, title, skipped }

    struct Group {
        var destination: Destination = .body
        /// How many fallback characters follow a `\uN` (`\ucN`).
        var unicodeSkip = 1
        var encoding: String.Encoding = .windowsCP1252
    }

    /// Destinations whose content is not text.
    static let skipped: Set<String> = ["fonttbl", "colortbl", "stylesheet", "pict", "object", "header", "headerl", "headerr",
                                       "headerf", "footer", "footerl", "footerr", "footerf", "fldinst", "listtable",
                                       "listoverridetable", "rsidtbl", "generator", "themedata", "colorschememapping",
                                       "datastore", "latentstyles", "xmlnstbl", "pgdsctbl", "bkmkstart", "bkmkend",
                                       "author", "operator", "company", "keywords", "subject", "comment", "doccomm",
                                       "creatim", "revtim", "printim", "buptim", "nonshppict", "shppict", "info"]
    /// Single characters some control words stand for.
    static let characters: [String: String] = ["emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’",
                                               "ldblquote": "“", "rdblquote": "”", "bullet": "•", "emspace": " ",
                                               "enspace": " ", "qmspace": " "]

    let bytes: [UInt8]
    var body = ""
    var notes = ""
    var title = ""
    private var stack: [Group] = [Group()]
    private var pendingBytes: [UInt8] = []
    private var fontEncodings: [Int: String.Encoding] = [:]
    private var documentEncoding: String.Encoding = .windowsCP1252
    private var currentFont: Int?
    /// The group depth of the font table while inside it.
    private var fontTableDepth: Int?
    private var inFontTable: Bool { fontTableDepth != nil }

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses the whole file; false when its groups do not balance.
    mutating func run() -> Bool {
        var i = 0
        var ignorableNext = false
        var skipFallback = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"):
                flushBytes()
                stack.append(stack.last ?? Group())
                i += 1
            case UInt8(ascii: "}"):
                flushBytes()
                guard stack.count > 1 else { return false }
                stack.removeLast()
                if let depth = fontTableDepth, stack.count < depth { fontTableDepth = nil }
                i += 1
            case UInt8(ascii: "\\"):
                i += 1
                guard i < bytes.count else { break }
                let c = bytes[i]
                if isLetter(c) {
                    var j = i
                    while j < bytes.count, isLetter(bytes[j]) { j += 1 }
                    let word = String(decoding: bytes[i..<j], as: UTF8.self)
                    var k = j
                    var parameter: Int?
                    if k < bytes.count, bytes[k] == UInt8(ascii: "-") || isDigit(bytes[k]) {
                        var m = k + 1
                        while m < bytes.count, isDigit(bytes[m]) { m += 1 }
                        parameter = Int(String(decoding: bytes[k..<m], as: UTF8.self))
                        k = m
                    }
                    if k < bytes.count, bytes[k] == UInt8(ascii: " ") { k += 1 }
                    i = k
                    if skipFallback > 0, word != "u" { skipFallback -= 1; continue }
                    controlWord(word, parameter, ignorable: ignorableNext, skipFallback: &skipFallback)
                    ignorableNext = false
                } else {
                    i += 1
                    switch c {
                    case UInt8(ascii: "'"):
                        guard i + 1 < bytes.count, let v = UInt8(String(decoding: bytes[i...(i + 1)], as: UTF8.self), radix: 16) else { break }
                        i += 2
                        if skipFallback > 0 { skipFallback -= 1; continue }
                        pendingBytes.append(v)
                    case UInt8(ascii: "*"):
                        ignorableNext = true
                    case UInt8(ascii: "~"): emit(" ")
                    case UInt8(ascii: "_"): emit("-")
                    case UInt8(ascii: "-"): break
                    case UInt8(ascii: "\n"), UInt8(ascii: "\r"): emit("\n")
                    default:
                        if skipFallback > 0 { skipFallback -= 1; continue }
                        emit(String(UnicodeScalar(c)))
                    }
                }
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                i += 1
            default:
                if skipFallback > 0 { skipFallback -= 1; i += 1; continue }
                pendingBytes.append(b)
                i += 1
            }
        }
        flushBytes()
        return stack.count == 1
    }

    private mutating func controlWord(_ word: String, _ parameter: Int?, ignorable: Bool, skipFallback: inout Int) {
        // \*\ud holds the Unicode version of the \upr group's text (a title, say): read it.
        if ignorable && !["footnote", "ud"].contains(word) { setDestination(.skipped); return }
        switch word {
        case "row":
            // the row's last \cell left a tab
            if stack.last?.destination == .body, body.hasSuffix("\t") { body.removeLast() }
            emit("\n")
        case "par", "line", "sect", "page": emit("\n")
        case "tab", "cell": emit("\t")
        case "u":
            guard let p = parameter else { return }
            let value = p < 0 ? p + 65536 : p
            flushBytes()
            if let scalar = UnicodeScalar(UInt32(value)) { emit(String(scalar)) }
            skipFallback = stack.last?.unicodeSkip ?? 1
        case "uc": stack[stack.count - 1].unicodeSkip = max(0, parameter ?? 1)
        case "ansicpg": if let p = parameter, let e = Self.encoding(codePage: p) { documentEncoding = e; stack[0].encoding = e; stack[stack.count - 1].encoding = e }
        case "fonttbl": fontTableDepth = stack.count; setDestination(.skipped)
        case "f":
            if let p = parameter {
                currentFont = p
                if !inFontTable, let e = fontEncodings[p] { stack[stack.count - 1].encoding = e }
            }
        case "fcharset":
            if let p = parameter, let font = currentFont, let e = Self.encoding(charset: p) { fontEncodings[font] = e }
        case "footnote": setDestination(.notes); emit("\n")
        case "title":
            // a later \title (the Unicode one of \upr) replaces the ANSI one
            title = ""
            setDestination(.title)
        default:
            if let ch = Self.characters[word] { emit(ch); return }
            if Self.skipped.contains(word) { setDestination(.skipped) }
        }
    }

    private mutating func setDestination(_ d: Destination) {
        flushBytes()
        // inside {\info …} only the title is read
        stack[stack.count - 1].destination = d
    }

    private mutating func emit(_ s: String) {
        flushBytes()
        append(s)
    }

    private mutating func append(_ s: String) {
        switch stack.last?.destination ?? .body {
        case .body: body += s
        case .notes: notes += s
        case .title: title += s
        case .skipped: break
        }
    }

    /// Bytes of the current code page become text.
    private mutating func flushBytes() {
        guard !pendingBytes.isEmpty else { return }
        let encoding = stack.last?.encoding ?? documentEncoding
        let s = String(data: Data(pendingBytes), encoding: encoding) ?? String(decoding: pendingBytes, as: UTF8.self)
        pendingBytes = []
        append(s)
    }

    static func encoding(codePage: Int) -> String.Encoding? {
        switch codePage {
        case 1251: return .windowsCP1251
        case 1252: return .windowsCP1252
        case 1250: return .windowsCP1250
        case 65001: return .utf8
        default: return nil
        }
    }

    static func encoding(charset: Int) -> String.Encoding? {
        switch charset {
        case 204: return .windowsCP1251
        case 0: return .windowsCP1252
        case 238: return .windowsCP1250
        default: return nil
        }
    }

    private func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    private func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
}
