import KnowledgeGraph

/// Why a request gets no answer: the page shows the message, the API sends it as
/// `{"error": …}`; the status says which kind it is.
enum RequestError: Error, Equatable {
    /// A parameter missing or not understood (400).
    case badRequest(String)
    /// A name that picks out no node or several, a document that does not exist (404).
    case notFound(String)
    /// A query that ran out of its time (503).
    case tooSlow(String)

    var message: String {
        switch self {
        case .badRequest(let m), .notFound(let m), .tooSlow(let m): return m
        }
    }

    /// A query's error about a name, as the CLI words it.
    static func from(_ error: QueryError) -> RequestError {
        switch error {
        case .invalid(let message): return .badRequest(message)
        case .unknownName(let name, let candidates) where candidates.isEmpty:
            return .notFound(name.isEmpty ? "the node name is empty" : "no node is called \"\(name)\", and no name is close to it")
        default: return .notFound(error.description)
        }
    }
}

/// A request's query parameters, decoded as a form sends them (`+` a space, then `%XX`, once);
/// a name given several times (a multiple select) holds its values joined by commas.
struct QueryValues: Sendable {
    var values: [String: String]

    init(_ values: [String: String] = [:]) { self.values = values }

    /// The parameters of a raw query string ("from=%D0%9E%D0%BC%D1%81%D0%BA%D0%B0&k=3").
    init(query: String?) {
        var values: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0]), value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name] = values[name].map { $0 + "," + value } ?? value
        }
        self.values = values
    }

    /// `+` as a space, then percent escapes; a malformed escape is kept as it is.
    static func decode(_ s: Substring) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    subscript(name: String) -> String? {
        guard let v = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }

    /// The value of a required parameter.
    func required(_ name: String) throws(RequestError) -> String {
        guard let v = self[name] else { throw .badRequest("the parameter '\(name)' is missing") }
        return v
    }

    /// An integer parameter within `range`; nil when absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(RequestError) -> Int? {
        guard let v = self[name] else { return nil }
        guard let n = Int(v), range.contains(n) else {
            throw .badRequest("\(name) takes a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }
}
