/// The kind of a place, matching the graph's node types (DESIGN.md).
public enum PlaceType: String, Sendable, Hashable, CaseIterable {
    /// A populated place: city, town, village, commune (GeoNames `cities500`).
    case city
    /// A country subdivision (ISO 3166-2: oblast, krai, province, department…) or a macro-region
    /// reports name ("Сибирь", "Дальний Восток", federal districts).
    case region
    /// A country (ISO 3166-1).
    case country
}

/// One place of the gazetteer.
public struct Place: Sendable, Hashable {
    /// Stable readable id: `city/omsk`, `country/cn`, `region/omskaya-oblast`. Cities use
    /// GeoNames' Latin name, regions the transliterated Russian name, countries the ISO code;
    /// a collision gets `-cc`, then `-cc-geonameid` appended (the larger place keeps the short id).
    public let id: String
    /// Canonical Russian nominative ("Китай", "Омская область", "Пфорцхайм").
    public let name: String
    public let type: PlaceType
    /// ISO 3166-1 alpha-2 code of the country it is in (its own code for a country); nil for
    /// macro-regions spanning countries ("Европа").
    public let country: String?
    /// GeoNames id, when the place comes from GeoNames (cities, and countries).
    public let geonameID: Int?
    public let latitude: Double?
    public let longitude: Double?
    /// Inhabitants according to GeoNames; 0 when unknown (regions, small places).
    public let population: Int
    /// The capital of its country.
    public let isCapital: Bool
    /// Other Russian names and spellings ("КНР", "Китайская Народная Республика").
    public let aliases: [String]
    /// GeoNames' primary (Latin) name or the ISO English name.
    public let latinName: String

    public init(id: String, name: String, type: PlaceType, country: String?, geonameID: Int?,
                latitude: Double?, longitude: Double?, population: Int, isCapital: Bool,
                aliases: [String], latinName: String) {
        self.id = id
        self.name = name
        self.type = type
        self.country = country
        self.geonameID = geonameID
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.isCapital = isCapital
        self.aliases = aliases
        self.latinName = latinName
    }
}

/// A lookup result: the place and how the surface form matched it.
public struct PlaceMatch: Sendable, Hashable {
    /// How a surface matched a name of the place.
    public enum Quality: Int, Sendable, Hashable, Comparable {
        /// The surface (folded) is a name of the place: a nominative or an indeclinable form.
        case exact = 0
        /// A base form derived by undoing a case ending is a name of the place.
        case inflected = 1
        /// Only a spelling variant (э/е, чж/ж, doubled letters…) of a base form matched.
        case variant = 2

        public static func < (a: Quality, b: Quality) -> Bool { a.rawValue < b.rawValue }
    }

    public let place: Place
    public let quality: Quality
    /// The index key that matched (folded base form, e.g. "пфорцхайм").
    public let matchedName: String
    /// The matched name is also a common Russian word ("Мира", "Победа", "Курган"): the recogniser
    /// should accept it as a place only with context ("г.", "в городе", a country in parentheses).
    public let isCommonWord: Bool
    /// The matched name itself is a common word ("Манила", a form of "манить"), as opposed to
    /// the surface having another reading as a word ("Совета" → совет, while the place is Soweto).
    public let matchedNameIsCommonWord: Bool
    /// The matched name is also a first name or surname ("Юджин", "Надежда").
    public let isPersonalName: Bool

    /// A country, a capital, or a city of a million people: a capitalised mention of it is a
    /// place even when the name is also a word ("Манила", "Дели").
    public var isMajor: Bool {
        place.type == .country || place.isCapital || place.population >= 1_000_000
    }

    /// The recogniser should take this reading only with context (a marker such as "г.",
    /// "в городе", "коммуна", a country in parentheses, a list of places): a spelling variant,
    /// a name that is also a common word or a personal name (unless `isMajor`), or a very short
    /// name.
    public var needsContext: Bool {
        if quality == .variant { return true }
        if isCommonWord && !matchedNameIsCommonWord { return true }
        if (isCommonWord || isPersonalName) && !isMajor { return true }
        return matchedName.count <= 2
    }
}
