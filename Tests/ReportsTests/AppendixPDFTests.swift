import CPoppler
import Foundation
import Testing
import KnowledgeGraph
import Rendering
@testable import Reports

@Suite struct AppendixPDFTests {
    /// The text of every page, read back with poppler.
    static func pages(_ pdf: Data) throws -> [(text: String, width: Double, height: Double)] {
        let bytes = pdf.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(bytes) }
        let document = try #require(poppler_document_new_from_bytes(bytes, nil, nil))
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        return (0..<poppler_document_get_n_pages(document)).compactMap { k in
            guard let page = poppler_document_get_page(document, k) else { return nil }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            var w = 0.0, h = 0.0
            poppler_page_get_size(page, &w, &h)
            let text = poppler_page_get_text(page).map { p in defer { g_free(p) }; return String(cString: p) } ?? ""
            return (text, w, h)
        }
    }

    /// Two years of Omsk: A4 pages, numbered, the partners' table naming each partner once,
    /// the diagram embedded as text-bearing vectors, the sources listed.
    @Test func twoYearsOfOmskPrintOnA4WithEachPartnerOnce() throws {
        let g = try Fixture.twoYears()
        let a = try CityAppendix(graph: g, cityID: "city/omsk")
        let pdf = try a.pdf(diagramPDF: try EgoDiagram.make(g, center: "city/omsk").render(.pdf))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let pages = try Self.pages(pdf)
        #expect(pages.count >= 2)
        #expect(pages.allSatisfy { abs($0.width - 595.28) < 1 && abs($0.height - 841.89) < 1 })
        let text = pages.map(\.text).joined(separator: "\n")
        #expect(text.contains("Приложение. Международные связи: Омск"))
        #expect(text.contains("Омск: партнёры и визиты"), "the diagram's title is not in the PDF")
        let start = try #require(text.range(of: "1. Города-партнёры и побратимы"))
        let end = try #require(text.range(of: "2. Визиты делегаций"))
        let partnersText = text[start.upperBound..<end.lowerBound]
        for name in AppendixTests.omskPartners {
            #expect(partnersText.components(separatedBy: name).count - 1 == 1, "\(name) is not listed exactly once")
        }
        #expect(partnersText.contains("2020"), "the second year is missing")
        #expect(text.contains("Источники"))
        for (k, page) in pages.enumerated() {
            #expect(page.text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("\(k + 1)"), "page \(k + 1) has no number")
        }
    }

    /// A column no row fills goes; the others keep their order and cells.
    @Test func alwaysEmptyColumnsGo() throws {
        let span = Span(document: "d", start: 0, end: 1, text: "x")
        let g = Graph(documents: [Document(id: "d", path: "d.txt", sha256: "0", reporter: "city/a")], nodes: [
            Node(id: "city/a", type: .city, name: "Первоград"), Node(id: "city/b", type: .city, name: "Второград"),
        ], edges: [
            Edge(type: .visited, source: "city/a", target: "city/b", attributes: ["year": 2021], evidence: [span]),
            Edge(type: .visited, source: "city/b", target: "city/a", attributes: ["year": 2022], evidence: [span]),
        ])
        let a = try CityAppendix(graph: g, cityID: "city/a")
        #expect(a.visits.columns == ["Дата", "Направление", "Кто"])
        #expect(a.visits.rows.map(\.cells) == [["2021", "выезд: Первоград → Второград", "Первоград"],
                                              ["2022", "приезд: Второград → Первоград", "Второград"]])
        // The partners' table has no row: its columns stay, for the "no data" line.
        #expect(a.partners.columns.count == 6)
        #expect(!a.html(svg: nil).contains("Цель"))
    }
}
