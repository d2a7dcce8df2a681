import Foundation

/// Errors reading a graph JSON file; each says where and what.
public enum GraphJSONError: Error, CustomStringConvertible, Equatable {
    /// Not JSON at all: the position of the first bad character.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// Valid JSON, wrong shape.
    case schema(file: String, path: String, message: String)

    public var description: String {
        switch self {
        case let .syntax(file, line, column, message):
            return "\(file):\(line):\(column): malformed JSON: \(message)"
        case let .schema(file, path, message):
            return "\(file): not a TwinGraph graph at \(path.isEmpty ? "top level" : path): \(message)"
        }
    }
}

/// Reading and writing the graph interchange format.
public enum GraphJSON {
    /// UTF-8, sorted by id, pretty-printed with sorted keys, trailing newline.
    public static func encode(_ graph: Graph) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(graph.sorted())
        data.append(0x0A)
        return data
    }

    public static func encodeString(_ graph: Graph) throws -> String {
        String(decoding: try encode(graph), as: UTF8.self)
    }

    /// Decodes a graph; `file` names the source in error messages.
    ///
    /// The text is parsed once, by `GraphJSONReader`. Only when that fails is it scanned again,
    /// to say where: a syntax error anywhere wins over a schema error, as with `JSONDecoder`.
    public static func decode(_ data: Data, file: String = "<input>") throws -> Graph {
        do {
            return try GraphJSONReader.read(data)
        } catch {
            if let (line, column, message) = syntaxError(data) {
                throw GraphJSONError.syntax(file: file, line: line, column: column, message: message)
            }
            switch error {
            case .schema(let path, let message): throw GraphJSONError.schema(file: file, path: path, message: message)
            case .syntax: throw GraphJSONError.syntax(file: file, line: 1, column: 1, message: "invalid JSON")
            }
        }
    }

    /// The plain decoding, through Foundation's `JSONDecoder` (which parses the text into a tree
    /// of values first): the reference `decode(_:file:)` is tested against.
    public static func decodeWithFoundation(_ data: Data, file: String = "<input>") throws -> Graph {
        if let (line, column, message) = syntaxError(data) {
            throw GraphJSONError.syntax(file: file, line: line, column: column, message: message)
        }
        do {
            return try JSONDecoder().decode(Graph.self, from: data)
        } catch let DecodingError.typeMismatch(_, ctx), let DecodingError.valueNotFound(_, ctx),
                let DecodingError.dataCorrupted(ctx) {
            throw GraphJSONError.schema(file: file, path: pathString(ctx.codingPath), message: ctx.debugDescription)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw GraphJSONError.schema(file: file, path: pathString(ctx.codingPath),
                                        message: "missing key \"\(key.stringValue)\"")
        }
    }

    /// Decodes a JSON object of attribute values, as the store keeps an attribute column.
    public static func decodeAttributes(_ text: String) throws -> [String: AttributeValue] {
        do { return try GraphJSONReader.readAttributes(text) } catch {
            throw GraphJSONError.schema(file: "<attributes>", path: "", message: "not an object of attribute values: \(text.prefix(80))")
        }
    }

    /// Decodes a JSON array of strings, as the store keeps an alias column.
    public static func decodeStrings(_ text: String) throws -> [String] {
        do { return try GraphJSONReader.readStrings(text) } catch {
            throw GraphJSONError.schema(file: "<strings>", path: "", message: "not an array of strings: \(text.prefix(80))")
        }
    }

    public static func read(contentsOf url: URL) throws -> Graph {
        try decode(try Data(contentsOf: url), file: url.path)
    }

    static func pathString(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// The first syntax error (line, column, message), or nil when the text is valid JSON. A
    /// small recursive-descent scan, because Foundation's message does not reliably give a line
    /// and column on every platform.
    static func syntaxError(_ data: Data) -> (Int, Int, String)? {
        var scanner = JSONScanner(bytes: Array(data))
        guard let message = scanner.check() else { return nil }
        let (line, column) = scanner.lineColumn()
        return (line, column, message)
    }
}

/// Validates JSON syntax only, remembering where it stopped.
struct JSONScanner {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    func lineColumn() -> (Int, Int) {
        var line = 1, column = 1
        var k = 0
        let stop = min(i, bytes.count)
        while k < stop {
            let b = bytes[k]
            if b == 0x0A { line += 1; column = 1 }
            else if b & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return (line, column)
    }

    mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    }

    /// Returns an error message, or nil if the document is valid.
    mutating func check() -> String? {
        skipSpace()
        if let e = value(depth: 0) { return e }
        skipSpace()
        return i < bytes.count ? "unexpected text after the end of the document" : nil
    }

    mutating func value(depth: Int) -> String? {
        guard depth < 512 else { return "nested too deeply" }
        guard i < bytes.count else { return "unexpected end of input" }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1; skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return nil }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return "expected a string key" }
                if let e = string() { return e }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return "expected ':' after a key" }
                i += 1; skipSpace()
                if let e = value(depth: depth + 1) { return e }
                skipSpace()
                guard i < bytes.count else { return "unexpected end of input inside an object" }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return nil }
                return "expected ',' or '}' in an object"
            }
        case UInt8(ascii: "["):
            i += 1; skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return nil }
            while true {
                skipSpace()
                if let e = value(depth: depth + 1) { return e }
                skipSpace()
                guard i < bytes.count else { return "unexpected end of input inside an array" }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return nil }
                return "expected ',' or ']' in an array"
            }
        case UInt8(ascii: "\""):
            return string()
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return number()
        default:
            return "unexpected character '\(String(decoding: [bytes[i]], as: UTF8.self))'"
        }
    }

    mutating func literal(_ word: String) -> String? {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else {
            return "expected '\(word)'"
        }
        i += w.count
        return nil
    }

    mutating func number() -> String? {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        var digits = 0
        while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1; digits += 1 }
        if digits == 0 { i = start; return "malformed number" }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        }
        return nil
    }

    mutating func string() -> String? {
        i += 1
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return nil }
            if b == UInt8(ascii: "\\") { i += 2; continue }
            if b < 0x20 { return "control character inside a string" }
            i += 1
        }
        return "unterminated string"
    }
}
