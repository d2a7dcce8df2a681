import Foundation

/// Why the gazetteer could not be loaded.
public enum GazetteerError: Error, CustomStringConvertible, Sendable {
    case resourceMissing(String)
    case unreadable(path: String, reason: String)
    case malformed(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .resourceMissing(let name):
            return "gazetteer resource \(name) is missing from the bundle; rebuild the package "
                + "(the file is committed in Sources/Gazetteer/Resources; regenerate it with "
                + "scripts/build-gazetteer.py if it was deleted)"
        case .unreadable(let path, let reason):
            return "cannot read gazetteer file \(path): \(reason)"
        case .malformed(let file, let line, let reason):
            return "gazetteer file \(file) line \(line): \(reason); regenerate it with "
                + "scripts/build-gazetteer.py"
        }
    }
}

/// Places with Russian names (GeoNames cities with a Cyrillic name, ISO 3166 countries and their
/// subdivisions, macro-regions), found from any inflected form of their names.
///
/// Data: `Resources/places.tsv` and `Resources/names.tsv`, made by `scripts/build-gazetteer.py`
/// (GeoNames, CC BY 4.0; Debian iso-codes; see `Resources/ATTRIBUTION.md`).
public final class Gazetteer: Sendable {
    private let places: LineTable
    private let names: LineTable

    /// Loads a gazetteer from the two resource files' contents (tests use small ones).
    public init(placesTSV: [UInt8], namesTSV: [UInt8]) throws {
        places = LineTable(placesTSV)
        names = LineTable(namesTSV)
        if places.count > 0 {
            let first = places.fields(0)
            guard first.count == 11 else {
                throw GazetteerError.malformed(file: "places.tsv", line: 1,
                                               reason: "expected 11 tab-separated fields, found \(first.count)")
            }
        }
        if names.count > 0 {
            let first = names.fields(0)
            guard first.count == 4 else {
                throw GazetteerError.malformed(file: "names.tsv", line: 1,
                                               reason: "expected 4 tab-separated fields, found \(first.count)")
            }
        }
    }

    /// Loads the files of a directory holding `places.tsv` and `names.tsv`.
    public convenience init(directory: URL) throws {
        func read(_ name: String) throws -> [UInt8] {
            let url = directory.appendingPathComponent(name)
            do {
                return [UInt8](try Data(contentsOf: url))
            } catch {
                throw GazetteerError.unreadable(path: url.path, reason: error.localizedDescription)
            }
        }
        try self.init(placesTSV: try read("places.tsv"), namesTSV: try read("names.tsv"))
    }

    private static let shared: Result<Gazetteer, GazetteerError> = {
        guard let url = Bundle.module.url(forResource: "places", withExtension: "tsv",
                                          subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "places", withExtension: "tsv") else {
            return .failure(.resourceMissing("places.tsv"))
        }
        do {
            return .success(try Gazetteer(directory: url.deletingLastPathComponent()))
        } catch let error as GazetteerError {
            return .failure(error)
        } catch {
            return .failure(.unreadable(path: url.path, reason: "\(error)"))
        }
    }()

    /// The bundled gazetteer, loaded once per process and shared.
    public static func bundled() throws(GazetteerError) -> Gazetteer {
        try shared.get()
    }

    /// Number of places.
    public var count: Int { places.count }

    // MARK: - Rows

    /// The place on row `row` of places.tsv.
    private func place(row: Int) -> Place? {
        let f = places.fields(row)
        guard f.count == 11, let type = PlaceType(rawValue: f[1]) else { return nil }
        return Place(id: f[0], name: f[2], type: type, country: f[3].isEmpty ? nil : f[3],
                     geonameID: Int(f[4]).flatMap { $0 == 0 ? nil : $0 },
                     latitude: Double(f[5]), longitude: Double(f[6]),
                     population: Int(f[7]) ?? 0, isCapital: f[8].contains("c"),
                     aliases: f[9].isEmpty ? [] : f[9].split(separator: "|").map(String.init),
                     latinName: f[10])
    }

    /// The place with this id (`city/omsk`), if any.
    public func place(id: String) -> Place? {
        places.find(key: id).flatMap(place(row:))
    }

    /// The country with this ISO 3166-1 alpha-2 code ("CN", case-insensitive).
    public func country(code: String) -> Place? {
        place(id: "country/" + code.lowercased())
    }

    /// Every place, in id order (for exports and tests; decodes all rows).
    public func allPlaces() -> [Place] {
        (0..<places.count).compactMap(place(row:))
    }

    private struct IndexEntry {
        let rows: [Int]
        let variantRows: [Int]
        let flags: Substring
    }

    private func entry(_ key: String) -> IndexEntry? {
        guard !key.isEmpty, let line = names.find(key: key) else { return nil }
        let f = names.fields(line)
        guard f.count == 4 else { return nil }
        func ints(_ s: String) -> [Int] { s.split(separator: ",").compactMap { Int($0) } }
        return IndexEntry(rows: ints(f[1]), variantRows: ints(f[2]), flags: Substring(f[3]))
    }

    // MARK: - Lookup

    /// Places a surface form may name, best first. The surface may be inflected ("Пфорцхайме",
    /// "Краснодарского края", "Республике Корея"), in any letter case, with ё or е and any dash.
    /// Ranking: exact name before a derived base form before a spelling variant; then countries,
    /// capitals, larger population (a region counts as 100,000 people, so "Крым" is the region
    /// but "Москва" the city).
    public func lookup(_ surface: String) -> [Place] {
        matches(surface).map(\.place)
    }

    /// Like `lookup(_:)`, keeping how each place matched and whether the name is also a common
    /// word or a personal name.
    public func matches(_ surface: String) -> [PlaceMatch] {
        let key = NameKey.fold(surface.trimmingCharacters(in: .punctuationCharacters.subtracting(["-"])))
        guard !key.isEmpty else { return [] }
        var found: [Int: PlaceMatch] = [:]
        func record(_ rows: [Int], _ quality: PlaceMatch.Quality, _ key: String, _ flags: Substring) {
            for row in rows {
                if let old = found[row], old.quality <= quality { continue }
                guard let p = place(row: row) else { continue }
                found[row] = PlaceMatch(place: p, quality: quality, matchedName: key,
                                        isCommonWord: flags.contains("w"),
                                        isPersonalName: flags.contains("n"))
            }
        }
        let forms = Declension.baseForms(of: key)
        for (i, form) in forms.enumerated() {
            if let e = entry(form) { record(e.rows, i == 0 ? .exact : .inflected, form, e.flags) }
        }
        if found.isEmpty {
            var tried: Set<String> = []
            for form in forms {
                let fk = NameKey.fuzzy(form)
                guard tried.insert(fk).inserted, let e = entry(fk) else { continue }
                record(e.rows + e.variantRows, .variant, fk, e.flags)
            }
        }
        return found.values.sorted(by: Gazetteer.ranks)
    }

    private static func rankPopulation(_ p: Place) -> Int {
        p.type == .region ? max(p.population, 100_000) : p.population
    }

    private static func ranks(_ a: PlaceMatch, _ b: PlaceMatch) -> Bool {
        if a.quality != b.quality { return a.quality < b.quality }
        let ac = a.place.type == .country, bc = b.place.type == .country
        if ac != bc { return ac }
        if a.place.isCapital != b.place.isCapital { return a.place.isCapital }
        let ap = rankPopulation(a.place), bp = rankPopulation(b.place)
        if ap != bp { return ap > bp }
        return a.place.id < b.place.id
    }

    /// Like `lookup(_:)`, preferring the places of the country the context gives: an ISO code
    /// ("CN") or a country's name in any form ("КНР", "Китая"), e.g. from "Кайфын (КНР)". Places
    /// of other countries follow, so a wrong hint never loses a reading.
    public func lookup(_ surface: String, countryHint: String?) -> [Place] {
        let all = lookup(surface)
        guard let hint = countryHint, let code = countryCode(hint) else { return all }
        let preferred = all.filter { $0.country == code }
        return preferred + all.filter { $0.country != code }
    }

    /// The ISO code of a country named or coded by `hint` ("CN", "КНР", "Китая", "ФРГ").
    public func countryCode(_ hint: String) -> String? {
        let trimmed = hint.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        if trimmed.count == 2, trimmed.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }),
           let c = country(code: trimmed) {
            return c.country
        }
        return lookup(trimmed).first(where: { $0.type == .country })?.country
    }

    /// Whether the surface, or the name it inflects, is also a common Russian word (per the
    /// OpenCorpora dictionary, or the stoplist of the build script): "Мира", "Победы", "Курган".
    /// The recogniser should then take it as a place only with context.
    public func isLikelyCommonWord(_ surface: String) -> Bool {
        let key = NameKey.fold(surface)
        return Declension.baseForms(of: key).contains { form in
            entry(form)?.flags.contains("w") ?? false
        }
    }
}
