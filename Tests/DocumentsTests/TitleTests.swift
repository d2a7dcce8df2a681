import Foundation
import Gazetteer
import Testing
@testable import Documents

@Suite struct TitleTests {
    static let reader = TitleReader(gazetteer: try! Gazetteer.bundled())

    @Test(arguments: [
        ("ОМСК", "city/omsk"),
        ("г. Омск", "city/omsk"),
        ("Администрация города Омска", "city/omsk"),
        ("Отчёт о международной деятельности Администрации города Омска за 2019 год", "city/omsk"),
        ("Отчет о международной деятельности Администрации города Хабаровска за 2021 год", "city/khabarovsk"),
        ("ИНФОРМАЦИЯ О МЕЖДУНАРОДНЫХ СВЯЗЯХ Г. ТОМСКА", "city/tomsk"),
        ("Итоги международного сотрудничества Иркутска в 2009 году", "city/irkutsk"),
    ])
    func reportingCityFromAnyFormOfTitle(_ title: String, _ city: String) {
        #expect(Self.reader.reportingCity(in: title) == city)
    }

    /// An encyclopedia's article is about the city its title defines.
    @Test(arguments: [
        ("Тверь — город в России, административный центр Тверской области", "city/tver"),
        ("Курган (город)", "city/kurgan"),
        ("Льеж, город в Бельгии", "city/liege"),
    ])
    func anEncyclopediasTitleDefinesItsCity(_ title: String, _ city: String) {
        #expect(Self.reader.reportingCity(in: title) == city)
    }

    @Test(arguments: ["Делегация Омска посетила Харбин", "Международная деятельность муниципалитета",
                      "Омск, Томск и Тверь — города-побратимы Харбина", "Тверь — Льеж: тридцать лет дружбы",
                      "В течение года город поддерживал связи с партнёрами."])
    func headlinesAndOrdinaryLinesNameNoReporter(_ line: String) {
        #expect(Self.reader.reportingCity(in: line) == nil)
    }

    @Test func titleLineWithItsOffsetsAndYear() {
        let text = "\n  Отчёт о международной деятельности Администрации города Омска за 2019 год\n\nВ 2018 году…"
        let t = Self.reader.read(text: text, titleProperty: nil)
        #expect(t.title == "Отчёт о международной деятельности Администрации города Омска за 2019 год")
        #expect(t.reporter == "city/omsk")
        #expect(t.year == 2019)
        let scalars = Array(text.unicodeScalars)
        let start = try! #require(t.lineStart), end = try! #require(t.lineEnd)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == t.title)
    }

    @Test func titlePropertyComesFirst() {
        let t = Self.reader.read(text: "Бланк организации\n\nТекст.", titleProperty: "Отчёт администрации города Томска за 2011 год")
        #expect(t.title == "Отчёт администрации города Томска за 2011 год")
        #expect(t.reporter == "city/tomsk")
        #expect(t.year == 2011)
    }

    @Test func aLongFirstLineIsNoTitle() {
        let paragraph = String(repeating: "Делегация города Омска посетила партнёров. ", count: 8)
        let t = Self.reader.read(text: paragraph, titleProperty: nil)
        #expect(t.title == nil && t.reporter == nil)
    }
}
