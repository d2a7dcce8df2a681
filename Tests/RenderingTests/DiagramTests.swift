import Foundation
import Testing
import KnowledgeGraph
@testable import Rendering

@Suite struct DiagramTests {
    /// Every kind of diagram for the fixture, with its name.
    static func all(_ g: Graph) throws -> [(String, Diagram)] {
        let path = try #require(g.edges.first { $0.id == "twinned-with:city/kaifeng->city/omsk@status=established@year=2019" })
        let path2 = try #require(g.edges.first { $0.id == "visited:city/omsk->city/magdeburg@year=2019" })
        return [
            ("network", NetworkDiagram.make(g)),
            ("ego", try EgoDiagram.make(g, center: "city/omsk")),
            ("ego-planned", try EgoDiagram.make(g, center: "city/blagoveshchensk")),
            ("path", try PathDiagram.make(g, path: [path, path2], from: "city/kaifeng")),
            ("map", MapDiagram.make(g)),
            ("timeline", try TimelineDiagram.make(g, center: "city/omsk")),
        ]
    }

    @Test func everyKindRendersWellFormedSVGWithLegendAndNames() throws {
        let g = try Fixture.graph()
        for (name, diagram) in try Self.all(g) {
            let svg = try diagram.render(.svg)
            #expect(Fixture.parseXML(svg) == nil, "\(name) SVG is not well-formed")
            let text = String(decoding: svg, as: UTF8.self)
            // The legend (graph label) is drawn: its title is there.
            let expectedTitle = ["network": "Сеть партнёрских связей", "ego": "Омск: партнёры и визиты",
                                 "ego-planned": "Благовещенск: партнёры и визиты", "path": "Путь: Кайфын → Магдебург",
                                 "map": "Партнёрские связи на карте", "timeline": "Омск: хронология"][name] ?? "?"
            #expect(text.contains(expectedTitle), "\(name) lacks its legend title")
            let expectedName = name == "ego-planned" ? "Пхенсон" : "Кайфын"
            #expect(text.contains(expectedName), "\(name) lacks \(expectedName)")
        }
    }

    /// Browsers have no family "DejaVu Sans Bold" and fall back to serif; bold must be a weight.
    @Test func boldIsAWeightOfARealFamily() throws {
        let g = try Fixture.graph()
        for (name, diagram) in try Self.all(g) {
            let text = String(decoding: try diagram.render(.svg), as: UTF8.self)
            #expect(!text.contains("Bold\""), "\(name) names a bold family")
            let families = Set(text.matches(of: /font-family="([^"]*)"/).map { String($0.output.1) })
            #expect(families.allSatisfy { $0 == GraphStyle.fontName }, "\(name) uses families \(families)")
            guard name != "timeline" else { continue }
            // The reporting city (ego centre, path ends, map and network reporters) is bold.
            let bold = text.matches(of: /<text[^>]*font-weight="bold"[^>]*>([^<]*)</).map { String($0.output.1) }
            let expected = name == "ego-planned" ? "Благовещенск" : (name == "path" ? "Кайфын" : "Омск")
            #expect(bold.contains(expected), "\(name): \(expected) not bold; bold texts \(bold)")
        }
    }

    @Test func pngAndPDFRender() throws {
        let g = try Fixture.graph()
        for (name, diagram) in try Self.all(g) {
            let png = try diagram.render(.png)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) PNG magic")
            #expect(png.count > 10_000, "\(name) PNG too small to hold a picture")
            let pdf = try diagram.render(.pdf)
            #expect(pdf.starts(with: Array("%PDF".utf8)), "\(name) PDF magic")
        }
    }

    @Test func noNodeDrawnOverAnother() throws {
        let g = try Fixture.graph()
        for (name, diagram) in try Self.all(g) {
            let laidOut = String(decoding: try diagram.render(.dot), as: UTF8.self)
            let boxes = LaidOut.boxes(laidOut)
            #expect(boxes.count >= (name == "timeline" ? 1 : 5), "\(name): could not read node boxes")
            // Map grid points are invisible helpers of zero size; they are skipped by size. On the
            // map, two points may coincide (twin towns across a river): geography, not layout.
            var clashes = LaidOut.overlaps(boxes)
            if name == "map" { clashes = clashes.filter { !($0.0.hasPrefix("p") && $0.1.hasPrefix("p")) } }
            #expect(clashes.isEmpty, "\(name): overlapping nodes \(clashes)")
        }
    }

    @Test func hostileNamesAreEscapedInEverySVG() throws {
        let g = Fixture.hostile()
        let diagrams: [(String, Diagram)] = [
            ("network", NetworkDiagram.make(g)),
            ("ego", try EgoDiagram.make(g, center: "city/evil")),
            ("path", try PathDiagram.make(g, path: [g.edges[0]], from: g.edges[0].source)),
            ("map", MapDiagram.make(g)),
            ("timeline", try TimelineDiagram.make(g, center: "city/evil")),
        ]
        for (name, diagram) in diagrams {
            let svg = try diagram.render(.svg)
            #expect(Fixture.parseXML(svg) == nil, "\(name) SVG is not well-formed")
            let text = String(decoding: svg, as: UTF8.self)
            #expect(!text.contains("<script"), "\(name) lets a script tag through")
            #expect(!text.contains("<b>Страна"), "\(name) lets markup through")
            #expect(text.contains("&lt;script&gt;"), "\(name) lost the hostile name")
            // The DOT-syntax name stays one node with its exact label (no node named "a" or "b").
            let dotText = diagram.dot.render()
            #expect(!dotText.contains("\n  a -> b"), "\(name) DOT was injected")
        }
    }

    @Test func egoDrawsPlannedDashedAndColoursByCountry() throws {
        let g = try Fixture.graph()
        let ego = try EgoDiagram.make(g, center: "city/blagoveshchensk")
        func attr(_ a: [(String, DOTValue)], _ key: String) -> String? {
            for (k, v) in a where k == key { if case .text(let s) = v { return s } }
            return nil
        }
        let dashed = ego.dot.edges.filter { attr($0.attributes, "style") == "dashed" }
        #expect(dashed.count == 4)  // Жиджао, Якутск, Танджин, Пхенсон
        let heihe = try #require(ego.dot.nodes.first { attr($0.attributes, "tooltip") == "Хэйхэ" })
        let blago = try #require(ego.dot.nodes.first { attr($0.attributes, "tooltip") == "Благовещенск" })
        let cn = try #require(attr(heihe.attributes, "fillcolor")), ru = try #require(attr(blago.attributes, "fillcolor"))
        #expect(cn != ru && cn != CountryPalette.unknown)
        // Every place of the same country has its fill.
        for node in ego.dot.nodes where attr(node.attributes, "fillcolor") == cn {
            let name = attr(node.attributes, "tooltip") ?? ""
            #expect(g.nodes.first { $0.name == name }?.country == "CN", "\(name) coloured as China")
        }
        // The year label: "с 2003" on established twins.
        #expect(ego.dot.edges.contains { attr($0.attributes, "label") == "с 2003" })
    }

    @Test func egoOfUnknownNodeFails() throws {
        #expect(throws: DiagramError.unknownNode("city/nowhere")) {
            try EgoDiagram.make(try Fixture.graph(), center: "city/nowhere")
        }
    }

    @Test func networkClustersByCountryAndEmphasisesReporters() throws {
        let g = try Fixture.graph()
        let d = NetworkDiagram.make(g)
        #expect(Set(d.dot.clusters.map(\.id)) == ["CN", "DE", "KP", "KR", "KZ", "RU"])
        let emphasised = d.dot.nodes.filter { $0.attributes.contains { $0.0 == "penwidth" } }
        #expect(emphasised.count == 2)
        // Only places: no person, event or organisation.
        #expect(!d.dot.render().contains("Фадина"))
    }

    @Test func timelineFactsByYear() throws {
        let facts = TimelineDiagram.facts(try Fixture.graph(), center: "city/omsk")
        #expect(Set(facts.map(\.year)) == [2009, 2019, 2020])
        #expect(facts.first == TimelineDiagram.Fact(year: 2009, date: "2009", type: .twinnedWith,
                                                    text: "установлены побратимские связи: Кайфын"))
        #expect(facts.contains { $0.date == "2019-10" && $0.text == "визит: Омск → Кайфын" })
        // Year by year; in a year, dated facts first, then those known only by the year.
        #expect(facts.map(\.year) == facts.map(\.year).sorted())
        for year in Set(facts.map(\.year)) {
            let inYear = facts.filter { $0.year == year }
            let undatedFrom = inYear.firstIndex { $0.date == String(year) } ?? inYear.count
            #expect(inYear[undatedFrom...].allSatisfy { $0.date == String(year) }, "\(year): an undated fact before a dated one")
            #expect(inYear[..<undatedFrom].map(\.date) == inYear[..<undatedFrom].map(\.date).sorted())
        }
        // Бёрде's visit of August 2019 is also in the graph without its month: shown once.
        #expect(facts.filter { $0.text == "визит: Бёрде → Омск" }.map(\.date) == ["2019-08"])
    }

    /// Two yearly reports naming the same partners: each relation is one fact, not one a year.
    @Test func timelineOverTwoYearsStatesEachRelationOnce() throws {
        let facts = TimelineDiagram.facts(try Fixture.twoYears(), center: "city/omsk")
        let partners = facts.filter { $0.text.hasPrefix("партнёры: ") || $0.text.hasPrefix("побратимы: ") }
        #expect(!partners.isEmpty)
        let names = partners.map { $0.text.split(separator: " (")[0] }
        #expect(names.count == Set(names).count, "repeated: \(names)")
        #expect(partners.contains { $0.year == 2019 && $0.text == "партнёры: Ангарск (также 2020)" })
        // Кайфын's twinning is stated where it began (2009), not again in 2019 and 2020.
        #expect(!facts.contains { $0.text.hasPrefix("побратимы: Кайфын") })
        #expect(facts.contains { $0.year == 2009 && $0.text == "установлены побратимские связи: Кайфын" })
    }

    /// Two yearly reports: one line per partner and relation, its years joined ("2019, 2020").
    @Test func egoOverTwoYearsDrawsOneLinePerRelation() throws {
        let ego = try EgoDiagram.make(try Fixture.twoYears(), center: "city/omsk")
        func text(_ a: [(String, DOTValue)], _ key: String) -> String? {
            for (k, v) in a where k == key { if case .text(let s) = v { return s } }
            return nil
        }
        let angarsk = try #require(ego.dot.nodes.first { text($0.attributes, "tooltip") == "Ангарск" }?.id)
        let lines = ego.dot.edges.filter { $0.target == angarsk && text($0.attributes, "dir") == "none" }
        #expect(lines.count == 1)
        #expect(lines.first.flatMap { text($0.attributes, "label") ?? text($0.attributes, "headlabel") } == "2019, 2020")
        let pairs = ego.dot.edges.map { "\($0.target)|\(text($0.attributes, "color") ?? "")|\(text($0.attributes, "style") ?? "")" }
        #expect(pairs.count == Set(pairs).count, "a relation drawn twice")
        _ = try ego.render(.svg)
    }

    /// `dpi` scales PNG pixels and leaves the vector formats alone.
    @Test func pngResolutionFollowsDPI() throws {
        let diagram = NetworkDiagram.make(try Fixture.graph())
        func width(_ png: Data) -> Int { png[16..<20].reduce(0) { $0 << 8 | Int($1) } }
        let screen = width(try diagram.render(.png)), print = width(try diagram.render(.png, dpi: 300))
        #expect(screen > 300)
        #expect(abs(Double(print) / Double(screen) - 300.0 / 96) < 0.05, "96 dpi: \(screen) px, 300 dpi: \(print) px")
        #expect(try diagram.render(.svg, dpi: 300) == diagram.render(.svg))
    }

    @Test func yearLists() {
        #expect(YearList.text([2020, 2019]) == "2019, 2020")
        #expect(YearList.text([2013, 2011, 2012, 2019, 2019]) == "2011–2013, 2019")
        #expect(YearList.text([]) == "")
    }

    /// The path picture is the same on every call (the pinned layout leaves Graphviz only the
    /// routing of its lines).
    @Test func pathIsReproducible() throws {
        let g = try Fixture.graph()
        let a = try #require(g.edges.first { $0.id == "twinned-with:city/kaifeng->city/omsk@status=established@year=2019" })
        let first = try PathDiagram.make(g, path: [a], from: "city/kaifeng").render(.svg)
        _ = try NetworkDiagram.make(LargeDiagramTests.bigGraph()).render(.png)
        #expect(try PathDiagram.make(g, path: [a], from: "city/kaifeng").render(.svg) == first)
    }

    @Test func pathMustBeConnected() throws {
        let g = try Fixture.graph()
        let a = try #require(g.edges.first { $0.id == "twinned-with:city/kaifeng->city/omsk@status=established@year=2019" })
        let b = try #require(g.edges.first { $0.type == .twinnedWith && $0.source == "city/blagoveshchensk" })
        #expect(try PathDiagram.nodeSequence([a], from: "city/kaifeng") == ["city/kaifeng", "city/omsk"])
        #expect(throws: DiagramError.self) { try PathDiagram.nodeSequence([a, b], from: "city/kaifeng") }
        let d = try PathDiagram.make(g, path: [a], from: "city/omsk")
        let red = d.dot.edges.filter { $0.attributes.contains { $0.0 == "color" && $0.1.isRed } }
        #expect(red.count == 1)
    }

    @Test func mapPinsPlacesAtProjectedCoordinates() throws {
        let g = try Fixture.graph()
        let d = MapDiagram.make(g)
        let laidOut = String(decoding: try d.render(.dot), as: UTF8.self)
        let boxes = Dictionary(LaidOut.boxes(laidOut).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Points keep their pinned positions: Omsk (73°E) lies west of Kaifeng (114°E) and north of it.
        func point(_ name: String) throws -> LaidOut.Box {
            let node = try #require(d.dot.nodes.first { n in n.id.hasPrefix("p") && n.attributes.contains { $0.0 == "tooltip" && $0.1.plain == name } })
            return try #require(boxes[node.id])
        }
        let omsk = try point("Омск"), kaifeng = try point("Кайфын"), kaliningrad = try point("Калининград")
        #expect(omsk.x < kaifeng.x && omsk.y > kaifeng.y)
        #expect(kaliningrad.x < omsk.x)
        // Countries are areas: no point for them.
        #expect(!d.dot.nodes.contains { n in n.attributes.contains { $0.0 == "tooltip" && $0.1.plain == "Германия" } })
    }

    @Test func labelPlacerKeepsNamesApart() {
        var placer = LabelPlacer()
        let points = [(1.0, 1.0), (1.02, 1.01), (1.05, 0.98), (1.01, 1.04)]
        for p in points { placer.blockPoint(x: p.0, y: p.1, radius: 0.07) }
        var boxes: [LabelPlacer.Box] = []
        for (k, p) in points.enumerated() {
            let spot = placer.place(x: p.0, y: p.1, radius: 0.07, text: "Город \(k)", fontSize: 12)
            let w = Double("Город \(k)".count) * 12 * 0.64 / 72 + 0.08, h = 12 * 1.25 / 72 + 0.04
            boxes.append(LabelPlacer.Box(minX: spot.x - w / 2, minY: spot.y - h / 2, maxX: spot.x + w / 2, maxY: spot.y + h / 2))
        }
        for i in boxes.indices { for j in boxes.indices where j > i { #expect(!boxes[i].overlaps(boxes[j])) } }
    }

    @Test func countryPaletteIsSizedToThePictureAndReproducible() {
        for n in [1, 3, 10, 12, 24, 45, 60] {
            let codes = CountryNames.russian.keys.sorted().prefix(n).map { Optional($0) }
            let palette = CountryPalette(codes + [nil, ""])
            let fills = codes.map { palette.fill($0) }
            #expect(Set(fills).count == n, "\(n) countries share colours")
            #expect(!fills.contains(CountryPalette.unknown))
            #expect(CountryPalette(codes.reversed()).fills == palette.fills, "order of appearance changed colours")
            // Light enough for dark text: every channel-weighted luma above a half.
            for fill in fills {
                let v = Int(fill.dropFirst(), radix: 16) ?? 0
                let luma = 0.299 * Double(v >> 16) + 0.587 * Double((v >> 8) & 255) + 0.114 * Double(v & 255)
                #expect(luma > 128, "\(fill) too dark for labels")
            }
            // No two fills nearly alike: at least a visible distance apart in RGB. (Beyond about
            // 45 countries the light colours run out; they stay distinct but some come close.)
            guard n <= 45 else { continue }
            let rgb = fills.map { f -> [Double] in
                let v = Int(f.dropFirst(), radix: 16) ?? 0
                return [Double(v >> 16), Double((v >> 8) & 255), Double(v & 255)]
            }
            for i in rgb.indices { for j in rgb.indices where j > i {
                let d = zip(rgb[i], rgb[j]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
                #expect(d > 25, "\(fills[i]) and \(fills[j]) look alike among \(n)")
            } }
        }
        #expect(CountryPalette(["cn"]).fill("CN") == CountryPalette(["CN"]).fill("cn"))
        #expect(CountryPalette(["CN"]).fill(nil) == CountryPalette.unknown)
    }

    /// The legend names every country (Тайвань, not a bare TW) even without a country node,
    /// has one distinct fill per country, and names every node shape drawn.
    @Test func legendNamesEveryCountryAndShapeWithDistinctFills() throws {
        var g = try Fixture.graph()
        let span = Span(document: g.documents[0].id, start: 0, end: 1, text: "x")
        g.nodes.append(Node(id: "city/taipei", type: .city, name: "Тайбэй", attributes: ["country": "TW"], mentions: [span]))
        g.nodes.append(Node(id: "region/x", type: .region, name: "Провинция Икс", attributes: ["country": "CN"], mentions: [span]))
        g.edges.append(Edge(type: .partnerOf, source: "city/omsk", target: "city/taipei", attributes: ["year": 2019], evidence: [span]))
        g.edges.append(Edge(type: .partnerOf, source: "city/omsk", target: "region/x", attributes: ["year": 2019], evidence: [span]))
        for (name, diagram) in [("network", NetworkDiagram.make(g)), ("ego", try EgoDiagram.make(g, center: "city/omsk"))] {
            guard let (_, label) = diagram.dot.graphAttributes.last(where: { $0.0 == "label" }), case .html(let html) = label else {
                Issue.record("\(name) has no legend"); continue
            }
            #expect(html.contains("Тайвань (TW)"), "\(name) legend lacks Тайвань")
            #expect(!html.contains(">TW<"), "\(name) legend has a bare code")
            #expect(html.contains("овал — город") && html.contains("шестиугольник — регион"), "\(name) legend lacks shapes")
            let fills = html.matches(of: /BGCOLOR="([^"]+)"/).map { String($0.output.1) }
            #expect(fills.count >= 5 && Set(fills).count == fills.count, "\(name) legend fills repeat: \(fills)")
            _ = try diagram.render(.svg)
        }
    }

    /// The committed table of country names is the gazetteer's (Rendering cannot import it).
    @Test func countryNamesAgreeWithTheGazetteer() throws {
        let tsv = try String(contentsOf: Fixture.root.appendingPathComponent("Sources/Gazetteer/Resources/places.tsv"), encoding: .utf8)
        var fromGazetteer: [String: String] = [:]
        for line in tsv.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f.count > 3, f[1] == "country", !f[3].isEmpty { fromGazetteer[String(f[3])] = String(f[2]) }
        }
        #expect(fromGazetteer.count > 200)
        #expect(CountryNames.russian == fromGazetteer)
    }
}

extension DOTValue {
    var plain: String? { if case .text(let s) = self { return s } else { return nil } }
    var isRed: Bool { plain == "#d62728" }
}

@Suite struct LargeDiagramTests {
    /// Five reporting cities and 60 partners in eight countries: bigger than any one report.
    static func bigGraph() -> Graph {
        let span = Span(document: "d", start: 0, end: 1, text: "x")
        let countries = ["CN", "DE", "KZ", "KR", "JP", "MN", "US", "FR"]
        var nodes = (0..<5).map { Node(id: "city/r\($0)", type: .city, name: "Отчётный город \($0)",
                                       attributes: ["country": "RU", "lat": .double(50 + Double($0)), "lon": .double(80 + 10 * Double($0))], mentions: [span]) }
        var edges: [Edge] = []
        for k in 0..<60 {
            let id = "city/p\(k)"
            nodes.append(Node(id: id, type: .city, name: "Партнёр номер \(k)",
                              attributes: ["country": .string(countries[k % countries.count]),
                                           "lat": .double(30 + Double(k % 7) * 4), "lon": .double(Double(k) * 2.3)], mentions: [span]))
            let type: EdgeType = k % 3 == 0 ? .twinnedWith : (k % 3 == 1 ? .partnerOf : .visited)
            edges.append(Edge(type: type, source: "city/r\(k % 5)", target: id, attributes: ["year": .int(2000 + k % 20)], evidence: [span]))
            if k < 40 { edges.append(Edge(type: .partnerOf, source: "city/r0", target: id, attributes: ["since": .int(1990 + k % 20)], evidence: [span])) }
        }
        return Graph(documents: (0..<5).map { Document(id: "d\($0)", path: "d.txt", sha256: "0", reporter: "city/r\($0)") },
                     nodes: nodes, edges: edges)
    }

    @Test func largeNetworkSwitchesToNeatoAndKeepsNodesApart() throws {
        let d = NetworkDiagram.make(Self.bigGraph())
        #expect(d.layout == .neato)
        let text = String(decoding: try d.render(.dot), as: UTF8.self)
        let boxes = LaidOut.boxes(text)
        // 65 places, plus one name label per country that gathers its places
        let countries = Set(Self.bigGraph().nodes.compactMap(\.country))
        #expect(boxes.count == 65 + countries.count)
        // reproducible: the same graph lays out the same way
        #expect(try d.render(.svg) == NetworkDiagram.make(Self.bigGraph()).render(.svg))
        let clashes = LaidOut.overlaps(boxes)
        #expect(clashes.isEmpty, "\(clashes)")
        #expect(Fixture.parseXML(try d.render(.svg)) == nil)
    }

    /// Each country's name is written beside one of its own places: the gap between the name's
    /// box and the nearest place of the country is within a line of text, not a stretch of the page.
    @Test func largeNetworkWritesEachCountryByItsPlaces() throws {
        let g = Self.bigGraph()
        let d = NetworkDiagram.make(g)
        let boxes = Dictionary(LaidOut.boxes(String(decoding: try d.render(.dot), as: UTF8.self)).map { ($0.id, $0) },
                               uniquingKeysWith: { a, _ in a })
        let labels = d.dot.nodes.filter { $0.id.hasPrefix("country") }
        #expect(labels.count == Set(g.nodes.compactMap(\.country)).count)
        let names = CountryPalette.names(in: g)
        for label in labels {
            let text = try #require(label.attributes.first { $0.0 == "label" }?.1.plain)
            let code = try #require(names.first { $0.value == text }?.key)
            let own = d.dot.nodes.filter { n in n.id.hasPrefix("n") && n.attributes.contains { $0.0 == "fillcolor" } }
                .filter { n in g.nodes.sorted { $0.id < $1.id }.filter { $0.country == code }.contains { node in
                    n.attributes.contains { $0.0 == "tooltip" && $0.1.plain == node.name } } }
            let box = try #require(boxes[label.id])
            let gaps = own.compactMap { boxes[$0.id] }.map { p in
                max(abs(p.x - box.x) - (p.w + box.w) / 2, abs(p.y - box.y) - (p.h + box.h) / 2)
            }
            // Within about one line of the name (15 pt): beside a place, not across the page.
            #expect((gaps.min() ?? .infinity) < 24, "\(text) is \(gaps.min() ?? -1) pt from its nearest place")
        }
    }

    /// Lines keep off the places they do not join: the drawn network has far fewer edge–node
    /// crossings than neato's own layout with straight lines.
    @Test func largeNetworkKeepsLinesOffOtherNodes() throws {
        let d = NetworkDiagram.make(Self.bigGraph())
        let places = Set(d.dot.nodes.filter { $0.id.hasPrefix("n") }.map(\.id))
        let drawn = LaidOut.crossings(String(decoding: try d.render(.dot), as: UTF8.self), nodes: places)
        var neato = try #require(d.free)
        neato.graphAttributes = neato.graphAttributes.filter { $0.0 != "splines" } + [("splines", "line")]
        let onePass = LaidOut.crossings(String(decoding: try Diagram(dot: neato, layout: .neato).render(.dot), as: UTF8.self), nodes: places)
        #expect(onePass > 0, "the test graph has no crossing to avoid")
        #expect(drawn * 3 <= onePass, "\(drawn) crossings, neato alone \(onePass)")
    }

    @Test func lineClearanceMovesANodeOffALine() {
        let boxes = ["a": NodeBox(x: 0, y: 0, width: 40, height: 20), "b": NodeBox(x: 300, y: 0, width: 40, height: 20),
                     "m": NodeBox(x: 150, y: 3, width: 60, height: 24), "far": NodeBox(x: 150, y: 200, width: 60, height: 24)]
        #expect(LineClearance.push(boxes["m"]!, offSegmentFrom: boxes["a"]!, to: boxes["b"]!, margin: 5) != nil)
        let cleared = LineClearance.clear(boxes, edges: [("a", "b")])
        #expect(LineClearance.push(cleared["m"]!, offSegmentFrom: cleared["a"]!, to: cleared["b"]!, margin: 5) == nil)
        #expect(cleared["m"]!.y > 3, "pushed to its own side")
        #expect(cleared["a"]! == boxes["a"]! && cleared["far"]! == boxes["far"]!)
    }

    /// A PNG for print at 300 dpi is wide enough to fill a landscape A4 page's printable width
    /// (at least 8 inches: 2400 pixels).
    @Test func largeNetworkAt300DPIIsAtLeast2400PixelsWide() throws {
        let png = try NetworkDiagram.make(Self.bigGraph()).render(.png, dpi: 300)
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width >= 2400, "\(width) px")
    }

    @Test func denseEgoKeepsNodesApart() throws {
        let d = try EgoDiagram.make(Self.bigGraph(), center: "city/r0")
        let boxes = LaidOut.boxes(String(decoding: try d.render(.dot), as: UTF8.self))
        #expect(boxes.count == 45)  // the city, its 40 partners of r0 and the 4 of k % 5 == 0 beyond 40
        let clashes = LaidOut.overlaps(boxes)
        #expect(clashes.isEmpty, "\(clashes)")
    }
}

@Suite struct TimelineDateTests {
    @Test func shortDates() {
        #expect(TimelineDiagram.shortDate("2019-08") == "авг.")
        #expect(TimelineDiagram.shortDate("2019-09-29") == "29.09")
        #expect(TimelineDiagram.shortDate("2019") == "")
        #expect(TimelineDiagram.shortDate("2019-13") == "")
    }
}
