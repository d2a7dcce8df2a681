import Documents
import Foundation
import Testing
import Extraction
import KnowledgeGraph

/// Offsets are Unicode scalars of the text exactly as decoded, whatever its line breaks; the
/// `text` of every mention and evidence is that slice of it.
@Suite struct LineEndingOffsetTests {
    /// A small deterministic generator, so that a failing mutant can be found again by its seed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D1_049B_133E_11EB
            return z ^ (z >> 31)
        }
    }

    static let breaks = ["\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\n"]

    /// The report with each line break replaced by a random kind of break, and a few spaces
    /// turned into breaks or doubled, as mangled exports do.
    static func mutant(of text: String, seed: UInt64) -> String {
        var rng = SplitMix(state: seed)
        var out = ""
        for c in text.unicodeScalars {
            if c == "\n" {
                out += breaks.randomElement(using: &rng)!
            } else if c == " ", Int.random(in: 0..<40, using: &rng) == 0 {
                out += Int.random(in: 0..<2, using: &rng) == 0 ? breaks.randomElement(using: &rng)! : "  "
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Reads `text` as a .txt file would be read and extracts it.
    static func extractAsFile(_ text: String, id: String) throws -> (decoded: String, graph: Graph) {
        let extractor = try #require(sharedExtractor)
        let read = try DocumentReader.read(Data(text.utf8), path: id + ".txt")
        return (read.text, extractor.extract(text: read.text, documentID: id, path: id + ".txt", sha256: "").graph)
    }

    /// Every span of `graph` is the slice of `text` its offsets say.
    static func expectSpansAreSlices(_ graph: Graph, of text: String, _ label: String) {
        let scalars = Array(text.unicodeScalars)
        let spans = graph.nodes.flatMap(\.mentions) + graph.edges.flatMap(\.evidence)
        #expect(!spans.isEmpty, "\(label): no spans")
        for s in spans {
            guard s.start >= 0, s.start <= s.end, s.end <= scalars.count else {
                Issue.record("\(label): span \(s.start)..<\(s.end) outside a text of \(scalars.count)")
                continue
            }
            let slice = String(String.UnicodeScalarView(scalars[s.start..<s.end]))
            #expect(slice == s.text, "\(label): \(s.start)..<\(s.end)")
        }
    }

    @Test func aCRLFReportHasTheSameFactsAndItsSpansMatch() throws {
        let lf = try corpusText("tomsk-2011")
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let (decoded, graph) = try Self.extractAsFile(crlf, id: "tomsk-2011")
        #expect(decoded == crlf, "the decoder keeps CRLF")
        Self.expectSpansAreSlices(graph, of: crlf, "tomsk CRLF")
        let plain = try Self.extractAsFile(lf, id: "tomsk-2011").graph
        #expect(Set(graph.edges.map(\.id)) == Set(plain.edges.map(\.id)))
        #expect(Set(graph.nodes.map(\.id)) == Set(plain.nodes.map(\.id)))
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func mutatedLineBreaksKeepEverySpanExact(seed: UInt64) throws {
        let report = ["omsk-2019", "tomsk-2011", "irkutsk-2009"][Int(seed) % 3]
        let text = Self.mutant(of: try corpusText(report), seed: seed)
        let (decoded, graph) = try Self.extractAsFile(text, id: report)
        #expect(decoded == text)
        Self.expectSpansAreSlices(graph, of: decoded, "\(report) seed \(seed)")
        #expect(graph.edges.count > 5, "\(report) seed \(seed): the mutant still yields facts")
    }
}
