import Foundation
import KnowledgeGraph

extension CityAppendix {
    /// The file stem used for everything written about this city ("omsk").
    public var slug: String { Slug.make(city.id) }

    /// A footnote as one line: the quoted sentence, its document and where in it.
    func sourceLine(_ note: Footnote) -> String {
        var where_ = note.span.document
        if let path = note.path { where_ += " (\(path))" }
        return "«\(Escape.oneLine(note.span.text))» — \(where_), символы \(note.span.start)–\(note.span.end)"
    }

    /// The reports the appendix is built from, each by its title (its file name when it has
    /// none), year and file: "По отчётам: «Отчёт о международной деятельности», 2019 (omsk-2019.txt)."
    var subtitle: String {
        let docs = documents.map { d -> String in
            let file = (d.path as NSString).lastPathComponent
            let title = d.title.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
            var text = title.map { "«\(Escape.oneLine($0))»" } ?? file
            if let year = d.year { text += ", \(year)" }
            if title != nil { text += " (\(file))" }
            return text
        }
        return docs.isEmpty ? "Источников нет." : "По отчётам: " + docs.joined(separator: "; ") + "."
    }

    // MARK: Markdown

    /// The appendix as Markdown: tables with footnote references (`[^1]`), the diagram as an
    /// image link to `diagramFile` (an SVG written beside the Markdown file), sources at the end.
    public func markdown(diagramFile: String?) -> String {
        var md = "# \(Escape.markdown(title))\n\n\(Escape.markdown(subtitle))\n\n"
        if let diagramFile {
            md += "## Схема связей\n\n![\(Escape.markdown("\(city.name): партнёры и визиты"))](\(diagramFile.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? diagramFile))\n\n"
        }
        for (k, table) in tables.enumerated() {
            md += "## \(k + 1). \(Escape.markdown(table.title))\n\n"
            guard !table.rows.isEmpty else { md += "Нет данных.\n\n"; continue }
            md += "| № | " + table.columns.map(Escape.markdown).joined(separator: " | ") + " | Источник |\n"
            md += "|---:|" + table.columns.map { _ in "---" }.joined(separator: "|") + "|---|\n"
            for (i, row) in table.rows.enumerated() {
                let refs = row.footnotes.map { "[^\($0)]" }.joined(separator: " ")
                md += "| \(i + 1) | " + row.cells.map(Escape.markdown).joined(separator: " | ") + " | \(refs) |\n"
            }
            md += "\n"
        }
        if !footnotes.isEmpty {
            md += "## Источники\n\n"
            for note in footnotes { md += "[^\(note.number)]: \(Escape.markdown(sourceLine(note)))\n" }
        }
        return md
    }

    // MARK: HTML

    /// The appendix as a standalone XHTML page (also valid HTML5), the diagram inline as SVG,
    /// with a stylesheet that prints on A4.
    public func html(svg: String?) -> String {
        var h = """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="ru" xml:lang="ru">
        <head>
        <meta charset="utf-8"/>
        <title>\(Escape.html(title))</title>
        <style>\(Self.stylesheet)</style>
        </head>
        <body>
        <h1>\(Escape.html(title))</h1>
        <p class="meta">\(Escape.html(subtitle))</p>

        """
        if let svg {
            h += "<figure class=\"diagram\">\n\(Self.inlineSVG(svg))\n<figcaption>Схема связей: \(Escape.html(city.name)), партнёры и визиты</figcaption>\n</figure>\n"
        }
        for (k, table) in tables.enumerated() {
            h += "<section class=\"table\" id=\"\(table.id)\">\n<h2>\(k + 1). \(Escape.html(table.title))</h2>\n"
            guard !table.rows.isEmpty else { h += "<p class=\"empty\">Нет данных.</p>\n</section>\n"; continue }
            h += "<table>\n<thead><tr><th class=\"n\">№</th>"
            h += table.columns.map { "<th>\(Escape.html($0))</th>" }.joined()
            h += "<th class=\"src\">Источник</th></tr></thead>\n<tbody>\n"
            for (i, row) in table.rows.enumerated() {
                h += "<tr><td class=\"n\">\(i + 1)</td>"
                for (column, cell) in zip(table.columns, row.cells) {
                    // Dates stay on one line: "2019-\n08" reads as two numbers.
                    h += column == "Дата" ? "<td class=\"date\">\(Escape.html(cell))</td>" : "<td>\(Escape.html(cell))</td>"
                }
                h += "<td class=\"src\">" + row.footnotes.map { "<a href=\"#src-\($0)\">[\($0)]</a>" }.joined(separator: " ") + "</td></tr>\n"
            }
            h += "</tbody>\n</table>\n</section>\n"
        }
        if !footnotes.isEmpty {
            h += "<section class=\"sources\">\n<h2>Источники</h2>\n<ol>\n"
            for note in footnotes {
                var where_ = "<cite>\(Escape.html(note.span.document))</cite>"
                if let path = note.path { where_ += " (\(Escape.html(path)))" }
                h += "<li id=\"src-\(note.number)\"><q>\(Escape.html(Escape.oneLine(note.span.text)))</q> — \(where_), символы \(note.span.start)–\(note.span.end)</li>\n"
            }
            h += "</ol>\n</section>\n"
        }
        h += "</body>\n</html>\n"
        return h
    }

    /// Graphviz's SVG without its XML declaration, DOCTYPE and comments, so it can sit inside a
    /// page; it scales to the page width.
    static func inlineSVG(_ svg: String) -> String {
        var s = svg
        for (open, close) in [("<?xml", "?>"), ("<!DOCTYPE", ">"), ("<!--", "-->")] {
            while let a = s.range(of: open), let b = s.range(of: close, range: a.upperBound..<s.endIndex) {
                s.removeSubrange(a.lowerBound..<b.upperBound)
            }
        }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let stylesheet = """

    body { font-family: "DejaVu Sans", "PT Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.35;
           max-width: 60em; margin: 2em auto; padding: 0 1em; color: #111; }
    h1 { font-size: 18pt; margin-bottom: 0.2em; }
    h2 { font-size: 14pt; margin-top: 1.4em; border-bottom: 1px solid #999; }
    .meta { color: #555; }
    table { border-collapse: collapse; width: calc(100% - 2px); font-size: 10pt; }
    th, td { border: 1px solid #aaa; padding: 3px 5px; text-align: left; vertical-align: top; }
    th { background: #eee; }
    td.n, th.n { text-align: right; width: 2em; }
    td.src, td.date { white-space: nowrap; }
    td.src { font-size: 9pt; }
    figure.diagram { margin: 1em 0; text-align: center; }
    figure.diagram svg { max-width: 100%; height: auto; }
    figcaption { font-size: 9pt; color: #555; }
    .sources ol { font-size: 9pt; padding-left: 2.5em; }
    .sources q { quotes: "«" "»"; }
    .empty { color: #777; font-style: italic; }
    @page { size: A4 portrait; margin: 15mm 15mm 18mm 20mm; }
    @media print {
      body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
      a { color: inherit; text-decoration: none; }
      h2 { break-after: avoid; page-break-after: avoid; }
      thead { display: table-header-group; }
      tr, li { break-inside: avoid; page-break-inside: avoid; }
      figure.diagram { break-inside: avoid; page-break-inside: avoid; }
      figure.diagram svg { max-height: 240mm; }
    }

    """

    // MARK: CSV

    /// One CSV file per table, keyed by file name (`omsk-partners.csv`…): UTF-8 with a byte-order
    /// mark (so spreadsheet programs read Cyrillic right), CRLF line ends, and for each row its
    /// sources as `document:start-end` and the quoted sentences.
    public func csvFiles() -> [(name: String, contents: String)] {
        let byNumber = Dictionary(footnotes.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        return tables.map { table in
            var lines = [(["№"] + table.columns + ["Источник", "Цитата"]).map(Escape.csv).joined(separator: ",")]
            for (i, row) in table.rows.enumerated() {
                let notes = row.footnotes.compactMap { byNumber[$0] }
                let sources = notes.map { "\($0.span.document):\($0.span.start)-\($0.span.end)" }.joined(separator: "; ")
                let quotes = notes.map { Escape.oneLine($0.span.text) }.joined(separator: " | ")
                lines.append(([String(i + 1)] + row.cells + [sources, quotes]).map(Escape.csv).joined(separator: ","))
            }
            return ("\(slug)-\(table.id).csv", "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n")
        }
    }
}
