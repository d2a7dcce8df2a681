import Testing
import Extraction
import KnowledgeGraph

/// Names inside organisations' names: a hyphenated adjective the analyzer reads as a surname,
/// a place name in apposition, a person after "имени".
@Suite struct OrganisationNameTests {
    private func organisations(_ text: String) throws -> Set<String> {
        Set(try extract(text).nodes.filter { $0.type == .organisation }.map(\.name))
    }

    @Test(arguments: [
        ("Делегация Ивано-Никольской гимназии посетила Льеж.", "Ивано-Никольская гимназия"),
        ("Учителя Анно-Марьинской школы выступили в Льеже.", "Анно-Марьинская школа"),
        ("Ученики Ивано-Никольской школы побывали в Льеже.", "Ивано-Никольская школа"),
    ])
    func aHyphenatedAdjectiveReadAsANameStillModifiesTheHead(_ text: String, _ name: String) throws {
        #expect(try organisations(text).contains(name))
    }

    @Test(arguments: [
        "Ученики средней школы Нант посетили Тверь.",
        "Студенты университета Хоккайдо приехали в Тверь.",
        "Преподаватели колледжа Льеж побывали в Твери.",
    ])
    func aNominativeNameAfterAnInflectedHeadNamesTheOrganisation(_ text: String) throws {
        let places = Set(try extract(text).nodes.filter(\.type.isPlace).map(\.name))
        #expect(places == ["Тверь"])
    }

    @Test func aGenitiveCityAfterItsBodyIsStillTheCity() throws {
        let places = Set(try extract("Делегация торговой палаты Льежа посетила Тверь.").nodes.filter(\.type.isPlace).map(\.name))
        #expect(places == ["Льеж", "Тверь"])
    }

    @Test(arguments: [
        ("Делегация университета имени Карла Маркса посетила Тверь.", "Университет имени Карла Маркса"),
        ("Хор гимназии имени Ивана Бунина выступил в Твери.", "Гимназия имени Ивана Бунина"),
    ])
    func aPersonAfterImeniBelongsToTheName(_ text: String, _ name: String) throws {
        #expect(try organisations(text).contains { $0.hasSuffix(name.split(separator: " ").suffix(3).joined(separator: " ")) })
    }
}
