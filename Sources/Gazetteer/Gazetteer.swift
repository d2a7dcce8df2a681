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
    /// Ranking: countries first; then by weight: population (a region counts as 100,000 people,
    /// so "Крым" is the region but "Москва" the city), ×10 when the surface is exactly a name,
    /// ×3 for a capital. Spelling variants are tried only when nothing else matched.
    public func lookup(_ surface: String) -> [Place] {
        matches(surface).map(\.place)
    }

    /// Punctuation trimmed from a surface before lookup; dashes belong to names. Built once: the
    /// recogniser looks up many surfaces per report.
    private static let trimmed = CharacterSet.punctuationCharacters.subtracting(["-"])

    /// Trimmed from a country hint; built once, as `trimmed`.
    private static let hintTrimmed = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)

    /// Like `lookup(_:)`, keeping how each place matched and whether the name is also a common
    /// word or a personal name.
    public func matches(_ surface: String) -> [PlaceMatch] {
        // Foundation's trimming costs more than the rest of a short lookup: skip it when neither
        // end is punctuation (the usual case), where it would change nothing.
        let scalars = surface.unicodeScalars
        let needsTrim = scalars.first.map(Gazetteer.trimmed.contains) ?? false
            || scalars.last.map(Gazetteer.trimmed.contains) ?? false
        let key = NameKey.fold(needsTrim ? surface.trimmingCharacters(in: Gazetteer.trimmed) : surface)
        guard !key.isEmpty else { return [] }
        var found: [Int: PlaceMatch] = [:]
        // A surface that reads as a form of a common word is flagged whatever place it reaches:
        // "Совета" may be Soweto's "Совето" but is first the word "совет".
        var surfaceIsCommon = false
        func record(_ rows: [Int], _ quality: PlaceMatch.Quality, _ key: String, _ flags: Substring) {
            for row in rows {
                if let old = found[row], old.quality <= quality { continue }
                guard let p = place(row: row) else { continue }
                found[row] = PlaceMatch(place: p, quality: quality, matchedName: key,
                                        isCommonWord: flags.contains("w"),
                                        matchedNameIsCommonWord: flags.contains("w"),
                                        isPersonalName: flags.contains("n"))
            }
        }
        // Abbreviations ("КР", "РК", "США") do not decline; their letters must not be read as
        // case endings.
        let letters = surface.unicodeScalars.filter { $0.properties.isAlphabetic }
        let isAbbreviation = letters.count <= 4 && letters.allSatisfy { $0.properties.isUppercase }
        let forms = isAbbreviation ? [key] : candidateKeys(key)
        for form in forms {
            guard let e = entry(form) else { continue }
            if e.flags.contains("w") { surfaceIsCommon = true }
            record(e.rows, form == key ? .exact : .inflected, form, e.flags)
        }
        // Spelling variants only when nothing matched, and only for longer forms: on short ones
        // dropping ь and doubled letters reaches unrelated names ("Цель" → "Целль").
        if found.isEmpty && !surfaceIsCommon && !isAbbreviation {
            var tried: Set<String> = []
            for form in forms where form.count >= 5 {
                let fk = NameKey.fuzzy(form)
                guard tried.insert(fk).inserted, let e = entry(fk) else { continue }
                record(e.rows + e.variantRows, .variant, fk, e.flags)
            }
        }
        let result = found.values.sorted(by: Gazetteer.ranks)
        guard surfaceIsCommon else { return result }
        return result.map {
            PlaceMatch(place: $0.place, quality: $0.quality, matchedName: $0.matchedName,
                       isCommonWord: true, matchedNameIsCommonWord: $0.matchedNameIsCommonWord,
                       isPersonalName: $0.isPersonalName)
        }
    }

    /// Candidate index keys for a folded surface: its base forms, combining words only while
    /// some name starts with the combination ("краснодарского края" → "краснодарский край").
    private func candidateKeys(_ key: String) -> [String] {
        Declension.baseForms(of: key) { names.hasKey(withPrefix: $0) }
    }

    /// The longest run of words, from the first, that names a place: for a recogniser walking
    /// through tokens ("Республики", "Казахстан", "и", …) → 2 words, Kazakhstan. Words are token
    /// texts; a hyphenated word is one word; a punctuation token ends the run. Returns nil when
    /// not even the first word matches.
    public func longestMatch<S: Collection>(_ words: S, maxWords: Int = 6) -> (wordCount: Int, matches: [PlaceMatch])?
    where S.Element == String {
        // A punctuation token ends the run: names do not span ".", ",", "(".
        var list: [String] = []
        for w in words.prefix(maxWords) {
            guard w.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
            else { break }
            list.append(w)
        }
        guard !list.isEmpty else { return nil }
        var n = list.count
        while n >= 1 {
            let phrase = list.prefix(n).joined(separator: " ")
            let m = matches(phrase)
            if !m.isEmpty { return (n, m) }
            n -= 1
        }
        return nil
    }

    /// Weight of a match for ranking: population (a region counts as 100,000 people), times 10
    /// for an exact name, times 3 for a capital. So an exact name wins unless the inflected
    /// reading is a much larger place: "Уфе" is Ufa, not the Belgian village named "Уфе".
    private static func weight(_ m: PlaceMatch) -> Double {
        let p = m.place
        var w = Double(p.type == .region ? max(p.population, 100_000) : max(p.population, 1))
        if m.quality == .exact { w *= 10 }
        if p.isCapital { w *= 3 }
        return w
    }

    private static func ranks(_ a: PlaceMatch, _ b: PlaceMatch) -> Bool {
        // Spelling variants are only looked at when nothing else matched, so they never mix.
        if (a.quality == .variant) != (b.quality == .variant) { return b.quality == .variant }
        let ac = a.place.type == .country, bc = b.place.type == .country
        if ac != bc { return ac }
        let wa = weight(a), wb = weight(b)
        if wa != wb { return wa > wb }
        if a.quality != b.quality { return a.quality < b.quality }
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
        let trimmed = hint.trimmingCharacters(in: Gazetteer.hintTrimmed)
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
        let letters = surface.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count <= 4 && letters.allSatisfy({ $0.properties.isUppercase }) {
            return entry(key)?.flags.contains("w") ?? false
        }
        return Declension.baseForms(of: key).contains { form in
            entry(form)?.flags.contains("w") ?? false
        }
    }
}

extension GazetteerError: LocalizedError {
    public var errorDescription: String? { description }
}
