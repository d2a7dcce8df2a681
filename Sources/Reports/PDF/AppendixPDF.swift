import Foundation
import KnowledgeGraph

extension CityAppendix {
    /// The appendix as a PDF for print (A4): the same title, reports, diagram, tables and
    /// numbered sources as the HTML appendix, laid out in-process by `PDFPages`. `diagramPDF`
    /// is the ego diagram as Graphviz renders it to PDF; it is embedded as vectors.
    public func pdf(diagramPDF: Data?) throws -> Data {
        let pages = PDFPages()
        pages.paragraph(title, font: .init(size: 16, bold: true), space: 0)
        pages.paragraph(subtitle, font: .init(size: 9.5, colour: (0.33, 0.33, 0.33)))
        if let diagramPDF {
            try pages.drawing(pdf: diagramPDF, maxHeight: 520)
            pages.paragraph("Схема связей: \(city.name), партнёры и визиты", font: .init(size: 8.5, colour: (0.33, 0.33, 0.33)), space: 4)
        }
        for (k, table) in tables.enumerated() {
            pages.paragraph("\(k + 1). \(table.title)", font: .init(size: 13, bold: true), space: 16, keepWithNext: 40)
            guard !table.rows.isEmpty else {
                pages.paragraph("Нет данных.", font: .init(size: 10, colour: (0.45, 0.45, 0.45)))
                continue
            }
            let header = ["№"] + table.columns + ["Источник"]
            let rows = table.rows.enumerated().map { i, row in
                [String(i + 1)] + row.cells + [row.footnotes.map { "[\($0)]" }.joined(separator: " ")]
            }
            pages.table(header: header, rows: rows, widths: Self.columnWidths(header: header, rows: rows, total: pages.contentWidth,
                                                                  measure: { pages.width(of: $0, font: PDFPages.Font.cell) }))
        }
        if !footnotes.isEmpty {
            pages.paragraph("Источники", font: .init(size: 13, bold: true), space: 16, keepWithNext: 30)
            for note in footnotes {
                pages.paragraph("[\(note.number)] \(sourceLine(note))", font: .init(size: 8.5), space: 3)
            }
        }
        return try pages.finish()
    }

    /// Column widths in points: the number column narrow; every other column at least as wide
    /// as its longest word (measured, so no word is broken), and what is left shared by how
    /// wide its texts are (each counted up to 200 points, so one long cell does not starve
    /// the rest). `measure` gives a text's width on one line.
    static func columnWidths(header: [String], rows: [[String]], total: Double, measure: (String) -> Double) -> [Double] {
        let padding = 7.0
        let texts = header.indices.map { k in [header[k]] + rows.map { k < $0.count ? $0[k] : "" } }
        let minimum = texts.map { column in
            (column.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\n" }) }.map { measure(String($0)) }.max() ?? 0) + padding
        }
        let weights = texts.enumerated().map { k, column in k == 0 ? 0 : column.map { min(measure($0), 200) }.max() ?? 0 }
        let needed = minimum.reduce(0, +)
        let squeeze = needed > total ? total / needed : 1
        let extra = max(0, total - needed)
        let sum = max(weights.reduce(0, +), 1)
        return header.indices.map { k in minimum[k] * squeeze + extra * weights[k] / sum }
    }
}
