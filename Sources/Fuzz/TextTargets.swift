import Documents
import Extraction
import Foundation
import KnowledgeGraph
import RussianText

/// The plain-text decoder, detecting and in each forced encoding, strict and lenient.
enum DecoderTarget {
    static func run(_ data: Data) {
        _ = try? DocumentDecoder.decode(data, fileName: "fuzz.txt")
        for encoding in TextEncoding.allCases {
            _ = try? DocumentDecoder.decode(data, fileName: "fuzz.txt", forced: encoding)
        }
        if let lenient = try? DocumentDecoder.decode(data, fileName: "fuzz.txt", forced: .utf8, lenient: true) {
            require(lenient.text.unicodeScalars.count <= data.count, "lenient UTF-8 made more scalars than bytes")
        }
    }
}

/// The sentence splitter: sentences are in order, inside the text, and each one's text (and
/// each token's) is the slice of the text its offsets say.
enum SegmenterTarget {
    static func run(_ data: Data) {
        let text = lossyText(data)
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        for sentence in SentenceSplitter.sentences(text) {
            require(sentence.start >= previousEnd && sentence.start <= sentence.end && sentence.end <= scalars.count,
                    "sentence \(sentence.start)..<\(sentence.end) out of order or outside \(scalars.count) scalars")
            require(slice(scalars, sentence.start, sentence.end) == sentence.text, "sentence text is not its slice")
            for token in sentence.tokens {
                require(token.start >= sentence.start && token.end <= sentence.end, "token outside its sentence")
                require(slice(scalars, token.start, token.end) == token.text, "token text is not its slice")
            }
            previousEnd = sentence.end
        }
    }
}

/// The extractor on one document: every mention and evidence span is the slice of the text at
/// its offsets, every edge joins nodes of the graph, and the graph survives graph JSON.
enum ExtractorTarget {
    nonisolated(unsafe) static var extractor: Extractor?

    static func load() {
        do {
            var loaded = try Extractor.standard()
            loaded.collectsExplanations = false
            extractor = loaded
        } catch {
            FileHandle.standardError.write(Data("twingraph-fuzz: cannot load the extractor: \(error)\n".utf8))
            exit(2)
        }
    }

    static func run(_ data: Data) {
        guard let extractor else { return }
        let text = lossyText(data)
        let graph = extractor.extract(text: text, documentID: "fuzz", path: "fuzz.txt", sha256: "").graph
        let scalars = Array(text.unicodeScalars)
        for span in graph.nodes.flatMap(\.mentions) + graph.edges.flatMap(\.evidence) {
            require(span.start >= 0 && span.start <= span.end && span.end <= scalars.count,
                    "span \(span.start)..<\(span.end) outside \(scalars.count) scalars")
            require(slice(scalars, span.start, span.end) == span.text, "span \(span.start)..<\(span.end) is not its slice")
        }
        let nodeIDs = Set(graph.nodes.map(\.id))
        for edge in graph.edges {
            require(nodeIDs.contains(edge.source) && nodeIDs.contains(edge.target), "edge \(edge.id) joins a missing node")
        }
        GraphJSONTarget.requireRoundTrip(graph)
    }
}

/// The text of scalars `start..<end`.
func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
}
