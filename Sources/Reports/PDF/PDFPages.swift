import CPangoCairo
import CPoppler
import Foundation

/// A4 pages written top to bottom: paragraphs laid out by pango (wrapping, Cyrillic shaping,
/// DejaVu Sans), ruled tables whose header row repeats on every page they run onto, and
/// embedded PDF drawings (Graphviz's, kept as vectors), on a cairo PDF surface in memory.
/// A new page starts whenever the next block does not fit; every page gets its number.
final class PDFPages {
    /// A4 in points, margins as the HTML appendix's @page rule (15 mm, left 20 mm, bottom 18 mm).
    static let width = 595.28, height = 841.89
    static let left = 56.7, right = 42.5, top = 42.5, bottom = 51.0
    var contentWidth: Double { Self.width - Self.left - Self.right }

    private final class Sink { var data = Data() }
    private let sink = Sink()
    private let surface: OpaquePointer
    private let cr: OpaquePointer
    /// Distance from the top margin to where the next block goes.
    private(set) var y = 0.0
    private var page = 1

    init() {
        let write: cairo_write_func_t = { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        surface = cairo_pdf_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), Self.width, Self.height)
        cr = cairo_create(surface)
    }

    /// Ends the document and returns the PDF.
    func finish() throws -> Data {
        pageNumber()
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw AppendixPDFError.cairo(String(cString: cairo_status_to_string(status)))
        }
        return sink.data
    }

    // MARK: Text

    struct Font {
        var size: Double
        var bold = false
        var colour: (Double, Double, Double) = (0.07, 0.07, 0.07)
        static let body = Font(size: 10)
        static let small = Font(size: 8.5)
        static let cell = Font(size: 9)
        static let headerCell = Font(size: 9, bold: true)
    }

    /// The width of `text` on one line, in points (the wider of its cell and header fonts).
    func width(of text: String, font: Font) -> Double {
        [font, Font(size: font.size, bold: true)].map { f -> Double in
            guard let layout = layout(text, font: f, width: -1) else { return 0 }
            defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
            var w: Int32 = 0, h: Int32 = 0
            pango_layout_get_size(layout, &w, &h)
            return Double(w) / Double(PANGO_SCALE)
        }.max() ?? 0
    }

    /// A pango layout of `text` wrapped to `width` points.
    private func layout(_ text: String, font: Font, width: Double) -> OpaquePointer? {
        guard let layout = pango_cairo_create_layout(cr) else { return nil }
        // Font sizes are points on the page: a resolution of 72 per inch (pango assumes 96).
        pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72)
        pango_layout_context_changed(layout)
        let description = pango_font_description_from_string("DejaVu Sans \(font.bold ? "Bold " : "")\(font.size)")
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, width < 0 ? -1 : Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_text(layout, text, -1)
        return layout
    }

    private func height(of layout: OpaquePointer) -> Double {
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return Double(h) / Double(PANGO_SCALE)
    }

    private func draw(_ layout: OpaquePointer, x: Double, y: Double, font: Font) {
        cairo_set_source_rgb(cr, font.colour.0, font.colour.1, font.colour.2)
        cairo_move_to(cr, Self.left + x, Self.top + y)
        pango_cairo_show_layout(cr, layout)
    }

    /// A paragraph across the text width, `space` points below the previous block.
    func paragraph(_ text: String, font: Font = .body, space: Double = 6, keepWithNext: Double = 0) {
        guard let layout = layout(text, font: font, width: contentWidth) else { return }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let h = height(of: layout)
        y += space
        ensure(h + keepWithNext)
        draw(layout, x: 0, y: y, font: font)
        y += h
    }

    // MARK: Drawings

    /// A one-page PDF (a Graphviz diagram) scaled to the text width and at most `maxHeight`
    /// points high, centred.
    func drawing(pdf: Data, maxHeight: Double) throws {
        let bytes = pdf.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(bytes) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(bytes, nil, &error) else {
            let message = error.map { String(cString: $0.pointee.message) } ?? "unreadable"
            if let error { g_error_free(error) }
            throw AppendixPDFError.diagram(message)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        guard let page = poppler_document_get_page(document, 0) else { throw AppendixPDFError.diagram("no page") }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var w = 0.0, h = 0.0
        poppler_page_get_size(page, &w, &h)
        guard w > 0, h > 0 else { throw AppendixPDFError.diagram("an empty page") }
        let scale = min(contentWidth / w, maxHeight / h)
        y += 8
        ensure(h * scale)
        cairo_save(cr)
        cairo_translate(cr, Self.left + (contentWidth - w * scale) / 2, Self.top + y)
        cairo_scale(cr, scale, scale)
        poppler_page_render_for_printing(page, cr)
        cairo_restore(cr)
        y += h * scale
    }

    // MARK: Tables

    /// A ruled table: `widths` in points (summing to the text width), a grey header row that
    /// is repeated at the top of each page the table continues on. A row never splits.
    func table(header: [String], rows: [[String]], widths: [Double]) {
        let padding = 3.0  // the column widths leave 7 points: 3 each side and one to spare
        func layouts(_ cells: [String], font: Font) -> (cells: [OpaquePointer], height: Double) {
            let made = zip(cells, widths).compactMap { layout($0, font: font, width: $1 - 2 * padding) }
            return (made, (made.map(height(of:)).max() ?? 0) + 2 * padding)
        }
        func drawRow(_ row: (cells: [OpaquePointer], height: Double), font: Font, shaded: Bool) {
            var x = 0.0
            for (cell, w) in zip(row.cells, widths) {
                cairo_rectangle(cr, Self.left + x, Self.top + y, w, row.height)
                if shaded {
                    cairo_set_source_rgb(cr, 0.93, 0.93, 0.93)
                    cairo_fill_preserve(cr)
                }
                cairo_set_source_rgb(cr, 0.6, 0.6, 0.6)
                cairo_set_line_width(cr, 0.5)
                cairo_stroke(cr)
                draw(cell, x: x + padding, y: y + padding, font: font)
                x += w
            }
            y += row.height
        }
        let headerFont = Font.headerCell
        let head = layouts(header, font: headerFont)
        defer { head.cells.forEach { g_object_unref(UnsafeMutableRawPointer($0)) } }
        y += 4
        ensure(head.height * 2)
        drawRow(head, font: headerFont, shaded: true)
        for cells in rows {
            let row = layouts(cells, font: .cell)
            defer { row.cells.forEach { g_object_unref(UnsafeMutableRawPointer($0)) } }
            if ensure(row.height) { drawRow(head, font: headerFont, shaded: true) }
            drawRow(row, font: .cell, shaded: false)
        }
    }

    // MARK: Pages

    /// Starts a new page unless `needed` points still fit on this one; true if it did.
    @discardableResult
    func ensure(_ needed: Double) -> Bool {
        guard y > 0, Self.top + y + needed > Self.height - Self.bottom else { return false }
        pageNumber()
        cairo_show_page(cr)
        page += 1
        y = 0
        return true
    }

    private func pageNumber() {
        guard let layout = layout("\(page)", font: .small, width: contentWidth) else { return }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        cairo_set_source_rgb(cr, 0.4, 0.4, 0.4)
        cairo_move_to(cr, Self.left, Self.height - Self.bottom + 14)
        pango_cairo_show_layout(cr, layout)
    }
}

/// Why the appendix could not be written as PDF.
public enum AppendixPDFError: Error, CustomStringConvertible {
    case cairo(String)
    case diagram(String)

    public var description: String {
        switch self {
        case .cairo(let why): return "cairo could not write the PDF: \(why)"
        case .diagram(let why): return "the diagram's PDF could not be embedded: \(why)"
        }
    }
}
