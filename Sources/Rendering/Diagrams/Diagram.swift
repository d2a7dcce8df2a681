import Foundation
import KnowledgeGraph

/// A diagram ready to be laid out: the DOT graph and the Graphviz engine that suits it.
///
/// Every diagram builder in this folder returns one; `render(_:)` lays it out in-process.
public struct Diagram: Sendable {
    public var dot: DOTGraph
    public var layout: Layout
    /// Every node has its `pos` in points and keeps it (the map): laid out with Graphviz's
    /// "nop" engine unless `render` is given another layout.
    public var pinned: Bool
    /// For a pinned diagram, the graph before its nodes were pinned: what another layout engine
    /// asked for with `render(layout:)` lays out.
    public var free: DOTGraph?

    public init(dot: DOTGraph, layout: Layout, pinned: Bool = false, free: DOTGraph? = nil) {
        self.dot = dot
        self.layout = layout
        self.pinned = pinned
        self.free = free
    }

    /// Lays out and renders the diagram (`layout` may be overridden, e.g. to compare engines).
    /// `dpi` is the resolution of PNG output (Graphviz's default is 96, screen size); the page
    /// size in inches stays the same, so 300 dpi gives about three times as many pixels. It
    /// does not apply to SVG and PDF, which are vector formats.
    public func render(_ format: OutputFormat, layout override: Layout? = nil, dpi: Double? = nil) throws -> Data {
        if pinned, free == nil, let override, override != layout {
            throw RenderError.fixedLayout(override)
        }
        var dot = override.flatMap { _ in free } ?? dot
        if format == .png, let dpi { dot.graphAttributes.append(("dpi", .text(String(format: "%g", dpi)))) }
        return try Graphviz.render(dot: dot.render(), layout: override ?? layout, format: format, pinned: pinned && (override == nil || free == nil))
    }

    /// The resolutions `render` accepts for PNG.
    public static let dpiRange: ClosedRange<Double> = 36...1200
}

/// Why a diagram could not be built; each message says what to do.
public enum DiagramError: Error, CustomStringConvertible, Equatable {
    case unknownNode(String)
    case notAPath(String)
    case noSuchPage(Int, of: Int)

    public var description: String {
        switch self {
        case let .unknownNode(id):
            return "no node '\(id)' in the graph; check the name or id (`twingraph draw network` shows them all)"
        case let .notAPath(why):
            return "the edges given do not form a path: \(why); list edge ids in order from A to B"
        case let .noSuchPage(page, pages):
            return "there is no page \(page): the timeline has \(pages) page\(pages == 1 ? "" : "s") (--page 1\(pages > 1 ? "…\(pages)" : ""))"
        }
    }
}

/// The page: every diagram is scaled down (never up, never distorted) to fit A4 with margins, text sizes are chosen so that
/// the scaled result stays legible (about 8 pt or more on paper for the usual graph sizes).
public enum Page {
    /// Printable area of A4 with 1.5 cm margins, in inches.
    public static let portrait = "7.1,10.5"
    public static let landscape = "10.5,7.1"

    static func attributes(landscape: Bool) -> [(String, DOTValue)] {
        [("size", .text(landscape ? Self.landscape : Self.portrait)),
         ("charset", "UTF-8"), ("fontname", .text(GraphStyle.fontName)), ("pad", "0.2"),
         ("bgcolor", "white")]
    }
}

/// A legend drawn as the graph's own label: Graphviz reserves room for it outside the drawing,
/// so it can never overlap a node, whatever the layout engine.
struct Legend {
    enum Swatch {
        case fill(String)
        case line(colour: String, style: String)
        case text(String)
    }

    struct Item {
        var swatch: Swatch
        var label: String
    }

    var title: String?
    var subtitle: String?
    var items: [Item] = []
    /// Items per row: the legend is a short wide block, so it costs little height on the page.
    var columns = 3

    mutating func add(_ swatch: Swatch, _ label: String) {
        items.append(Item(swatch: swatch, label: label))
    }

    /// An HTML-like label: the title, then a grid of swatches. All text is escaped.
    func html() -> String {
        var rows = ""
        if let title {
            rows += "<TR><TD COLSPAN=\"\(columns * 2)\"><FONT POINT-SIZE=\"18\"><B>\(DOTValue.escapeHTML(title))</B></FONT></TD></TR>"
        }
        if let subtitle {
            rows += "<TR><TD COLSPAN=\"\(columns * 2)\"><FONT POINT-SIZE=\"11\">\(DOTValue.escapeHTML(subtitle))</FONT></TD></TR>"
        }
        if !items.isEmpty {
            var k = 0
            while k < items.count {
                rows += "<TR>"
                for item in items[k..<min(k + columns, items.count)] {
                    rows += swatchCell(item.swatch)
                    rows += "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\">\(DOTValue.escapeHTML(item.label))</FONT></TD>"
                }
                rows += "</TR>"
                k += columns
            }
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">\(rows)</TABLE>"
    }

    private func swatchCell(_ swatch: Swatch) -> String {
        switch swatch {
        case .fill(let colour):
            return "<TD BGCOLOR=\"\(colour)\" BORDER=\"1\" WIDTH=\"28\" HEIGHT=\"14\"> </TD>"
        case let .line(colour, style):
            // HTML-like labels cannot draw dashed rules; the glyphs say the line style instead.
            let glyph: String
            switch style {
            case "dashed": glyph = "╍ ╍ ╍"
            case "dotted": glyph = "┈┈┈"
            case "bold": glyph = "━━━"
            default: glyph = "───"
            }
            return "<TD WIDTH=\"28\"><FONT COLOR=\"\(colour)\" POINT-SIZE=\"12\"><B>\(glyph)</B></FONT></TD>"
        case .text(let s) where s.isEmpty:
            return "<TD WIDTH=\"28\"> </TD>"
        case .text(let s):
            return "<TD WIDTH=\"28\"><FONT POINT-SIZE=\"11\">\(DOTValue.escapeHTML(s))</FONT></TD>"
        }
    }
}

/// Small helpers shared by the diagram builders.
enum DiagramText {
    /// Breaks `s` into lines of about `width` characters at spaces, so long names (universities,
    /// agreements) make tall narrow boxes instead of page-wide ones.
    /// Names longer than this are cut for drawing (the graph keeps them whole): a name of ten
    /// million characters would otherwise stall Graphviz's text layout and fill the page.
    static let longestDrawnName = 120

    /// `s` cut to `limit` characters with an ellipsis if it is longer; looks at no more than
    /// `limit` characters, so it is quick on any input.
    static func truncated(_ s: String, to limit: Int = longestDrawnName) -> String {
        guard let end = s.index(s.startIndex, offsetBy: limit, limitedBy: s.endIndex), end != s.endIndex else { return s }
        let kept = s[..<s.index(before: end)]
        return kept.trimmingCharacters(in: .whitespaces) + "…"
    }

    static func wrap(_ s: String, width: Int = 28) -> String {
        var lines: [String] = []
        var line = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// An HTML-like label drawing `s` in bold. Bold is a weight of the diagram's font, so SVG
    /// says font-family="DejaVu Sans" font-weight="bold" (a family browsers have), never a
    /// family named "DejaVu Sans Bold", which they do not and replace by a serif face.
    static func bold(_ s: String) -> String { "<B>\(DOTValue.escapeHTML(s))</B>" }

    /// The date of an edge as written in the graph (ISO date, else year), or nil.
    static func when(_ edge: Edge) -> String? {
        if let d = edge.attributes["date"]?.stringValue { return d }
        return edge.year.map(String.init)
    }
}

// Prefixed names: the store branch may add similar public helpers to Graph/Edge, and identical
// names in two modules would make every call here ambiguous.
extension Graph {
    /// Edges touching `id`, in id order.
    func diagramEdges(touching id: String) -> [Edge] {
        edges.filter { $0.source == id || $0.target == id }.sorted { $0.id < $1.id }
    }

    /// The graph with every node's name cut to `DiagramText.longestDrawnName` characters, the
    /// form every picture draws; the graph itself keeps the whole names.
    public func namesTruncatedForDrawing() -> Graph {
        var g = self
        for k in g.nodes.indices where g.nodes[k].name.utf8.count > DiagramText.longestDrawnName {
            g.nodes[k].name = DiagramText.truncated(g.nodes[k].name)
        }
        return g
    }

    /// The reporting cities: every document's reporter.
    var diagramReporters: Set<String> { Set(documents.compactMap(\.reporter)) }
}

extension Edge {
    /// The end of the edge that is not `id`.
    func diagramOther(than id: String) -> String { source == id ? target : source }

    var diagramIsPlanned: Bool { attributes["status"]?.stringValue == "planned" }

    /// twinned-with and partner-of: the relations that make two places partners.
    var diagramIsPartnership: Bool { type == .twinnedWith || type == .partnerOf }
}
