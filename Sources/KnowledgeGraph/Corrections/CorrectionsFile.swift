import Foundation

/// A corrections file: one correction a line, fields separated by tabs, `#` starting a comment
/// line; applied in the order written.
///
///     reject	twinned-with:city/omsk->city/nis
///     set	visited:person/x->city/y@year=2019	role	guest
///     merge	city/kaifeng	city/kayfyn	Кайфын
///     rename	person/fadina	Ольга Фадина
public struct CorrectionsFile: Sendable, Hashable {
    public var corrections: [Correction]

    public init(corrections: [Correction] = []) {
        self.corrections = corrections
    }

    /// A line that is not a correction, with its number (from 1).
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    static let header = """
        # TwinGraph corrections, applied in this order after every extraction (`twingraph correct`
        # writes them). One a line, tab-separated:
        #   reject FACT-ID | set FACT-ID KEY VALUE | merge KEPT-NODE MERGED-NODE [KEPT-NAME] | rename NODE NAME

        """

    /// Parses the file's text; the first bad line fails the whole file, so that a half-read
    /// file is never applied.
    public static func parse(_ text: String) throws -> CorrectionsFile {
        var out: [Correction] = []
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            do {
                out.append(try correction(fields))
            } catch let reason as Reason {
                throw ParseError(line: k + 1, reason: reason.text)
            }
        }
        return CorrectionsFile(corrections: out)
    }

    struct Reason: Error { var text: String }

    /// A correction from its fields, checked.
    public static func correction(_ fields: [String]) throws -> Correction {
        func need(_ n: Int, _ usage: String, optional: Int = 0) throws {
            guard (n + 1...n + 1 + optional).contains(fields.count), fields.dropFirst().allSatisfy({ !$0.isEmpty }) else {
                throw Reason(text: "\(fields[0]) takes \(usage), tab-separated")
            }
        }
        switch fields.first ?? "" {
        case "reject":
            try need(1, "a fact id")
            return .reject(fact: fields[1])
        case "set":
            try need(3, "a fact id, a key and a value")
            guard Correction.settableKeys.contains(fields[2]) else {
                throw Reason(text: "set changes \(Correction.settableKeys.joined(separator: ", ")), not '\(fields[2])'")
            }
            if Correction.yearKeys.contains(fields[2]), Int(fields[3]) == nil {
                throw Reason(text: "\(fields[2]) takes a year, not '\(fields[3])'")
            }
            return .set(fact: fields[1], key: fields[2], value: fields[3])
        case "merge":
            try need(2, "the kept node's id, the merged node's id and optionally the kept node's name", optional: 1)
            guard fields[1] != fields[2] else { throw Reason(text: "merge takes two different nodes") }
            return .merge(kept: fields[1], merged: fields[2], keptName: fields.count > 3 ? fields[3] : nil)
        case "rename":
            try need(2, "a node id and its new name")
            return .rename(node: fields[1], name: fields[2])
        case let verb:
            throw Reason(text: "unknown correction '\(verb)'; corrections are reject, set, merge and rename")
        }
    }

    /// The file's text: the header, then a line per correction.
    public func text() -> String {
        CorrectionsFile.header + corrections.map { ([$0.verb] + $0.fields).joined(separator: "\t") + "\n" }.joined()
    }
}
