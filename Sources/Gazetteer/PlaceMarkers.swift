/// Words that mark the next name as a place of a given type ("г. Удалянчи", "коммуна Стрёмсунд",
/// "округ Бёрде", "Департамент Верхняя Савойя"), in any case form. The recogniser uses them to
/// accept places the gazetteer lacks and to choose among readings (a region after "округ").
public enum PlaceMarkers {
    /// Nominative marker → the type of the place it introduces. Data apart from the lookup.
    static let markers: [String: PlaceType] = [
        "г": .city, "город": .city, "городок": .city, "коммуна": .city,
        "муниципалитет": .city, "пос": .city, "поселок": .city, "посёлок": .city,
        "село": .city, "деревня": .city, "станица": .city, "уезд": .city, "волость": .city,
        "городской округ": .city, "город-побратим": .city, "город-партнер": .city,
        "округ": .region, "провинция": .region, "префектура": .region, "департамент": .region,
        "штат": .region, "область": .region, "обл": .region, "край": .region, "регион": .region,
        "земля": .region, "кантон": .region, "графство": .region, "воеводство": .region,
        "район": .region, "автономный район": .region, "автономная область": .region,
        "губерния": .region, "аймак": .region, "федеральный округ": .region,
        "страна": .country, "государство": .country, "королевство": .country,
    ]

    /// The type of place a marker word introduces, from any of its forms ("городе", "коммуны",
    /// "округа", "провинции", "г."); nil when the word is not a marker.
    public static func type(ofMarker word: String) -> PlaceType? {
        var key = NameKey.fold(word)
        while key.hasSuffix(".") { key.removeLast() }
        guard !key.isEmpty else { return nil }
        if let t = markers[key] { return t }
        for form in Declension.baseForms(of: key) {
            if let t = markers[form] { return t }
        }
        return nil
    }
}
