import Foundation
import Testing
import KnowledgeGraph
@testable import GraphStore

/// Runs the built `twingraph` binary (it sits beside the test bundle).
enum Binary {
    static var url: URL {
        var dir = Bundle.main.bundleURL
        if dir.pathExtension == "xctest" { dir.deleteLastPathComponent() }
        return dir.appendingPathComponent("twingraph")
    }
}

@Suite struct KilledIngestTests {
    /// A document's graph big enough that ingesting several takes a noticeable time.
    static func documentGraph(_ k: Int, nodes: Int) -> Graph {
        let doc = Document(id: "doc-\(k)", path: "doc-\(k).txt", sha256: "sha-\(k)", reporter: "city/c0", year: 2000 + k)
        var ns: [Node] = [], es: [Edge] = []
        for i in 0..<nodes {
            let span = Span(document: doc.id, start: i * 10, end: i * 10 + 5, text: "город\(i)")
            ns.append(Node(id: "city/c\(i)", type: .city, name: "Город \(i)", mentions: [span]))
            if i > 0 {
                es.append(Edge(type: .partnerOf, source: "city/c\(i)", target: "city/c\((i * 7 + k) % i)",
                               attributes: ["year": .int(2000 + k)], evidence: [span]))
            }
        }
        return Graph(documents: [doc], nodes: ns, edges: es)
    }

    @Test func aKilledIngestLeavesASoundStoreWithWholeDocuments() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("twingraph-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let storePath = dir.appendingPathComponent("graph.sqlite").path
        var files: [String] = []
        var expected: [String: Graph] = [:]
        for k in 0..<16 {
            let g = Self.documentGraph(k, nodes: 1000)
            let url = dir.appendingPathComponent("doc-\(k).json")
            try GraphJSON.encode(g).write(to: url)
            files.append(url.path)
            expected["doc-\(k)"] = g.sorted()
        }
        let p = Process()
        p.executableURL = Binary.url
        p.arguments = ["ingest", "--graph-json", "--store", storePath] + files
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // Kill it (SIGKILL: no chance to clean up) as soon as the first document is reported.
        var seen = ""
        while !seen.contains("ingest 1/") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal, "the ingest finished before it could be killed")

        let store = try GraphStore(path: storePath)
        #expect(try store.integrityProblems().isEmpty)
        let stored = try store.contributions()
        #expect(!stored.isEmpty)
        #expect(stored.count < files.count)
        for part in stored {
            let id = part.documents.first?.id ?? ""
            #expect(part == expected[id], "document \(id) is stored incompletely")
        }
        // Running the same ingest again completes the store.
        let again = Process()
        again.executableURL = Binary.url
        again.arguments = ["ingest", "--graph-json", "--store", storePath] + files
        again.standardError = FileHandle.nullDevice
        try again.run()
        again.waitUntilExit()
        #expect(again.terminationStatus == 0)
        #expect(try store.documents().count == files.count)
    }
}
