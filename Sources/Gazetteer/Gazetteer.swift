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

    // Built once at load from the files, so a lookup neither parses rows nor searches text:

    /// Every row of places.tsv, decoded (nil for a row that does not decode).
    private let decoded: [Place?]
    /// Per row: the ranking weight before the exact and capital factors (see `weight`).
    private let baseWeights: [Double]
    /// Per row: bit 0 country, bit 1 capital, bit 2 decoded.
    private let rowBits: [UInt8]
    /// Whether the ids of places.tsv are ASCII and strictly increasing, so that row order is id
    /// order (it is for the bundled file; otherwise ranking compares the id Strings).
    private let rowsInIDOrder: Bool
    /// names.tsv key → its first line.
    private let nameIndex: ByteKeyTable
    /// Every prefix of a names.tsv key that ends with a space or hyphen (for
    /// `hasKey(withPrefix:)` on word combinations).
    private let namePrefixes: ByteKeyTable
    /// Rows of places.tsv per names.tsv line `i`: its places are
    /// `rowIDs[rowBounds[2i]..<rowBounds[2i + 1]]`, its spelling variants' places
    /// `rowIDs[rowBounds[2i + 1]..<rowBounds[2i + 2]]` (-1 for a number that is no row).
    private let rowBounds: [Int32]
    private let rowIDs: [Int32]
    /// Per names.tsv line: bit 0 "w" (common word), bit 1 "n" (personal name), bit 2 the line has
    /// its 4 fields.
    private let nameFlags: [UInt8]

    /// Loads a gazetteer from the two resource files' contents (tests use small ones).
    public init(placesTSV: [UInt8], namesTSV: [UInt8]) throws {
        let places = LineTable(placesTSV), names = LineTable(namesTSV)
        self.places = places
        self.names = names
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
        let decoded = (0..<places.count).map { Gazetteer.decodePlace(places, row: $0) }
        self.decoded = decoded
        var weights: [Double] = []
        var bits: [UInt8] = []
        weights.reserveCapacity(decoded.count)
        bits.reserveCapacity(decoded.count)
        for p in decoded {
            guard let p else {
                weights.append(0)
                bits.append(0)
                continue
            }
            weights.append(Double(p.type == .region ? max(p.population, 100_000) : max(p.population, 1)))
            bits.append((p.type == .country ? 1 : 0) | (p.isCapital ? 2 : 0) | 4)
        }
        baseWeights = weights
        rowBits = bits
        rowsInIDOrder = Gazetteer.idsAreOrderedASCII(places)
        let index = Gazetteer.indexNames(names)
        nameIndex = index.keys
        namePrefixes = index.prefixes
        rowBounds = index.bounds
        rowIDs = index.rows
        nameFlags = index.flags
    }

    /// The place on row `row` of places.tsv, parsed from the text. Reads the fields where they
    /// lie instead of making a String of each: this runs for all 60,000 rows at load. Every
    /// field gives what `String`, `Int`, `Double` and `split` give on its String; numbers and
    /// aliases outside the fast cases go through them.
    private static func decodePlace(_ places: LineTable, row: Int) -> Place? {
        places.bytes.withUnsafeBufferPointer { buf -> Place? in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 12) { bounds -> Place? in
                decodePlace(buf, places.range(row), bounds)
            }
        }
    }

    /// `decodePlace` of the line at `r`, with room for its 12 field bounds.
    private static func decodePlace(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>,
                                    _ bounds: UnsafeMutableBufferPointer<Int>) -> Place? {
        // Start of each field, then one past the end of the line's last field plus one.
        var count = 1
        bounds[0] = r.lowerBound
        for k in r where buf[k] == 0x09 {
            guard count < 11 else { return nil }
            bounds[count] = k + 1
            count += 1
        }
        guard count == 11 else { return nil }
        bounds[11] = r.upperBound + 1
        func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: buf[bounds[i]..<(bounds[i + 1] - 1)])
        }
        func string(_ i: Int) -> String { String(decoding: field(i), as: UTF8.self) }
        guard let type = placeType(field(1)) else { return nil }
        let aliasField = field(9)
        return Place(id: string(0), name: string(2), type: type,
                     country: field(3).isEmpty ? nil : string(3),
                     geonameID: integer(field(4)).flatMap { $0 == 0 ? nil : $0 },
                     latitude: double(field(5)), longitude: double(field(6)),
                     population: integer(field(7)) ?? 0,
                     isCapital: field(8).allSatisfy { $0 < 0x80 } ? field(8).contains(0x63)
                        : string(8).contains("c"),
                     aliases: aliasField.isEmpty ? [] : aliases(aliasField),
                     latinName: string(10))
    }

    private static let typeBytes: [(bytes: [UInt8], type: PlaceType)] = PlaceType.allCases.map { (Array($0.rawValue.utf8), $0) }

    private static func placeType(_ f: UnsafeBufferPointer<UInt8>) -> PlaceType? {
        for t in typeBytes where t.bytes.count == f.count {
            var k = 0
            while k < f.count && f[k] == t.bytes[k] { k += 1 }
            if k == f.count { return t.type }
        }
        // Another ASCII text is no raw value; anything else is compared as a String.
        if f.allSatisfy({ $0 < 0x80 }) { return nil }
        return PlaceType(rawValue: String(decoding: f, as: UTF8.self))
    }

    /// `Int(text)`: plain digits (at most 18) are read here.
    private static func integer(_ f: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !f.isEmpty, f.count <= 18, f.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return Int(String(decoding: f, as: UTF8.self))
        }
        var v = 0
        for b in f { v = v * 10 + Int(b - 0x30) }
        return v
    }

    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    /// `Double(text)`: a decimal "-12.3456" of at most 15 digits is read here. Its digits as an
    /// integer and the power of ten are exact doubles, so one division rounds correctly, as
    /// the parser does (Clinger's fast path).
    private static func double(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let negative = !f.isEmpty && f[0] == 0x2D
        if negative { i = 1 }
        var mantissa: Int64 = 0, digits = 0, fraction = 0
        var seenPoint = false, ok = i < f.count
        while ok && i < f.count {
            let b = f[i]
            if b >= 0x30 && b <= 0x39 {
                mantissa = mantissa * 10 + Int64(b - 0x30)
                digits += 1
                if seenPoint { fraction += 1 }
                if digits > 15 { ok = false }
            } else if b == 0x2E && !seenPoint {
                seenPoint = true
            } else {
                ok = false
            }
            i += 1
        }
        // At least one digit on each side of a point, as the common form is.
        guard ok, digits > 0, !seenPoint || (fraction > 0 && digits > fraction) else {
            return Double(String(decoding: f, as: UTF8.self))
        }
        let v = Double(mantissa) / powersOfTen[fraction]
        return negative ? -v : v
    }

    /// `text.split(separator: "|").map(String.init)`: split on the bytes when each "|" sits
    /// between ASCII or basic Cyrillic scalars (graphemes then break around it).
    private static func aliases(_ f: UnsafeBufferPointer<UInt8>) -> [String] {
        guard Declension.isPlain(f) else {
            return String(decoding: f, as: UTF8.self).split(separator: "|").map(String.init)
        }
        var out: [String] = []
        var start = 0
        for k in 0...f.count where k == f.count || f[k] == 0x7C {
            if k > start { out.append(String(decoding: UnsafeBufferPointer(rebasing: f[start..<k]), as: UTF8.self)) }
            start = k + 1
        }
        return out
    }

    /// Whether every id is ASCII and each is bytewise greater than the one before: then String
    /// order of the ids is row order.
    private static func idsAreOrderedASCII(_ places: LineTable) -> Bool {
        places.bytes.withUnsafeBufferPointer { buf in
            var previous = 0..<0
            for i in 0..<places.count {
                let r = places.range(i)
                var end = r.lowerBound
                while end < r.upperBound && buf[end] != 0x09 {
                    if buf[end] >= 0x80 { return false }
                    end += 1
                }
                let id = r.lowerBound..<end
                if i > 0 {
                    // strictly greater than the previous id
                    var k = 0
                    var greater: Bool?
                    while k < previous.count && k < id.count {
                        let a = buf[previous.lowerBound + k], b = buf[id.lowerBound + k]
                        if a != b { greater = b > a; break }
                        k += 1
                    }
                    if !(greater ?? (id.count > previous.count)) { return false }
                }
                previous = id
            }
            return true
        }
    }

    /// The indexes of names.tsv: keys, key prefixes ending at a word separator, and each line's
    /// rows and flags, parsed as `entry` did from the line's fields.
    private static func indexNames(_ names: LineTable)
        -> (keys: ByteKeyTable, prefixes: ByteKeyTable, bounds: [Int32], rows: [Int32], flags: [UInt8]) {
        var keys: [(start: Int32, length: Int32, value: Int32)] = []
        var prefixes: [(start: Int32, length: Int32, value: Int32)] = []
        var bounds: [Int32] = [0]
        var rows: [Int32] = []
        var flags: [UInt8] = []
        keys.reserveCapacity(names.count)
        bounds.reserveCapacity(names.count * 2 + 1)
        rows.reserveCapacity(names.count * 2)
        flags.reserveCapacity(names.count)
        names.bytes.withUnsafeBufferPointer { buf in
            for line in 0..<names.count {
                let r = names.range(line)
                // The line's fields: only the first four are read; `count` says how many there are.
                var ends = (r.upperBound, r.upperBound, r.upperBound, r.upperBound)
                var count = 1
                for k in r where buf[k] == 0x09 {
                    switch count {
                    case 1: ends.0 = k
                    case 2: ends.1 = k
                    case 3: ends.2 = k
                    case 4: ends.3 = k
                    default: break
                    }
                    count += 1
                }
                let key = r.lowerBound..<ends.0
                keys.append((Int32(key.lowerBound), Int32(key.count), Int32(line)))
                for k in key where buf[k] == 0x20 || buf[k] == 0x2D {
                    prefixes.append((Int32(key.lowerBound), Int32(k - key.lowerBound + 1), Int32(line)))
                }
                guard count == 4 else {
                    bounds.append(Int32(rows.count))
                    bounds.append(Int32(rows.count))
                    flags.append(0)
                    continue
                }
                appendInts(buf, (ends.0 + 1)..<ends.1, to: &rows)
                bounds.append(Int32(rows.count))
                appendInts(buf, (ends.1 + 1)..<ends.2, to: &rows)
                bounds.append(Int32(rows.count))
                let f = UnsafeBufferPointer(rebasing: buf[(ends.2 + 1)..<ends.3])
                var bits: UInt8 = 4
                if f.allSatisfy({ $0 < 0x80 }) {
                    if f.contains(0x77) { bits |= 1 }
                    if f.contains(0x6E) { bits |= 2 }
                } else {
                    let s = Substring(String(decoding: f, as: UTF8.self))
                    if s.contains("w") { bits |= 1 }
                    if s.contains("n") { bits |= 2 }
                }
                flags.append(bits)
            }
        }
        return (ByteKeyTable(bytes: names.bytes, keys: keys), ByteKeyTable(bytes: names.bytes, keys: prefixes),
                bounds, rows, flags)
    }

    /// The numbers of a comma-separated field, as `s.split(separator: ",").compactMap { Int($0) }`
    /// gives them: digits are read here, anything else goes through `Int`.
    private static func appendInts(_ buf: UnsafeBufferPointer<UInt8>, _ field: Range<Int>, to rows: inout [Int32]) {
        let f = UnsafeBufferPointer(rebasing: buf[field])
        let before = rows.count
        if f.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C }) {
            var value = 0, digits = 0
            var ok = true
            for b in f {
                if b == 0x2C {
                    if digits > 0 { rows.append(Int32(truncatingIfNeeded: value)) }
                    value = 0
                    digits = 0
                } else {
                    value = value * 10 + Int(b - 0x30)
                    digits += 1
                    if digits > 9 { ok = false; break }
                }
            }
            if ok {
                if digits > 0 { rows.append(Int32(truncatingIfNeeded: value)) }
                return
            }
        }
        // The general route; a number that does not fit a row index is no row.
        rows.removeSubrange(before...)
        let s = String(decoding: f, as: UTF8.self)
        for n in s.split(separator: ",").compactMap({ Int($0) }) {
            rows.append(n >= 0 && n <= Int(Int32.max) ? Int32(n) : -1)
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
        row >= 0 && row < decoded.count ? decoded[row] : nil
    }

    /// The place with this id (`city/omsk`), if any.
    public func place(id: String) -> Place? {
        places.find(key: id).flatMap(place(row:))
    }

    /// The country with this ISO 3166-1 alpha-2 code ("CN", case-insensitive).
    public func country(code: String) -> Place? {
        place(id: "country/" + code.lowercased())
    }

    /// Every place, in id order (for exports and tests).
    public func allPlaces() -> [Place] {
        decoded.compactMap { $0 }
    }

    private struct IndexEntry {
        let rows: [Int]
        let variantRows: [Int]
        /// Bits as in `nameFlags`.
        let flags: UInt8
        var isCommonWord: Bool { flags & 1 != 0 }
        var isPersonalName: Bool { flags & 2 != 0 }
    }

    /// The line of names.tsv for a key with its 4 fields, if any.
    private func entryLine(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard key.count > 0, let line = nameIndex.value(for: key), nameFlags[line] & 4 != 0 else { return nil }
        return line
    }

    private func entry(_ key: String) -> IndexEntry? {
        var key = key
        guard let line = key.withUTF8(entryLine) else { return nil }
        let b = Int(rowBounds[2 * line]), m = Int(rowBounds[2 * line + 1]), e = Int(rowBounds[2 * line + 2])
        return IndexEntry(rows: rowIDs[b..<m].map(Int.init), variantRows: rowIDs[m..<e].map(Int.init),
                          flags: nameFlags[line])
    }

    /// Whether some key of names.tsv starts with `prefix`.
    private func hasName(withPrefix prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        if let last = prefix.last, last == 0x20 || last == 0x2D {
            return namePrefixes.value(for: prefix) != nil
        }
        return names.hasKey(withPrefix: String(decoding: prefix, as: UTF8.self))
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
        let needsTrim = scalars.first.map(Gazetteer.isTrimmed) ?? false
            || scalars.last.map(Gazetteer.isTrimmed) ?? false
        let key = NameKey.foldedBytes(needsTrim ? surface.trimmingCharacters(in: Gazetteer.trimmed) : surface)
        guard !key.isEmpty else { return [] }
        // Abbreviations ("КР", "РК", "США") do not decline; their letters must not be read as
        // case endings.
        let isAbbreviation = Gazetteer.isAbbreviation(surface)
        return key.withUnsafeBufferPointer { key in
            if Declension.isPlain(key) {
                return plainMatches(key, isAbbreviation: isAbbreviation)
            }
            return generalMatches(String(decoding: key, as: UTF8.self), isAbbreviation: isAbbreviation)
        }
    }

    /// Whether `matches` trims this end scalar: punctuation other than "-". Letters and digits
    /// of ASCII and basic Cyrillic are answered without the CharacterSet.
    private static func isTrimmed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x400...0x45F: return false
        default: return trimmed.contains(s)
        }
    }

    /// Whether a surface has at most 4 letters, all capitals: `letters.count <= 4 &&
    /// letters.allSatisfy(isUppercase)` over its alphabetic scalars, stopping at the fifth.
    private static func isAbbreviation(_ surface: String) -> Bool {
        var letters = 0
        for s in surface.unicodeScalars {
            let alphabetic: Bool, upper: Bool
            switch s.value {
            case 0x41...0x5A, 0x400...0x42F: alphabetic = true; upper = true
            case 0x61...0x7A, 0x430...0x45F: alphabetic = true; upper = false
            case 0...0x7F: alphabetic = false; upper = false
            default: alphabetic = s.properties.isAlphabetic; upper = alphabetic && s.properties.isUppercase
            }
            guard alphabetic else { continue }
            letters += 1
            if letters > 4 || !upper { return false }
        }
        return true
    }

    /// A place reached while looking up one surface.
    private struct Found {
        var row: Int32
        var quality: PlaceMatch.Quality
        /// Index of the matched name in the lookup's `FormList`.
        var form: Int32
        var flags: UInt8
    }

    /// `matches` for a plain folded key (see `Declension.isPlain`), on bytes: the rules of
    /// `generalMatches`, with candidates kept in one buffer, looked up by their bytes, and
    /// Strings made only for the names that matched.
    private func plainMatches(_ key: UnsafeBufferPointer<UInt8>, isAbbreviation: Bool) -> [PlaceMatch] {
        var forms = FormList()
        if isAbbreviation {
            forms.append(key)
        } else {
            Declension.plainCandidates(key, into: &forms) { hasName(withPrefix: $0) }
        }
        let formCount = forms.count
        var found: [Found] = []
        // A surface that reads as a form of a common word is flagged whatever place it reaches:
        // "Совета" may be Soweto's "Совето" but is first the word "совет".
        var surfaceIsCommon = false
        func record(_ line: Int, variants: Bool, _ quality: PlaceMatch.Quality, _ form: Int) {
            let flags = nameFlags[line]
            let from = Int(rowBounds[2 * line]), to = Int(rowBounds[2 * line + (variants ? 2 : 1)])
            for k in from..<to {
                let row = rowIDs[k]
                if let i = found.firstIndex(where: { $0.row == row }) {
                    if found[i].quality <= quality { continue }
                    found[i] = Found(row: row, quality: quality, form: Int32(form), flags: flags)
                    continue
                }
                guard row >= 0 && Int(row) < rowBits.count && rowBits[Int(row)] & 4 != 0 else { continue }
                found.append(Found(row: row, quality: quality, form: Int32(form), flags: flags))
            }
        }
        for i in 0..<formCount {
            guard let line = forms.withForm(i, entryLine) else { continue }
            if nameFlags[line] & 1 != 0 { surfaceIsCommon = true }
            record(line, variants: false, forms.equals(i, key) ? .exact : .inflected, i)
        }
        // Spelling variants only when nothing matched, and only for longer forms: on short ones
        // dropping ь and doubled letters reaches unrelated names ("Цель" → "Целль").
        if found.isEmpty && !surfaceIsCommon && !isAbbreviation {
            for i in 0..<formCount where forms.withForm(i, Declension.scalarCount) >= 5 {
                let fk = forms.withForm(i, NameKey.fuzzyBytes)
                // Tried before: the same variant key from another form.
                if forms.contains(fk, from: formCount) { continue }
                forms.append(fk)
                guard let line = fk.withUnsafeBufferPointer(entryLine) else { continue }
                record(line, variants: true, .variant, forms.count - 1)
            }
        }
        found.sort { a, b in ranks(a, b) }
        var names: [(form: Int32, name: String)] = []
        let out = found.map { f in
            let name: String
            if let n = names.first(where: { $0.form == f.form }) {
                name = n.name
            } else {
                name = forms.string(Int(f.form))
                names.append((f.form, name))
            }
            let common = f.flags & 1 != 0
            return PlaceMatch(place: decoded[Int(f.row)]!, quality: f.quality, matchedName: name,
                              isCommonWord: common || surfaceIsCommon, matchedNameIsCommonWord: common,
                              isPersonalName: f.flags & 2 != 0)
        }
        // Whether a name is a place's own or another it goes by is known only here, by name:
        // several readings are ordered again with it (`weight`).
        guard out.count > 1, out[1].quality != .variant else { return out }
        return out.sorted(by: Gazetteer.ranks)
    }

    /// `ranks` on rows: the same order, from the weights and bits computed at load.
    private func ranks(_ a: Found, _ b: Found) -> Bool {
        if (a.quality == .variant) != (b.quality == .variant) { return b.quality == .variant }
        let ra = Int(a.row), rb = Int(b.row)
        let ac = rowBits[ra] & 1 != 0, bc = rowBits[rb] & 1 != 0
        if ac != bc { return ac }
        let wa = weight(ra, a.quality), wb = weight(rb, b.quality)
        if wa != wb { return wa > wb }
        if a.quality != b.quality { return a.quality < b.quality }
        if rowsInIDOrder { return ra < rb }
        return decoded[ra]!.id < decoded[rb]!.id
    }

    /// `weight` of a row matched with this quality.
    private func weight(_ row: Int, _ quality: PlaceMatch.Quality) -> Double {
        var w = baseWeights[row]
        if quality == .exact { w *= 10 }
        if rowBits[row] & 2 != 0 { w *= 3 }
        return w
    }

    /// `matches` for any folded key, on Strings.
    private func generalMatches(_ key: String, isAbbreviation: Bool) -> [PlaceMatch] {
        var found: [Int: PlaceMatch] = [:]
        var surfaceIsCommon = false
        func record(_ rows: [Int], _ quality: PlaceMatch.Quality, _ key: String, _ e: IndexEntry) {
            for row in rows {
                if let old = found[row], old.quality <= quality { continue }
                guard let p = place(row: row) else { continue }
                found[row] = PlaceMatch(place: p, quality: quality, matchedName: key,
                                        isCommonWord: e.isCommonWord,
                                        matchedNameIsCommonWord: e.isCommonWord,
                                        isPersonalName: e.isPersonalName)
            }
        }
        let forms = isAbbreviation ? [key] : candidateKeys(key)
        for form in forms {
            guard let e = entry(form) else { continue }
            if e.isCommonWord { surfaceIsCommon = true }
            record(e.rows, form == key ? .exact : .inflected, form, e)
        }
        if found.isEmpty && !surfaceIsCommon && !isAbbreviation {
            var tried: Set<String> = []
            for form in forms where form.count >= 5 {
                let fk = NameKey.fuzzy(form)
                guard tried.insert(fk).inserted, let e = entry(fk) else { continue }
                record(e.rows + e.variantRows, .variant, fk, e)
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
        Declension.baseForms(of: key) { prefix in
            var prefix = prefix
            return prefix.withUTF8(hasName(withPrefix:))
        }
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
    /// for an exact name, times 5 more when that name is the place's own rather than one it also
    /// goes by, times 3 for a capital. So an exact name wins unless the inflected reading is a
    /// much larger place: "Уфе" is Ufa, not the Belgian village named "Уфе"; "Ставрополь" is
    /// Stavropol, not Tolyatti, which once bore the name.
    private static func weight(_ m: PlaceMatch) -> Double {
        let p = m.place
        var w = Double(p.type == .region ? max(p.population, 100_000) : max(p.population, 1))
        if m.quality == .exact { w *= 10 }
        if m.quality != .variant, isOwnName(NameKey.fold(p.name), m.matchedName) { w *= 5 }
        if p.isCapital { w *= 3 }
        return w
    }

    /// The matched key is the place's own name, or its stem without a final soft sign or vowel
    /// ("ставропол" of "ставрополь").
    private static func isOwnName(_ name: String, _ matched: String) -> Bool {
        name == matched || (name.count == matched.count + 1 && name.hasPrefix(matched))
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
        let scalars = hint.unicodeScalars
        let needsTrim = scalars.first.map(Gazetteer.isHintTrimmed) ?? false
            || scalars.last.map(Gazetteer.isHintTrimmed) ?? false
        let trimmed = needsTrim ? hint.trimmingCharacters(in: Gazetteer.hintTrimmed) : hint
        // Two ASCII letters: each is a character of its own, so this is `count == 2` with every
        // scalar an ASCII letter, without walking graphemes.
        let utf8 = trimmed.utf8
        if utf8.count == 2, utf8.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }),
           let c = country(code: trimmed) {
            return c.country
        }
        return lookup(trimmed).first(where: { $0.type == .country })?.country
    }

    /// Whether `countryCode` trims this end scalar (whitespace or punctuation), answered without
    /// the CharacterSet for letters and digits of ASCII and basic Cyrillic.
    private static func isHintTrimmed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x400...0x45F: return false
        default: return hintTrimmed.contains(s)
        }
    }

    /// Whether the surface, or the name it inflects, is also a common Russian word (per the
    /// OpenCorpora dictionary, or the stoplist of the build script): "Мира", "Победы", "Курган".
    /// The recogniser should then take it as a place only with context.
    public func isLikelyCommonWord(_ surface: String) -> Bool {
        let key = NameKey.fold(surface)
        let letters = surface.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count <= 4 && letters.allSatisfy({ $0.properties.isUppercase }) {
            return entry(key)?.isCommonWord ?? false
        }
        return Declension.baseForms(of: key).contains { form in
            entry(form)?.isCommonWord ?? false
        }
    }
}

extension GazetteerError: LocalizedError {
    public var errorDescription: String? { description }
}
