import Foundation
import Testing
@testable import KnowledgeGraph

/// The query read of a graph JSON (light nodes and edges, the rest read by id) must answer as
/// the whole graph does, and accept and refuse exactly what `GraphJSON.decode` does.
@Suite struct GraphJSONQueryReadTests {
    static func graphs() throws -> [Graph] {
        let (synthetic, _) = SyntheticGraph.knowledgeGraph(nodes: 300, edges: 900, documents: 5, seed: 3)
        return [synthetic, try Fixture.graph(), GraphJSONTests.sample]
    }

    @Test func theLightGraphIsTheWholeOneWithoutText() throws {
        for g in try Self.graphs() {
            let data = try GraphJSON.encode(g)
            let whole = try GraphJSON.decode(data)
            for threads in [1, 3] {
                let read = try GraphJSON.readForQueries(data, file: "g.json", threads: threads, parallelMinimumBytes: 0)
                #expect(read.graph == whole.withoutText())
                #expect(read.counts?.mentions == whole.nodes.reduce(0) { $0 + $1.mentions.count })
                #expect(read.counts?.evidence == whole.edges.reduce(0) { $0 + $1.evidence.count })
                let details = try #require(read.details)
                let edges = try details.edges(withIDs: whole.edges.map(\.id) + ["no-such-edge"])
                #expect(edges == Dictionary(whole.edges.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
                let attributes = try details.nodeAttributes(withIDs: whole.nodes.map(\.id) + ["nobody"])
                #expect(attributes == Dictionary(whole.nodes.map { ($0.id, $0.attributes) }, uniquingKeysWith: { a, _ in a }))
            }
        }
    }

    @Test func queriesAnswerAsFromTheWholeGraph() throws {
        for g in try Self.graphs() {
            let data = try GraphJSON.encode(g)
            let read = try GraphJSON.readForQueries(data)
            let light = GraphQueries(graph: read.graph, details: read.details, factCounts: read.counts)
            let whole = GraphQueries(graph: try GraphJSON.decode(data))
            let ids = g.nodes.map(\.id).sorted()
            for k in stride(from: 0, to: ids.count, by: max(ids.count / 10, 1)) {
                let a = ids[k], b = ids[(k * 7 + 3) % ids.count]
                #expect(try light.paths(from: a, to: b, mode: .allShortest(limit: 20)) == (try whole.paths(from: a, to: b, mode: .allShortest(limit: 20))))
                #expect(try light.neighbourhood(of: a, depth: 2) == (try whole.neighbourhood(of: a, depth: 2)))
                #expect(try light.partners(of: a) == (try whole.partners(of: a)))
                #expect(try light.timeline(of: a) == (try whole.timeline(of: a)))
            }
            #expect(light.stats() == whole.stats())
            #expect(light.components() == whole.components())
            #expect(light.rank(by: .pagerank) == whole.rank(by: .pagerank))
        }
    }

    /// Long arrays read on several threads give what one thread reads, whatever the layout:
    /// pretty-printed, on one line (no guess can be made), and laid out so that the guessed
    /// separators also occur inside the elements (guesses that are not met).
    @Test func readingOnSeveralThreadsGivesTheOneThreadReading() throws {
        let (g, _) = SyntheticGraph.knowledgeGraph(nodes: 400, edges: 2000, documents: 3, seed: 9)
        let pretty = try GraphJSON.encode(g)
        let oneLine = try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: pretty))
        // Every line break followed by the same indentation: nested spans and attributes look
        // like the top-level elements' separators.
        let flat = Data(String(decoding: pretty, as: UTF8.self)
            .split(separator: "\n").map { "  " + $0.drop { $0 == " " } }.joined(separator: "\n").utf8)
        for data in [pretty, oneLine, flat] {
            let plain = try GraphJSON.readForQueries(data, file: "g.json", threads: 1, parallelMinimumBytes: 0)
            #expect(plain.graph == (try GraphJSON.decode(data)).withoutText())
            for threads in [2, 3, 8] {
                let parallel = try GraphJSON.readForQueries(data, file: "g.json", threads: threads, parallelMinimumBytes: 0)
                #expect(parallel.graph == plain.graph, "\(threads) threads")
                #expect(parallel.counts == plain.counts)
                let some = g.edges.map(\.id).enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
                #expect(try parallel.details?.edges(withIDs: some) == (try plain.details?.edges(withIDs: some)))
                #expect(parallel.details != nil)
            }
        }
    }

    /// Errors in the parts the query read only checks (spans, attributes, escapes) refuse the
    /// file with `decode`'s message, as errors elsewhere do.
    @Test func refusesWhatTheWholeReadRefusesInItsWords() {
        let edge = #""id": "e", "type": "visited", "source": "a", "target": "b""#
        let node = #""id": "a", "type": "city", "name": "A""#
        let cases = [
            #"{"edges": [{\#(edge), "evidence": [{"document": "d", "start": 1, "end": 2}]}]}"#,
            #"{"edges": [{\#(edge), "evidence": [{"document": 4, "start": 1, "end": 2, "text": "t"}]}]}"#,
            #"{"edges": [{\#(edge), "evidence": [{"document": "d", "start": 1.5, "end": 2, "text": "t"}]}]}"#,
            #"{"edges": [{\#(edge), "evidence": [{"document": "d", "start": 1, "end": 2, "text": "bad \x escape"}]}]}"#,
            #"{"edges": [{\#(edge), "evidence": {"document": "d"}}]}"#,
            #"{"edges": [{\#(edge), "attributes": {"year": null}}]}"#,
            #"{"edges": [{\#(edge), "attributes": {"year": 1e}}]}"#,
            #"{"edges": [{\#(edge), "attributes": {"note": "\ud800 lone"}}]}"#,
            #"{"nodes": [{\#(node), "attributes": {"country": ["RU"]}}]}"#,
            #"{"nodes": [{\#(node), "mentions": [{"document": "d", "start": 1, "end": 2, "text": "A", "x": tru}]}]}"#,
            "{\"nodes\": [{\(node), \"mentions\": [{\"document\": \"d\", \"start\": 1, \"end\": 2, \"text\": \"a\tb\"}]}]}",
            #"{"nodes": [{"id": "a", "type": "city"}]}"#,
            #"{"edges": [{"id": "e", "type": "visited", "source": "a"}]}"#,
            #"{"nodes": [{\#(node)}], "edges": [{\#(edge), "evidence": [{"document": "d", "start": 1, "end": 2, "text": "ok \"quoted\""}]}]}"#,
            #"{"nodes": [{\#(node), "attributes": {"lat": -1.5e1, "ok": true}}]}"#,
            "{\"nodes\": [", "[1, 2", "{} {}", "",
        ]
        func kind(_ body: () throws -> Void) -> String {
            do { try body(); return "ok" } catch let e as GraphJSONError { return e.description } catch { return "other" }
        }
        for text in cases {
            let data = Data(text.utf8)
            #expect(kind { _ = try GraphJSON.readForQueries(data, file: "f.json") } == kind { _ = try GraphJSON.decode(data, file: "f.json") }, "\(text)")
        }
    }
}

@Suite struct JSONStringScanTests {
    /// The word-at-a-time scan stops where the byte-at-a-time definition does, from every start,
    /// on text dense with quotes, escapes, control characters and multi-byte letters.
    @Test func wordScanEqualsTheByteScan() {
        var rng = SeededGenerator(seed: 5)
        let alphabet: [UInt8] = Array("ab \"\\".utf8) + [0x00, 0x09, 0x1F, 0x20, 0x7F, 0x80, 0xD0, 0xB0, 0xFF]
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 64, 300] {
            for _ in 0..<20 {
                // Long plain runs with a rare stop, so that whole words are skipped too.
                let bytes: [UInt8] = (0..<length).map { _ in
                    Int.random(in: 0..<40, using: &rng) == 0 ? alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] : UInt8(ascii: "x")
                }
                bytes.withUnsafeBufferPointer { buffer in
                    for start in 0...length {
                        #expect(JSONStringScan.end(of: buffer, from: start) == JSONStringScan.plainEnd(of: buffer, from: start))
                    }
                }
            }
        }
    }
}

@Suite struct IDLookupTests {
    /// Binary search on ids in order and the table on ids out of order both find an id's first
    /// position, as `firstIndex(of:)` does, and nothing for an id not listed.
    @Test func findsTheFirstPositionInOrderOrNot() {
        let inOrder = ["a", "b", "b", "c", "Ж", "Ж", "я"]
        let outOfOrder = ["c", "a", "Ж", "b", "a", "я", "b"]
        for ids in [inOrder, outOfOrder, [], ["x"]] {
            let lookup = IDLookup(ids)
            if case .sorted = lookup { #expect(ids == ids.sorted()) }
            for id in Set(ids) + ["absent", "", "zz"] {
                #expect(lookup.first(id, in: ids) == ids.firstIndex(of: id), "\(ids) \(id)")
            }
        }
    }
}
