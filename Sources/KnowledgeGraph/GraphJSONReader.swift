import Foundation

/// Reads the graph interchange format in one pass over the bytes, straight into `Graph`.
///
/// Foundation's route (a `JSONSerialization` syntax check, then `JSONDecoder`) parses the text
/// twice and builds a tree of boxed values first: on a graph of 50,000 nodes and 200,000 edges
/// that was 6.5 s and 1.3 GB. This reader knows the shape (DESIGN.md, "The graph interchange
/// format"), so each value goes straight into its field. It accepts what `JSONDecoder` accepts
/// for `Graph` (unknown keys skipped, optional fields absent or null) and reports the same two
/// kinds of failure: a syntax error is located by `JSONScanner`, so its line, column and message
/// are those of the plain path; a schema error names the coding path as `JSONDecoder` would.
struct GraphJSONReader {
    /// Why reading stopped.
    enum Failure: Error {
        /// Not JSON: let `JSONScanner` say where.
        case syntax
        /// JSON of the wrong shape, at `path` (".nodes[3].type").
        case schema(path: String, message: String)
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    /// The coding path of the value being read, for schema errors; written out only for one.
    private var path: [PathStep] = []

    private enum PathStep {
        case key(JSONKey)
        case index(Int)

        var text: String {
            switch self {
            case .key(let k): ".\(k.string)"
            case .index(let n): "[\(n)]"
            }
        }
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    /// Decodes a whole graph document.
    static func read(_ data: Data) throws(Failure) -> Graph {
        let result: Result<Graph, Failure> = data.withUnsafeBytes { raw in
            var reader = GraphJSONReader(bytes: raw.bindMemory(to: UInt8.self))
            do throws(Failure) {
                let g = try reader.graph()
                reader.skipSpace()
                guard reader.i == reader.bytes.count else { throw .syntax }
                return .success(g)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Decodes a JSON object of attribute values (the store keeps them as such text).
    static func readAttributes(_ text: String) throws(Failure) -> [String: AttributeValue] {
        try fragment(text) { (r: inout GraphJSONReader) throws(Failure) in try r.attributes() ?? [:] }
    }

    /// Decodes a JSON array of strings.
    static func readStrings(_ text: String) throws(Failure) -> [String] {
        try fragment(text) { (r: inout GraphJSONReader) throws(Failure) in
            try r.optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.string() } ?? []
        }
    }

    private static func fragment<T>(_ text: String, _ body: (inout GraphJSONReader) throws(Failure) -> T) throws(Failure) -> T {
        var text = text
        let result: Result<T, Failure> = text.withUTF8 { buffer in
            var reader = GraphJSONReader(bytes: buffer)
            do throws(Failure) {
                let value = try body(&reader)
                reader.skipSpace()
                guard reader.i == reader.bytes.count else { throw .syntax }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: The graph's shape

    mutating func graph() throws(Failure) -> Graph {
        var g = Graph()
        try object { (r: inout GraphJSONReader, key: JSONKey) throws(Failure) in
            switch key {
            case "documents": g.documents = try r.optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.document() } ?? []
            case "nodes": g.nodes = try r.optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.node() } ?? []
            case "edges": g.edges = try r.optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.edge() } ?? []
            default: try r.skipValue()
            }
        }
        return g
    }

    mutating func document() throws(Failure) -> Document {
        var id: String?, docPath: String?, sha: String?
        var paths: [String]?, format: String?, title: String?, reporter: String?, year: Int?
        try object { (r: inout GraphJSONReader, key: JSONKey) throws(Failure) in
            switch key {
            case "id": id = try r.string()
            case "path": docPath = try r.string()
            case "paths": paths = try r.optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.string() }
            case "sha256": sha = try r.string()
            case "format": format = try r.optionalString()
            case "title": title = try r.optionalString()
            case "reporter": reporter = try r.optionalString()
            case "year": year = try r.optionalInt()
            default: try r.skipValue()
            }
        }
        return Document(id: try required(id, "id"), path: try required(docPath, "path"), sha256: try required(sha, "sha256"),
                        reporter: reporter, year: year, format: format, title: title, paths: paths)
    }

    mutating func node() throws(Failure) -> Node { try node(keepingText: true).node }

    mutating func edge() throws(Failure) -> Edge { try edge(keepingText: true).edge }

    /// A node, and how many mentions it has. Without `keepingText` its attributes and mentions
    /// are only checked, as they would be read, and left out (the query read).
    mutating func node(keepingText: Bool) throws(Failure) -> (node: Node, spans: Int) {
        var id: String?, type: NodeType?, name: String?
        var aliases: [String] = [], attributes: [String: AttributeValue] = [:], mentions: [Span] = [], spans = 0
        try object { (r: inout GraphJSONReader, key: JSONKey) throws(Failure) in
            switch key {
            case "id": id = try r.string()
            case "type": type = try r.enumValue(NodeType.self)
            case "name": name = try r.string()
            case "aliases": aliases = try r.optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.string() } ?? []
            case "attributes": if keepingText { attributes = try r.attributes() ?? [:] } else { try r.checkAttributes() }
            case "mentions": (mentions, spans) = try r.spans(keeping: keepingText)
            default: try r.skipValue()
            }
        }
        let node = Node(id: try required(id, "id"), type: try required(type, "type"), name: try required(name, "name"),
                        aliases: aliases, attributes: attributes, mentions: mentions)
        return (node, spans)
    }

    /// An edge, and how many evidence spans it has; `keepingText` as for `node(keepingText:)`.
    mutating func edge(keepingText: Bool) throws(Failure) -> (edge: Edge, spans: Int) {
        var id: String?, type: EdgeType?, source: String?, target: String?
        var attributes: [String: AttributeValue] = [:], evidence: [Span] = [], spans = 0
        try object { (r: inout GraphJSONReader, key: JSONKey) throws(Failure) in
            switch key {
            case "id": id = try r.string()
            case "type": type = try r.enumValue(EdgeType.self)
            case "source": source = try r.string()
            case "target": target = try r.string()
            case "attributes": if keepingText { attributes = try r.attributes() ?? [:] } else { try r.checkAttributes() }
            case "evidence": (evidence, spans) = try r.spans(keeping: keepingText)
            default: try r.skipValue()
            }
        }
        // As decoded, not re-normalised: `Edge.init(from:)` keeps the stored ends and id too.
        var e = Edge(id: try required(id, "id"), type: try required(type, "type"),
                     source: try required(source, "source"), target: try required(target, "target"),
                     attributes: attributes, evidence: evidence)
        e.source = source ?? e.source
        e.target = target ?? e.target
        return (e, spans)
    }

    /// An array of spans (or null) and its length; without `keeping`, each span is only checked.
    mutating func spans(keeping: Bool) throws(Failure) -> ([Span], Int) {
        if keeping {
            let spans = try optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.span() } ?? []
            return (spans, spans.count)
        }
        return ([], try optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.checkSpan() }?.count ?? 0)
    }

    mutating func span() throws(Failure) -> Span {
        var document: String?, start: Int?, end: Int?, text: String?
        try object { (r: inout GraphJSONReader, key: JSONKey) throws(Failure) in
            switch key {
            case "document": document = try r.string()
            case "start": start = try r.int()
            case "end": end = try r.int()
            case "text": text = try r.string()
            default: try r.skipValue()
            }
        }
        return Span(document: try required(document, "document"), start: try required(start, "start"),
                    end: try required(end, "end"), text: try required(text, "text"))
    }

    /// An attribute object, or nil for null.
    mutating func attributes() throws(Failure) -> [String: AttributeValue]? {
        if try null() { return nil }
        var out: [String: AttributeValue] = [:]
        try object { (r: inout GraphJSONReader, key: JSONKey) throws(Failure) in
            out[key.string] = try r.attributeValue()
        }
        return out
    }

    /// A scalar, read as `AttributeValue.init(from:)` reads it: booleans, integers, reals, strings.
    mutating func attributeValue() throws(Failure) -> AttributeValue {
        skipSpace()
        guard i < bytes.count else { throw .syntax }
        switch bytes[i] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let (range, integral) = try number()
            if integral, let v = smallInteger(range) { return .int(v) }
            let text = self.text(range)
            if integral, let v = Int(text) { return .int(v) }
            guard let d = Double(text) else { throw .syntax }
            // JSONDecoder reads "-1.5e1" as the integer it equals; `AttributeValue` tries Int first.
            if let v = Int(exactly: d) { return .int(v) }
            return .double(d)
        default:
            throw schema("attribute values are strings, numbers or booleans")
        }
    }

    // MARK: Typed scalars

    func required<T>(_ value: T?, _ key: String) throws(Failure) -> T {
        guard let value else { throw schema("missing key \"\(key)\"") }
        return value
    }

    func schema(_ message: String) -> Failure {
        .schema(path: path.map(\.text).joined(), message: message)
    }

    mutating func enumValue<T: RawRepresentable>(_ type: T.Type) throws(Failure) -> T where T.RawValue == String {
        let raw = try string()
        guard let value = T(rawValue: raw) else {
            throw schema("Cannot initialize \(T.self) from invalid String value \(raw)")
        }
        return value
    }

    mutating func optionalString() throws(Failure) -> String? {
        if try null() { return nil }
        return try string()
    }

    mutating func optionalInt() throws(Failure) -> Int? {
        if try null() { return nil }
        return try int()
    }

    mutating func int() throws(Failure) -> Int {
        skipSpace()
        guard i < bytes.count else { throw .syntax }
        let c = bytes[i]
        guard c == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) else {
            throw schema("Expected to decode Int but found another value instead.")
        }
        let (range, integral) = try number()
        if integral, let v = smallInteger(range) { return v }
        let text = self.text(range)
        if integral, let v = Int(text) { return v }
        if let d = Double(text), let v = Int(exactly: d) { return v }
        throw schema("Parsed JSON number <\(text)> does not fit in Int.")
    }

    /// Consumes `null` if it is next.
    mutating func null() throws(Failure) -> Bool {
        skipSpace()
        guard i < bytes.count else { throw .syntax }
        if bytes[i] == UInt8(ascii: "n") { try literal("null"); return true }
        return false
    }

    // MARK: Containers

    /// Reads an object, calling `body` with each key positioned at its value.
    mutating func object(_ body: (inout GraphJSONReader, JSONKey) throws(Failure) -> Void) throws(Failure) {
        skipSpace()
        guard i < bytes.count else { throw .syntax }
        guard bytes[i] == UInt8(ascii: "{") else {
            throw schema("Expected to decode Dictionary<String, Any> but found another value instead.")
        }
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw .syntax }
            let key = try self.key()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw .syntax }
            i += 1
            path.append(.key(key))
            try body(&self, key)
            path.removeLast()
            skipSpace()
            guard i < bytes.count else { throw .syntax }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return }
            throw .syntax
        }
    }

    /// Reads an array of `element`s, or nil for null.
    mutating func optionalArray<T>(_ element: (inout GraphJSONReader) throws(Failure) -> T) throws(Failure) -> [T]? {
        if try null() { return nil }
        guard bytes[i] == UInt8(ascii: "[") else {
            throw schema("Expected to decode Array<Any> but found another value instead.")
        }
        i += 1
        var out: [T] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return out }
        while true {
            path.append(.index(out.count))
            out.append(try element(&self))
            path.removeLast()
            skipSpace()
            guard i < bytes.count else { throw .syntax }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return out }
            throw .syntax
        }
    }

    // MARK: Lexing

    mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw .syntax }
        let w = word.utf8Start
        for k in 0..<n where bytes[i + k] != w[k] { throw .syntax }
        i += n
    }

    /// Where a number's text lies and whether it has neither fraction nor exponent.
    mutating func number() throws(Failure) -> (Range<Int>, Bool) {
        let start = i
        var integral = true
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        guard i > digitsStart else { throw .syntax }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            integral = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        }
        return (start..<i, integral)
    }

    /// The value of an integer's text of at most 18 digits (which cannot overflow), else nil.
    func smallInteger(_ range: Range<Int>) -> Int? {
        var k = range.lowerBound
        let negative = bytes[k] == UInt8(ascii: "-")
        if negative { k += 1 }
        guard range.upperBound - k <= 18 else { return nil }
        var v = 0
        while k < range.upperBound { v = v * 10 + Int(bytes[k] &- UInt8(ascii: "0")); k += 1 }
        return negative ? -v : v
    }

    /// The bytes in `range` as a String.
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// An object key: its bytes in the text when it has no escape (nearly always), else decoded.
    mutating func key() throws(Failure) -> JSONKey {
        let start = i + 1
        let end = JSONStringScan.end(of: bytes, from: start)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            i = end + 1
            return JSONKey(raw: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        return JSONKey(decoded: try string())
    }

    /// A string value; anything else is a schema error (the caller's caller checks the whole
    /// text's syntax before reporting one, as `JSONDecoder` does).
    mutating func string() throws(Failure) -> String {
        skipSpace()
        guard i < bytes.count else { throw .syntax }
        guard bytes[i] == UInt8(ascii: "\"") else {
            throw schema("Expected to decode String but found another value instead.")
        }
        i += 1
        let start = i
        // Fast path: no escapes, the bytes are the string.
        i = JSONStringScan.end(of: bytes, from: i)
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            i += 1
            return s
        }
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if b < 0x20 { throw .syntax }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            guard i + 1 < bytes.count else { throw .syntax }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { throw .syntax }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw .syntax }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let u = Unicode.Scalar(scalar) else { throw .syntax }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw .syntax
            }
        }
        throw .syntax
    }

    mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw .syntax }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: throw .syntax
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    /// Skips one value of any kind (keys the format does not define).
    mutating func skipValue() throws(Failure) {
        skipSpace()
        guard i < bytes.count else { throw .syntax }
        switch bytes[i] {
        case UInt8(ascii: "{"): try object { (r: inout GraphJSONReader, _: JSONKey) throws(Failure) in try r.skipValue() }
        case UInt8(ascii: "["): _ = try optionalArray { (r: inout GraphJSONReader) throws(Failure) in try r.skipValue() }
        case UInt8(ascii: "\""):
            // Not decoded, only skipped, as JSONDecoder skips a value no field asks for.
            i += 1
            while true {
                i = JSONStringScan.end(of: bytes, from: i)
                guard i < bytes.count else { throw .syntax }
                if bytes[i] == UInt8(ascii: "\"") { i += 1; break }
                if bytes[i] < 0x20 { throw .syntax }
                i += 2
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        default: throw .syntax
        }
    }
}

/// An object key as the reader met it, matched against the format's keys (`case "id":`)
/// without making a String of it; valid while the reader's bytes are.
struct JSONKey {
    private let raw: UnsafeBufferPointer<UInt8>
    private let decoded: String?

    init(raw: UnsafeBufferPointer<UInt8>) { self.raw = raw; decoded = nil }
    init(decoded: String) { raw = UnsafeBufferPointer(start: nil, count: 0); self.decoded = decoded }

    var string: String { decoded ?? String(decoding: raw, as: UTF8.self) }

    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        let expected = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
        if let decoded = key.decoded { return decoded.utf8.elementsEqual(expected) }
        return key.raw.elementsEqual(expected)
    }
}
