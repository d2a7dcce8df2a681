import Testing
@testable import Gazetteer

/// The places of the gold files (../shared/gold/*.tsv, rows `place`): acceptable names (first the
/// gold's own), the gold type, and inflected or variant forms taken from the corpus text.
/// Left out: "Бёрде" (a German district) and "Вигген": GeoNames lacks them; the recogniser takes
/// them as new places because the text marks them ("округ Бёрде", "в городе Вигген").
let goldPlaces: [(names: [String], type: PlaceType, forms: [String])] = [
    (["Иркутск"], .city, ["Иркутска", "Иркутске", "Иркутском", "Иркутску"]),
    (["Россия", "РФ", "Российская Федерация"], .country, ["России", "Россию", "РФ", "Российской Федерации", "Российской Федерацией"]),
    (["Стрёмсунд", "Стремсунд"], .city, ["Стремсунд"]),
    (["Швеция"], .country, ["Швеции"]),
    (["Стокгольм"], .city, ["Стокгольма"]),
    (["Верхняя Савойя"], .region, ["Верхней Савойе", "Haute-Savoie"]),
    (["Франция"], .country, ["Франции"]),
    (["Улан-Батор", "Улаанбаатар"], .city, ["Улан-Батора"]),
    (["Монголия"], .country, ["Монголии"]),
    (["Симферополь"], .city, ["Симферополе"]),
    (["Украина"], .country, ["Украины"]),
    (["Каннын"], .city, []),
    (["Республика Корея", "Корея", "Южная Корея"], .country, ["Кореи", "Республики Корея", "Южная Корея", "РК"]),
    (["Вильнюс"], .city, ["Вильнюса"]),
    (["Литва", "Литовская Республика"], .country, ["Литовская Республика"]),
    (["Хакодатэ", "Хакодате"], .city, ["Хакодате"]),
    (["Токио"], .city, []),
    (["Япония"], .country, ["Японии"]),
    (["Волгоград"], .city, ["Волгограде"]),
    (["Пфорцхайм"], .city, ["Пфорцхайма", "Пфорцхайме", "Пфорцхаймом"]),
    (["Германия", "ФРГ"], .country, ["Германии", "Германию", "ФРГ"]),
    (["Шэньян", "Шеньян"], .city, ["Шеньян"]),
    (["Китай", "КНР"], .country, ["КНР", "Китае", "Китая"]),
    (["Канадзава"], .city, []),
    (["Анси"], .city, []),
    (["Юджин"], .city, []),
    (["США"], .country, []),
    (["Крым", "Республика Крым"], .region, ["Крыма", "Республики Крым"]),
    (["Сибирь"], .region, ["Сибири"]),
    (["Дальний Восток"], .region, ["Дальнего Востока"]),
    (["Омск"], .city, ["Омска", "Омске", "Омском", "Омску"]),
    (["Казахстан", "Республика Казахстан"], .country, ["Казахстана", "Республики Казахстан"]),
    (["Барлебен"], .city, ["Барлебена"]),
    (["Магдебург"], .city, ["Магдебурга"]),
    (["Кайфын"], .city, ["Кайфына", "Кайфыном"]),
    (["Вьетнам", "Социалистическая Республика Вьетнам"], .country, ["Социалистическая Республика Вьетнам"]),
    (["Азербайджан", "Азербайджанская Республика"], .country, ["Азербайджанская Республика"]),
    (["Словакия", "Словацкая Республика"], .country, ["Словацкая Республика"]),
    (["Узбекистан", "Республика Узбекистан"], .country, ["Узбекистана", "Республика Узбекистан"]),
    (["Фучжоу"], .city, []),
    (["Павлодар"], .city, []),
    (["Красноярск"], .city, ["Красноярска", "Красноярске"]),
    (["Ангарск"], .city, []),
    (["Калининград"], .city, []),
    (["Новосибирск"], .city, ["Новосибирска"]),
    (["Краснодарский край"], .region, ["Краснодарского края"]),
    (["Уральский федеральный округ"], .region, ["Уральского федерального округа"]),
    (["Шымкент"], .city, []),
    (["Ташкент"], .city, []),
    (["Самарканд"], .city, []),
    (["Уфа"], .city, ["Уфе"]),
    (["Маньчжурия", "Манчжурия"], .city, ["Маньчжурии", "Манчжурия"]),
    (["Армения"], .country, ["Армении"]),
    (["Беларусь", "Белоруссия", "Республика Беларусь"], .country, ["Белоруссия", "Республика Беларусь"]),
    (["Латвия"], .country, ["Латвии"]),
    (["Турция"], .country, ["Турции"]),
    (["Чинчжу"], .city, []),
    (["Хаммамет"], .city, ["Хаммамете"]),
    (["Тунис"], .country, []),
    (["Лидице"], .city, []),
    (["Чехия", "Чешская Республика"], .country, ["Чехии", "Чешской Республики"]),
    (["Женева"], .city, ["Женеве"]),
    (["Швейцария"], .country, []),
    (["Кантаньеди"], .city, []),
    (["Португалия"], .country, []),
    (["Пловдив"], .city, ["Пловдиве"]),
    (["Болгария"], .country, []),
    (["Субботица"], .city, []),
    (["Сербия"], .country, []),
    (["Лейпциг"], .city, ["Лейпциге"]),
    (["Сараево"], .city, []),
    (["Босния и Герцеговина"], .country, []),
    (["Омская область"], .region, ["Омской области", "омской области"]),
    (["Англия", "Великобритания"], .country, ["Англии", "Англия", "Великобритании"]),
    (["Индия"], .country, ["Индии"]),
    (["Берлин"], .city, ["Берлине"]),
    (["Воеводина"], .region, ["Воеводины"]),
    (["Европа"], .region, ["Европы"]),
]

/// A place carries the name, under its spelling variants.
func carries(_ place: Place, oneOf names: [String]) -> Bool {
    let wanted = Set(names.map { NameKey.fuzzy(NameKey.fold($0)) })
    return ([place.name] + place.aliases).contains { wanted.contains(NameKey.fuzzy(NameKey.fold($0))) }
}

@Suite struct GoldPlacesTests {
    let gazetteer: Gazetteer

    init() throws {
        gazetteer = try Gazetteer.bundled()
    }

    @Test(arguments: goldPlaces.map(\.names))
    func foundFromNominative(_ names: [String]) throws {
        let gold = try #require(goldPlaces.first { $0.names == names })
        let best = try #require(gazetteer.lookup(names[0]).first, "\(names[0]) not found")
        #expect(best.type == gold.type, "\(names[0]) → \(best.id)")
        #expect(carries(best, oneOf: names), "\(names[0]) → \(best.id) \(best.name)")
    }

    @Test(arguments: goldPlaces.map(\.names))
    func foundFromCorpusForms(_ names: [String]) throws {
        let gold = try #require(goldPlaces.first { $0.names == names })
        let expected = try #require(gazetteer.lookup(names[0]).first)
        for form in gold.forms {
            #expect(gazetteer.lookup(form).first?.id == expected.id, "\(form) should name \(expected.id)")
        }
    }

    @Test func nominativeMatchesAreExact() throws {
        let m = try #require(gazetteer.matches("Омск").first)
        #expect(m.quality == .exact)
        let inflected = try #require(gazetteer.matches("Омском").first)
        #expect(inflected.quality == .inflected)
        #expect(inflected.matchedName == "омск")
        let variant = try #require(gazetteer.matches("Субботица").first)
        #expect(variant.quality == .variant)
    }
}
