import Foundation
import Testing
@testable import Gazetteer

@Suite struct GazetteerLookupTests {
    let g: Gazetteer

    init() throws {
        g = try Gazetteer.bundled()
    }

    /// A place's own name beats a larger place that once bore it or goes by it too.
    @Test(arguments: [("Ставрополь", "city/stavropol"), ("Ставрополя", "city/stavropol"), ("Ставрополе", "city/stavropol")])
    func aPlacesOwnNameBeatsAnotherPlacesFormerName(_ surface: String, _ id: String) {
        #expect(g.lookup(surface).first?.id == id)
    }

    /// The forms the issue lists, each with the place it must give first.
    @Test(arguments: [
        ("Пфорцхайме", "city/pforzheim"), ("Пфорцхайма", "city/pforzheim"), ("Иркутском", "city/irkutsk"),
        ("Улан-Батора", "city/ulan-bator"), ("Улан–Батора", "city/ulan-bator"), ("Кайфына", "city/kaifeng"),
        ("Кайфыном", "city/kaifeng"), ("Москве", "city/moscow"), ("Твери", "city/tver"), ("Тайбэя", "city/taipei"),
        ("Краснодарского края", "region/krasnodarskiy-kray"), ("Республики Казахстан", "country/kz"),
        ("КНР", "country/cn"), ("Китая", "country/cn"), ("ФРГ", "country/de"),
        ("Республике Корея", "country/kr"), ("Омской области", "region/omskaya-oblast"),
        ("ОМСКА", "city/omsk"), ("омске", "city/omsk"), ("Орла", "city/orel"), ("Нижнем Новгороде", "city/nizhniy-novgorod"),
        ("Набережных Челнах", "city/naberezhnyye-chelny"), ("Ростова-на-Дону", "city/rostov-on-don"),
        ("Хабаровским краем", "region/khabarovskiy-kray"), ("Санкт-Петербурге", "city/saint-petersburg"),
    ])
    func inflectedForms(_ surface: String, _ id: String) {
        #expect(g.lookup(surface).first?.id == id, "\(surface) → \(g.lookup(surface).prefix(3).map(\.id))")
    }

    @Test(arguments: [
        ("КНР", "CN"), ("Китай", "CN"), ("ФРГ", "DE"), ("Германия", "DE"), ("США", "US"), ("РФ", "RU"),
        ("Россия", "RU"), ("РК", "KR"), ("Корея", "KR"), ("Южная Корея", "KR"), ("КР", "KG"), ("КНДР", "KP"),
        ("Великобритания", "GB"), ("Англия", "GB"), ("Белоруссия", "BY"), ("Беларусь", "BY"), ("Чехия", "CZ"),
        ("Словакия", "SK"), ("Вьетнам", "VN"), ("СРВ", "VN"), ("Турция", "TR"), ("Молдавия", "MD"),
    ])
    func countriesByNameAndAbbreviation(_ surface: String, _ code: String) throws {
        let best = try #require(g.lookup(surface).first)
        #expect(best.type == .country)
        #expect(best.country == code)
        #expect(best.id == "country/" + code.lowercased())
    }

    @Test func canonicalCountryNamesAreShortCommonNames() {
        #expect(g.country(code: "CN")?.name == "Китай")
        #expect(g.country(code: "de")?.name == "Германия")
        #expect(g.country(code: "KR")?.name == "Республика Корея")
        #expect(g.country(code: "US")?.name == "США")
        #expect(g.country(code: "RU")?.name == "Россия")
        #expect(g.country(code: "XX") == nil)
    }

    @Test func idsAreStableReadableAndUnique() {
        #expect(g.place(id: "city/omsk")?.name == "Омск")
        #expect(g.place(id: "city/omsk")?.geonameID == 1496153)
        #expect(g.place(id: "city/kaifeng")?.country == "CN")
        // GeoNames' own Russian spelling is the name; other transliterations find it as variants
        #expect(g.place(id: "city/stromsund")?.name == "Стрьомсунд")
        #expect(g.matches("Стрёмсунд").first?.place.id == "city/stromsund")
        #expect(g.place(id: "region/omskaya-oblast")?.type == .region)
        #expect(g.place(id: "region/krym")?.name == "Крым")
        #expect(g.place(id: "country/cn")?.aliases.contains("КНР") == true)
        let all = g.allPlaces()
        #expect(all.count == g.count)
        #expect(all.count > 60_000)
        #expect(Set(all.map(\.id)).count == all.count)
        let pattern = /^(city|region|country)\/[a-z0-9]+(-[a-z0-9]+)*$/
        #expect(all.allSatisfy { $0.id.wholeMatch(of: pattern) != nil })
        #expect(all.allSatisfy { $0.id.hasPrefix($0.type.rawValue + "/") })
    }

    @Test func regionIdsUseTheSwiftSlugOfTheirName() {
        // The build script and NameKey.slug must agree, so the recogniser's ids for new places
        // look like the bundled ones.
        #expect(NameKey.slug("Омская область") == "omskaya-oblast")
        #expect(NameKey.slug("Верхняя Савойя") == "verkhnyaya-savoyya")
        #expect(g.place(id: "region/" + NameKey.slug("Краснодарский край")) != nil)
        #expect(NameKey.slug("Удалянчи") == "udalyanchi")
        #expect(NameKey.slug("Strömsund") == "stromsund")
        #expect(NameKey.slug("Кот-д'Ивуар") == "kot-d-ivuar")
    }

    @Test func spellingVariantsResolveToOnePlace() {
        for group in [["Тайбей", "Тайбэй", "Тайбэя", "Тайбея"], ["Шэньян", "Шеньян"], ["Стрёмсунд", "Стремсунд"],
                      ["Чанчжоу", "Чанжоу"], ["Хаммамет", "Хамамет"], ["Чинчжу", "Чинджу"], ["Манчжурия", "Маньчжурия"]] {
            let ids = Set(group.compactMap { g.lookup($0).first?.id })
            #expect(ids.count == 1, "\(group) → \(ids)")
        }
    }

    @Test func countryHintPicksTheReadingTheContextSupports() {
        #expect(g.lookup("Армения").first?.type == .country)
        #expect(g.lookup("Армения", countryHint: "CO").first?.id == "city/armenia")
        #expect(g.lookup("Хаммамет", countryHint: "DZ").first?.country == "DZ")
        #expect(g.lookup("Хаммамет", countryHint: nil).first?.country == "TN")
        #expect(g.lookup("Кайфын", countryHint: "КНР").first?.id == "city/kaifeng")
        #expect(g.lookup("Анси", countryHint: "Бельгии").first?.country == "BE")
        #expect(g.lookup("Анси", countryHint: "Франции").first?.id == "city/annecy")
        #expect(g.countryCode("Китая") == "CN")
        #expect(g.countryCode("(ФРГ)") == "DE")
        #expect(g.countryCode("de") == "DE")
        // A wrong hint keeps the other readings.
        #expect(g.lookup("Омск", countryHint: "CN").first?.id == "city/omsk")
    }

    @Test func rankingPrefersCountriesCapitalsAndLargerPlaces() {
        #expect(g.lookup("Тунис").first?.type == .country)
        #expect(g.lookup("Москва").first?.id == "city/moscow")
        #expect(g.lookup("Крым").first?.type == .region, "the region, not the village Krym")
        #expect(g.lookup("Ташкент").first?.type == .city, "the city before the region of the same name")
        #expect(g.place(id: "city/moscow")?.isCapital == true)
    }

    /// Common Russian words that GeoNames also has as place names, or words of the corpus that
    /// look like inflected names: none may pass as a plain place.
    @Test(arguments: ["Мира", "Победа", "Победы", "Город", "Октябрь", "Заря", "Свобода", "Труд", "Дружба",
                      "Надежда", "Года", "Администрации", "Делегации", "Сотрудничества", "Форум", "Мэр",
                      "Центр", "Восток", "Совет", "Союз", "Прогресс", "Рассвет", "Маяк", "Спутник", "Искра"])
    func commonWordsAreNotPlainPlaces(_ word: String) {
        let found = g.matches(word)
        #expect(found.isEmpty || g.isLikelyCommonWord(word), "\(word) → \(found.prefix(3).map(\.place.id))")
        #expect(found.allSatisfy { $0.isCommonWord || $0.quality != .exact }, "\(word)")
    }

    @Test func placeNamesAreNotCommonWords() {
        for name in ["Омск", "Омске", "Пфорцхайме", "Москве", "Кайфына", "Берлин", "Германии", "КНР", "Улан-Батора"] {
            #expect(!g.isLikelyCommonWord(name), "\(name)")
        }
        #expect(g.matches("Юджин").first?.isPersonalName == true)
    }

    @Test func populationIsExposedForThresholds() {
        #expect((g.place(id: "city/omsk")?.population ?? 0) > 1_000_000)
        #expect(g.place(id: "city/lidice")?.population ?? 0 < 1_000)
        #expect(g.place(id: "region/omskaya-oblast")?.population == 0)
    }

    @Test func emptyAndPunctuationSurfaces() {
        #expect(g.lookup("").isEmpty)
        #expect(g.lookup("  ").isEmpty)
        #expect(g.lookup("«Омск»").first?.id == "city/omsk")
    }
}

@Suite struct NameKeyTests {
    @Test func fold() {
        #expect(NameKey.fold("Улан–Батор") == "улан-батор")
        #expect(NameKey.fold("Улан - Батор") == "улан-батор")
        #expect(NameKey.fold("  Стрёмсунд ") == "стремсунд")
        #expect(NameKey.fold("Краснодарский\n  край") == "краснодарский край")
        #expect(NameKey.fold("Бело\u{00AD}руссия") == "белоруссия")
    }

    @Test func fuzzy() {
        #expect(NameKey.fuzzy("тайбэй") == NameKey.fuzzy("тайбей"))
        #expect(NameKey.fuzzy("чанчжоу") == NameKey.fuzzy("чанжоу"))
        #expect(NameKey.fuzzy("стрьомсунд") == NameKey.fuzzy("стремсунд"))
        #expect(NameKey.fuzzy("субботица") == NameKey.fuzzy("суботица"))
        #expect(NameKey.fuzzy("омск") == "омск")
    }

    @Test func declensionCandidates() {
        #expect(Declension.baseForms(ofWord: "орла").contains("орел"))
        #expect(Declension.baseForms(ofWord: "ельца").contains("елец"))
        #expect(Declension.baseForms(ofWord: "германией").contains("германия"))
        #expect(Declension.baseForms(ofWord: "тверью").contains("тверь"))
        #expect(Declension.baseForms(of: "краснодарского края").contains("краснодарский край"))
        #expect(Declension.baseForms(of: "ростова-на-дону").contains("ростов-на-дону"))
        #expect(Declension.baseForms(of: "омск").first == "омск")
    }
}

@Suite struct GazetteerLoadingTests {
    @Test func smallTablesLoadAndMalformedOnesFail() throws {
        let places = "city/a\tcity\tА\tRU\t1\t1.5\t2.5\t10\t\tАа\tA\n"
        let names = "а\t0\t\t\nаа\t0\t\t\n"
        let g = try Gazetteer(placesTSV: Array(places.utf8), namesTSV: Array(names.utf8))
        #expect(g.count == 1)
        #expect(g.lookup("Аа").first?.latitude == 1.5)
        #expect(throws: GazetteerError.self) {
            try Gazetteer(placesTSV: Array("city/a\tcity\n".utf8), namesTSV: [])
        }
        let message = GazetteerError.malformed(file: "places.tsv", line: 1, reason: "x").description
        #expect(message.contains("scripts/build-gazetteer.py"))
    }

    @Test func bundledIsSharedAndComplete() throws {
        let a = try Gazetteer.bundled(), b = try Gazetteer.bundled()
        #expect(a === b)
        #expect(a.country(code: "CN") != nil)
    }
}

@Suite struct AdjectivesAreNotPlaceNames {
    @Test func adjectivesOfCityNamesDoNotResolveToTheCity() throws {
        let g = try Gazetteer.bundled()
        for adjective in ["Томским", "Омским", "Иркутские", "Омская", "Хабаровским"] {
            #expect(!g.lookup(adjective).contains { $0.type == .city && $0.population > 100_000 },
                    "\(adjective) → \(g.lookup(adjective).prefix(2).map(\.id))")
        }
        #expect(g.lookup("Пушкиным").first?.id == "city/pushkin")
    }
}

@Suite struct NeedsContextTests {
    @Test func commonWordsAndVariantsNeedContextMajorPlacesDoNot() throws {
        let g = try Gazetteer.bundled()
        #expect(g.matches("Мира").allSatisfy { $0.needsContext })
        #expect(g.matches("Совета").allSatisfy { $0.needsContext })
        #expect(g.matches("Юджин").first?.needsContext == true)
        #expect(g.matches("Субботица").first?.needsContext == true)
        #expect(g.matches("По").allSatisfy { $0.needsContext })
        #expect(g.matches("Манилы").first?.needsContext == false, "a capital is a place even if «манила» is a verb")
        #expect(g.matches("Омска").first?.needsContext == false)
        #expect(g.matches("Пфорцхайме").first?.needsContext == false)
        #expect(g.matches("КНР").first?.needsContext == false)
    }
}

@Suite struct PlaceMarkersTests {
    @Test(arguments: [("г.", PlaceType.city), ("городе", .city), ("Город", .city), ("коммуны", .city),
                      ("коммуной", .city), ("муниципалитета", .city), ("округа", .region), ("Округ", .region),
                      ("Департамента", .region), ("провинции", .region), ("префектуре", .region),
                      ("области", .region), ("края", .region), ("штата", .region)])
    func markers(_ word: String, _ type: PlaceType) {
        #expect(PlaceMarkers.type(ofMarker: word) == type)
    }

    @Test func nonMarkers() {
        for word in ["гора", "Омск", "делегация", "Республики", "года", ""] {
            #expect(PlaceMarkers.type(ofMarker: word) == nil, "\(word)")
        }
    }
}

@Suite struct LongestMatchTests {
    @Test func multiWordNamesAreFoundFromTokenRuns() throws {
        let g = try Gazetteer.bundled()
        let a = g.longestMatch(["Республики", "Казахстан", "К", ".", "-", "Ж"])
        #expect(a?.wordCount == 2)
        #expect(a?.matches.first?.place.id == "country/kz")
        let b = g.longestMatch(["Краснодарского", "края", "и", "Омской", "области"])
        #expect(b?.wordCount == 2)
        #expect(b?.matches.first?.place.id == "region/krasnodarskiy-kray")
        let c = g.longestMatch(["Босния", "и", "Герцеговина", "."])
        #expect(c?.wordCount == 3)
        #expect(c?.matches.first?.place.id == "country/ba")
        let d = g.longestMatch(["Омске", "прошел", "форум"])
        #expect(d?.wordCount == 1)
        #expect(g.longestMatch(["прошел", "форум"]) == nil)
        #expect(g.longestMatch([String]()) == nil)
    }
}

/// The fast paths for plain text (ASCII and basic Cyrillic) must give what the general routes give.
@Suite struct PlainFastPathTests {
    static let words = ["омска", "орла", "ельца", "германией", "тверью", "пушкиным", "королёвым", "томским",
                        "краснодарского", "набережных", "челнами", "афинах", "стрьомсунд", "тайбэй", "чанчжоу",
                        "дчжоу", "маньчжурия", "объединённых", "хаммамет", "ьоо", "а", "", "ab-c", "улан-батора"]

    @Test func baseFormsAgree() {
        for w in Self.words {
            #expect(Declension.plainBaseForms(w) == Declension.generalBaseForms(w), "\(w)")
        }
    }

    @Test func fuzzyAgrees() {
        for w in Self.words {
            #expect(NameKey.fuzzy(w) == NameKey.fuzzyGeneral(w), "\(w)")
            let bytes = Array(w.utf8).withUnsafeBufferPointer(NameKey.fuzzyBytes)
            #expect(String(decoding: bytes, as: UTF8.self) == NameKey.fuzzyGeneral(w), "\(w)")
        }
    }

    /// The byte routes of the lookup give the String routes' candidates, in their order.
    @Test func byteCandidatesAgree() {
        for w in Self.words {
            var forms = FormList()
            Array(w.utf8).withUnsafeBufferPointer { Declension.plainWordForms($0, into: &forms) }
            #expect((0..<forms.count).map(forms.string) == Declension.plainBaseForms(w), "\(w)")
        }
        let phrases = ["краснодарского края", "ростова-на-дону", "нижнем новгороде", "республики корея",
                       "набережных челнах", "улан-батора", "а б", "-омск", "омск-", "дальнего востока"]
        for p in phrases {
            var forms = FormList()
            Array(p.utf8).withUnsafeBufferPointer { Declension.plainCandidates($0, into: &forms) { _ in true } }
            #expect((0..<forms.count).map(forms.string) == Declension.baseForms(of: p), "\(p)")
            // pruning: only combinations whose first word is declined as "краснодарский"
            var pruned = FormList()
            Array(p.utf8).withUnsafeBufferPointer {
                Declension.plainCandidates($0, into: &pruned) { String(decoding: $0, as: UTF8.self).hasPrefix("к") }
            }
            #expect((0..<pruned.count).map(pruned.string) == Declension.baseForms(of: p) { $0.hasPrefix("к") }, "\(p)")
        }
    }

    @Test func foldAgrees() {
        for w in Self.words + ["  Улан – Батор ", "Бело\u{00AD}руссия", "Нью\u{00A0}Йорк", "ЁЛКИ-ПАЛКИ", "a\r\nb",
                               "Ѐ Ѓ", "- х -", "Ростов−на−Дону", "\t", ""] {
            #expect(NameKey.plainFold(w).map { String(decoding: $0, as: UTF8.self) } == NameKey.generalFold(w),
                    "\(w.debugDescription)")
        }
        #expect(NameKey.plainFold("Zürich") == nil)
        #expect(NameKey.fold("Zürich") == NameKey.generalFold("Zürich"))
    }

    private func unpack(_ packed: UInt32) -> String {
        var bytes: [UInt8] = []
        var p = packed
        while p != 0 {
            bytes.append(UInt8(truncatingIfNeeded: p))
            p >>= 8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func cyrillicTransliterationTable() {
        for (k, v) in (0x430...0x44F).enumerated() {
            let letter = Character(Unicode.Scalar(UInt32(v))!)
            #expect(NameKey.slugPiece(letter) == .text(unpack(NameKey.cyrillicTranslitPacked[k])), "\(letter)")
        }
    }

    /// The data tables of `plainSlug` are what `slugPiece` gives, for scalars that stay one
    /// character of their own.
    @Test func extraSlugScalars() throws {
        var checked = 0
        let separators = NameKey.extraSlugSeparators.flatMap { $0 }
        for v in Array(NameKey.extraSlugText.keys) + separators {
            let x = try #require(Unicode.Scalar(v))
            let s = String(x)
            #expect("a\(s)a".count == 3 && "ы\(s)ы".count == 3 && "1\(s)1".count == 3 && "-\(s)-".count == 3
                    && "\(s)\(s)".count == 2, "\(s.debugDescription)")
            let lower = Array(s.lowercased().unicodeScalars)
            try #require(lower.count == 1, "\(s.debugDescription)")
            let expected: NameKey.SlugPiece = NameKey.extraSlugText[v].map { .text(unpack($0)) } ?? .separator
            #expect(NameKey.slugPiece(Character(lower[0])) == expected, "\(s.debugDescription)")
            checked += 1
        }
        #expect(checked > 500)
    }

    @Test func slugAgrees() {
        for w in Self.words + ["Омская область", "Кот-д'Ивуар", "  ОмГУ  ", "ANMC21", "Ёлки-палки", "a\r\nb", "--х--",
                                  "Фестиваль «Флора–2019»", "„Дни“ — ‘Омска’…", "Школа №\u{A0}5"] {
            #expect(NameKey.plainSlug(w) == NameKey.generalSlug(w), "\(w)")
        }
        for w in ["Strömsund", "«Омск» – №1™", "Zürich → □", "ŁÓDŹ", "Кот‑д’Ивуар", "ß·æ"] {
            #expect(NameKey.plainSlug(w) == NameKey.generalSlug(w), "\(w)")
        }
        // "İ" lower-cases to two scalars: the general route decides.
        #expect(NameKey.plainSlug("İstanbul") == nil)
        #expect(NameKey.slug("İstanbul") == NameKey.generalSlug("İstanbul"))
        // A combining mark joins the character before it: the general route decides.
        #expect(NameKey.plainSlug("e\u{301}") == nil)
        #expect(NameKey.plainSlug("Stro\u{308}msund") == nil)
    }
}
