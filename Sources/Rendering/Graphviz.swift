import CGraphviz
import Foundation

/// Graphviz layout engines TwinGraph uses.
public enum Layout: String, CaseIterable, Sendable {
    case dot, neato, fdp, sfdp, circo, twopi
}

/// Output formats.
public enum OutputFormat: String, CaseIterable, Sendable {
    case svg, png, pdf, dot

    /// The Graphviz renderer name: cairo for bitmaps and PDF so that Cyrillic text is shaped by pango.
    var graphvizName: String {
        switch self {
        case .svg: return "svg"
        case .png: return "png:cairo"
        case .pdf: return "pdf:cairo"
        case .dot: return "dot"
        }
    }

    /// Guesses the format from a file name's extension.
    public init?(fileName: String) {
        let ext = (fileName as NSString).pathExtension.lowercased()
        switch ext {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "dot", "gv": self = .dot
        default: return nil
        }
    }
}

/// What went wrong inside Graphviz, with the messages it reported.
public enum RenderError: Error, CustomStringConvertible {
    case parse(messages: [String])
    case layout(Layout, messages: [String])
    case render(OutputFormat, messages: [String])
    case noPlugin(String)
    case fixedLayout(Layout)

    public var description: String {
        switch self {
        case let .parse(m): return "Graphviz could not read the generated DOT: " + Self.join(m)
        case let .layout(l, m): return "Graphviz layout '\(l.rawValue)' failed: " + Self.join(m)
        case let .render(f, m): return "Graphviz could not render \(f.rawValue): " + Self.join(m)
        case let .fixedLayout(l):
            return "this diagram places every node itself (at its coordinates, or in rows); --layout \(l.rawValue) does not apply to it"
        case let .noPlugin(what):
            return "Graphviz has no plugin for \(what); install libgraphviz-dev (scripts/setup.sh does)"
        }
    }

    private static func join(_ m: [String]) -> String {
        m.isEmpty ? "no message" : m.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: "; ")
    }
}

/// Lays out and renders DOT text in-process through libgvc. No process is spawned.
///
/// Graphviz keeps global state (its error handler, the last error), so every call is
/// serialised by one lock; messages Graphviz reports are collected and become `RenderError`s
/// instead of being printed.
public enum Graphviz {
    nonisolated(unsafe) private static var messages: [String] = []
    private static let lock = NSLock()

    private static let collector: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
        if let text { Graphviz.messages.append(String(cString: text)) }
        return 0
    }

    /// One Graphviz context for the process, used under `lock`. A context per picture freed its
    /// plugins, and the pango plugin's font cache then pointed at freed memory: the second picture
    /// of a process read it (found by scripts/fuzz.sh dot, AddressSanitizer).
    nonisolated(unsafe) private static let context = gvContext()

    /// Lays out `dot` with `layout` and renders it as `format`. With `pinned`, every node and
    /// `_background` drawing already has its place in points and Graphviz only routes the edges
    /// (its "nop" engine, `neato -n`): neato would move a picture whose nodes are all pinned to
    /// centre them, away from a background drawn in the same coordinates.
    public static func render(dot: String, layout: Layout, format: OutputFormat, pinned: Bool = false) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        messages = []
        let previous = agseterrf(collector)
        defer { agseterrf(previous) }

        guard let gvc = context else { throw RenderError.noPlugin("a context") }
        guard let graph = DeterministicRead.graph(from: dot) else {
            throw RenderError.parse(messages: messages)
        }
        defer { agclose(graph) }
        guard gvLayout(gvc, graph, pinned ? "nop" : layout.rawValue) == 0 else {
            throw RenderError.layout(layout, messages: messages)
        }
        defer { gvFreeLayout(gvc, graph) }
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(gvc, graph, format.graphvizName, &buffer, &length) == 0, let buffer else {
            throw RenderError.render(format, messages: messages)
        }
        defer { gvFreeRenderData(buffer) }
        try failOnReportedErrors(format)
        return Data(bytes: buffer, count: Int(length))
    }

    /// Where `layout` puts each node of `dot`: centre, width and height in points, by node name.
    /// For diagrams laid out in two passes: the first finds the places, the second draws them
    /// pinned with what depends on where they are (the network's country names).
    public static func nodeBoxes(dot: String, layout: Layout) throws -> [String: NodeBox] {
        lock.lock()
        defer { lock.unlock() }
        messages = []
        let previous = agseterrf(collector)
        defer { agseterrf(previous) }

        guard let gvc = context else { throw RenderError.noPlugin("a context") }
        guard let graph = DeterministicRead.graph(from: dot) else {
            throw RenderError.parse(messages: messages)
        }
        defer { agclose(graph) }
        guard gvLayout(gvc, graph, layout.rawValue) == 0 else {
            throw RenderError.layout(layout, messages: messages)
        }
        defer { gvFreeLayout(gvc, graph) }
        // Rendering as DOT writes the layout into the nodes' pos, width and height attributes.
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(gvc, graph, "dot", &buffer, &length) == 0, let buffer else {
            throw RenderError.render(.dot, messages: messages)
        }
        gvFreeRenderData(buffer)
        try failOnReportedErrors(.dot)
        var boxes: [String: NodeBox] = [:]
        var node = agfstnode(graph)
        while let n = node {
            if let name = agnameof(UnsafeMutableRawPointer(n)), let box = NodeBox(
                pos: attribute(n, "pos"), width: attribute(n, "width"), height: attribute(n, "height")) {
                boxes[String(cString: name)] = box
            }
            node = agnxtnode(graph, n)
        }
        return boxes
    }

    private static func attribute(_ node: UnsafeMutablePointer<Agnode_t>, _ name: String) -> String? {
        var key = Array(name.utf8CString)
        return key.withUnsafeMutableBufferPointer { k in
            agget(UnsafeMutableRawPointer(node), k.baseAddress).map { String(cString: $0) }
        }
    }

    private static func failOnReportedErrors(_ format: OutputFormat) throws {
        // Graphviz reports some errors (a malformed HTML-like label, say) and still renders,
        // silently dropping what it could not read: that is a failure, not a picture.
        let errors = messages.filter { $0.hasPrefix("Error") }
        if !errors.isEmpty { throw RenderError.render(format, messages: errors) }
    }
}

/// A laid-out node: centre, width and height in points.
public struct NodeBox: Sendable, Equatable {
    public var x, y, width, height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    /// From Graphviz's attributes: pos "x,y" in points, width and height in inches.
    init?(pos: String?, width: String?, height: String?) {
        guard let xy = pos?.split(separator: ",").compactMap({ Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "!"))) }),
              xy.count >= 2, let w = width.flatMap(Double.init), let h = height.flatMap(Double.init) else { return nil }
        self.init(x: xy[0], y: xy[1], width: w * 72, height: h * 72)
    }
}
