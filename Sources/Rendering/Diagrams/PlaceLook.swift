import KnowledgeGraph

/// How places and relations look in every diagram of this folder, so that a reader who learnt
/// one picture can read the others: fill = country, shape = node type, line = relation.
enum PlaceLook {
    /// DOT attributes for a node: shape from its type, fill from its country (places, in the
    /// picture's `palette`) or type.
    static func attributes(_ node: Node, palette: CountryPalette, emphasised: Bool = false, wrapWidth: Int = 24) -> [(String, DOTValue)] {
        let look = GraphStyle.look(node.type)
        let fill = node.type.isPlace ? palette.fill(node.country) : look.fill
        let wrapped = DiagramText.wrap(node.name, width: wrapWidth)
        var attrs: [(String, DOTValue)] = [
            ("label", emphasised ? .html(DiagramText.bold(wrapped)) : .text(wrapped)),
            ("shape", .text(look.shape)), ("style", "filled"), ("fillcolor", .text(fill)),
            ("tooltip", .text(node.name)),
        ]
        if emphasised {
            attrs += [("penwidth", "3.5"), ("fontsize", "17")]
        }
        return attrs
    }

    /// The kind of line drawn between two places.
    enum Relation: Int, Comparable {
        case twinned = 0, twinnedPlanned, partner, partnerPlanned, visit

        static func < (a: Relation, b: Relation) -> Bool { a.rawValue < b.rawValue }

        init?(_ edge: Edge) {
            switch edge.type {
            case .twinnedWith: self = edge.diagramIsPlanned ? .twinnedPlanned : .twinned
            case .partnerOf: self = edge.diagramIsPlanned ? .partnerPlanned : .partner
            case .visited: self = .visit
            default: return nil
            }
        }

        var colour: String {
            switch self {
            case .twinned, .twinnedPlanned: return GraphStyle.look(EdgeType.twinnedWith).color
            case .partner, .partnerPlanned: return GraphStyle.look(EdgeType.partnerOf).color
            case .visit: return GraphStyle.look(EdgeType.visited).color
            }
        }

        var style: String {
            switch self {
            case .twinned: return "bold"
            case .twinnedPlanned, .partnerPlanned: return "dashed"
            case .partner, .visit: return "solid"
            }
        }

        var penwidth: String {
            switch self {
            case .twinned, .twinnedPlanned: return "2.5"
            case .partner, .partnerPlanned: return "1.8"
            case .visit: return "1"
            }
        }

        var label: String {
            switch self {
            case .twinned: return "побратимы"
            case .twinnedPlanned: return "побратимы (планируется)"
            case .partner: return "партнёры"
            case .partnerPlanned: return "партнёры (планируется)"
            case .visit: return "визиты"
            }
        }

        var edgeAttributes: [(String, DOTValue)] {
            [("color", .text(colour)), ("style", .text(style)), ("penwidth", .text(penwidth))]
        }
    }

    /// The name of each node shape, for the legend: HTML-like labels cannot draw the shapes.
    static func shapeName(_ type: NodeType) -> String {
        switch type {
        case .city: return "овал"
        case .region: return "шестиугольник"
        case .country: return "двойной восьмиугольник"
        case .organisation: return "прямоугольник"
        case .person: return "домик"
        case .event: return "листок"
        }
    }

    /// Legend rows for the relations drawn, the node shapes used (`shapes`: the types of the
    /// nodes drawn with `attributes`) and the countries of `countries` in the picture's `palette`,
    /// each with its Russian name.
    static func legend(title: String?, subtitle: String? = nil, countries: [String?], names: [String: String],
                       palette: CountryPalette, relations: [Relation], shapes: [NodeType], extra: [Legend.Item] = []) -> Legend {
        var legend = Legend(title: title, subtitle: subtitle)
        for r in Set(relations).sorted() { legend.add(.line(colour: r.colour, style: r.style), r.label) }
        legend.items += extra
        addShapes(of: shapes, to: &legend)
        addCountries(countries, names: names, palette: palette, to: &legend)
        return legend
    }

    /// One legend row per node type drawn: its shape's name (and its fill, for the types that are
    /// not coloured by country).
    static func addShapes(of types: [NodeType], to legend: inout Legend) {
        for t in Set(types).sorted() {
            let look = GraphStyle.look(t)
            legend.add(t.isPlace ? .text("") : .fill(look.fill), "\(shapeName(t)) — \(look.label)")
        }
    }

    /// One legend row per country, by name, its code in brackets; "unknown" last.
    static func addCountries(_ countries: [String?], names: [String: String], palette: CountryPalette, to legend: inout Legend) {
        let codes = Set(countries.map { $0?.uppercased() ?? "" }).sorted { a, b in
            // Known countries by name; "unknown" last.
            if a.isEmpty != b.isEmpty { return !a.isEmpty }
            return (names[a] ?? a) < (names[b] ?? b)
        }
        for code in codes {
            let label = code.isEmpty ? "страна не указана" : (names[code].map { "\($0) (\(code))" } ?? code)
            legend.add(.fill(palette.fill(code)), label)
        }
    }
}

/// The line between two places in the network and the map: the strongest relation between
/// them, and for visits, which way they went.
struct PlacePair {
    var a: String
    var b: String
    var relation: PlaceLook.Relation
    var visitsAtoB = false
    var visitsBtoA = false

    var edgeAttributes: [(String, DOTValue)] {
        var attrs = relation.edgeAttributes
        if relation == .visit {
            attrs.append(("dir", .text(visitsAtoB && visitsBtoA ? "both" : (visitsAtoB ? "forward" : "back"))))
        } else {
            attrs.append(("dir", "none"))
        }
        return attrs
    }

    /// Every pair of distinct places joined by a partnership (or a visit), sorted by ids.
    static func all(in g: Graph, includeVisits: Bool) -> [PlacePair] {
        let byID = g.nodesByID
        var pairs: [String: PlacePair] = [:]
        for edge in g.edges {
            guard let relation = PlaceLook.Relation(edge),
                  let s = byID[edge.source], let t = byID[edge.target], s.type.isPlace, t.type.isPlace,
                  s.id != t.id else { continue }
            if relation == .visit && !includeVisits { continue }
            let (a, b) = s.id < t.id ? (s.id, t.id) : (t.id, s.id)
            let key = a + "\u{0}" + b
            var pair = pairs[key] ?? PlacePair(a: a, b: b, relation: relation)
            pair.relation = min(pair.relation, relation)
            if relation == .visit {
                if edge.source == a { pair.visitsAtoB = true } else { pair.visitsBtoA = true }
            }
            pairs[key] = pair
        }
        return pairs.keys.sorted().compactMap { pairs[$0] }
    }
}
