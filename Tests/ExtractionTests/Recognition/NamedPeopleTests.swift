import Testing
import Extraction
import KnowledgeGraph

@Suite struct NamedPeopleTests {
    func people(_ text: String) throws -> Set<String> {
        Set(try extract(text).nodes.filter { $0.type == .person }.map(\.name))
    }

    @Test(arguments: [
        ("Делегацию возглавил мэр Нанта Жоан Ле Гоффик.", "Ле Гоффик"),
        ("Гостей приветствовал глава Улан-Батора Батбаяр Ганзориг.", "Ганзориг"),
        ("Соглашение подписали мэр Казани Рустем Хайруллин и губернатор провинции Самсун Мехмет Йылдырым.", "Йылдырым"),
    ])
    func namesTheTablesDoNotKnowComeFromTheModel(_ text: String, _ surname: String) throws {
        #expect(try people(text).contains { $0.hasSuffix(surname) })
    }

    @Test(arguments: [
        ("Благодарность вручили Гульшат Сабировой.", "Гульшат Сабирова"),
        ("Встреча прошла с мэром Казани Рустемом Хайруллиным.", "Рустем Хайруллин"),
    ])
    func namesGoIntoTheNominativeWithTheirGender(_ text: String, _ name: String) throws {
        #expect(try people(text).contains(name))
    }

    @Test func placesTaggedAsPeopleStayPlaces() throws {
        let g = try extract("Делегация из Пфорцхайма посетила Канадзаву и Дзеэцу.")
        #expect(!g.nodes.contains { $0.type == .person })
    }
}
