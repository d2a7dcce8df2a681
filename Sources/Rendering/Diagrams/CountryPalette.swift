import Foundation
import KnowledgeGraph

/// The fills of the countries in one picture: as many clearly different colours as the picture
/// has countries, so that no two countries look alike (a fixed palette of a dozen colours made
/// Китай and Швейцария the same). The colours are chosen from light candidates spread over the
/// OKLCH colour space (perceptually even: equal distances look equally different) by
/// farthest-point sampling: each next colour is the candidate farthest from all chosen so far,
/// so a picture of 40 countries still has no near-twins, and one of three gets three very
/// different hues. All candidates are light enough for dark text. Countries take the colours in
/// code order and ties go to the first candidate, so the same set of countries always gets the
/// same colours: output is reproducible byte for byte.
public struct CountryPalette: Sendable {
    /// Places whose country is not known.
    public static let unknown = "#f0f0f0"

    /// Country code (upper case) → fill, `#rrggbb`.
    public let fills: [String: String]

    /// A palette for the countries `codes` (ISO 3166-1 alpha-2, any case; nil and "" are unknown).
    public init(_ codes: some Sequence<String?>) {
        let distinct = Set(codes.compactMap { $0?.uppercased() }.filter { !$0.isEmpty }).sorted()
        let chosen = Self.farthestPoints(distinct.count)
        var fills: [String: String] = [:]
        for (code, colour) in zip(distinct, chosen) { fills[code] = colour.hex }
        self.fills = fills
    }

    /// A candidate fill: OKLCH lightness, chroma and hue (degrees).
    struct Colour {
        var lightness, chroma, hue: Double
        var lab: (l: Double, a: Double, b: Double) {
            (lightness, chroma * cos(hue * .pi / 180), chroma * sin(hue * .pi / 180))
        }
        var hex: String {
            let bytes = CountryPalette.linearSRGB(lab).map { x -> Int in
                let v = min(max(x, 0), 1)
                let encoded = v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055
                return Int((encoded * 255).rounded())
            }
            return "#" + bytes.map { String(format: "%02x", $0) }.joined()
        }
        func distance(_ o: Colour) -> Double {
            let (p, q) = (lab, o.lab)
            return ((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) + (p.b - q.b) * (p.b - q.b)).squareRoot()
        }
    }

    /// Four light levels × a hue every 10°, each at the strongest chroma of a few steps that
    /// stays inside sRGB (so no colour is clipped into another).
    static let candidates: [Colour] = {
        var out: [Colour] = []
        for lightness in [0.93, 0.86, 0.79, 0.72] {
            for hue in stride(from: 0.0, to: 360, by: 10) {
                for chroma in [0.13, 0.11, 0.09, 0.07, 0.05] {
                    let c = Colour(lightness: lightness, chroma: chroma, hue: hue)
                    if linearSRGB(c.lab).allSatisfy({ $0 >= -1e-9 && $0 <= 1 + 1e-9 }) { out.append(c); break }
                }
            }
        }
        return out
    }()

    /// `n` candidates, each the farthest from those before it; the first is a light blue.
    static func farthestPoints(_ n: Int) -> [Colour] {
        guard n > 0, let first = candidates.first(where: { $0.lightness == 0.86 && $0.hue == 250 }) else { return [] }
        var chosen = [first]
        // Distance of every candidate to its nearest chosen colour.
        var nearest = candidates.map { $0.distance(first) }
        while chosen.count < min(n, candidates.count) {
            var best = 0
            for k in nearest.indices where nearest[k] > nearest[best] { best = k }
            let next = candidates[best]
            chosen.append(next)
            for k in nearest.indices { nearest[k] = min(nearest[k], candidates[k].distance(next)) }
        }
        // More countries than candidates (over 140): the palette repeats rather than fails.
        while chosen.count < n { chosen.append(chosen[chosen.count % candidates.count]) }
        return chosen
    }

    /// The fill for a country code, `unknown` when there is none or it is not in the palette.
    public func fill(_ code: String?) -> String {
        guard let code, !code.isEmpty else { return Self.unknown }
        return fills[code.uppercased()] ?? Self.unknown
    }

    /// OKLab → linear-light sRGB, with the matrices of Björn Ottosson's definition of OKLab (2020).
    static func linearSRGB(_ lab: (l: Double, a: Double, b: Double)) -> [Double] {
        let l1 = lab.l + 0.3963377774 * lab.a + 0.2158037573 * lab.b
        let m1 = lab.l - 0.1055613458 * lab.a - 0.0638541728 * lab.b
        let s1 = lab.l - 0.0894841775 * lab.a - 1.2914855480 * lab.b
        let (l, m, s) = (l1 * l1 * l1, m1 * m1 * m1, s1 * s1 * s1)
        return [
            4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
            -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
            -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s,
        ]
    }

    /// Country code → Russian name: the graph's own country nodes (e.g. "CN" → "Китай"), then
    /// the gazetteer's names of every country.
    public static func names(in graph: Graph) -> [String: String] {
        var names = CountryNames.russian
        var fromGraph: Set<String> = []
        for node in graph.nodes.sorted(by: { $0.id < $1.id }) where node.type == .country {
            if let code = node.country, !fromGraph.contains(code) { names[code] = node.name; fromGraph.insert(code) }
        }
        return names
    }
}
