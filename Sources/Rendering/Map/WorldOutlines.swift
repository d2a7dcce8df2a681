import Foundation

/// The world's country outlines, from Natural Earth 1:110m (public domain), as derived by
/// `scripts/build-map.py` into `Resources/countries.tsv`: one closed ring of (lon, lat) degrees
/// per line, keyed by the country's ISO 3166-1 alpha-2 code. Read once, on first use.
public enum WorldOutlines {
    public struct Ring: Sendable {
        /// ISO 3166-1 alpha-2, or "--" where Natural Earth gives none.
        public var country: String
        public var points: [(lon: Double, lat: Double)]
    }

    /// Every ring; empty if the resource is missing (the map then draws places without land).
    public static let rings: [Ring] = {
        guard let url = Bundle.module.url(forResource: "countries", withExtension: "tsv", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "countries", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return parse(text)
    }()

    /// Reads the resource's format; lines starting with '#' are its header.
    static func parse(_ text: String) -> [Ring] {
        var rings: [Ring] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { continue }
            let points = fields[1].split(separator: " ").compactMap { pair -> (lon: Double, lat: Double)? in
                let xy = pair.split(separator: ",")
                guard xy.count == 2, let lon = Double(xy[0]), let lat = Double(xy[1]) else { return nil }
                return (lon, lat)
            }
            if points.count >= 3 { rings.append(Ring(country: String(fields[0]), points: points)) }
        }
        return rings
    }
}
