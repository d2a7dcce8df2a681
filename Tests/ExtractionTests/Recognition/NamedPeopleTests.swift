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

@Suite struct WholeNamesAndOfficesTests {
    func offices(_ text: String) throws -> Set<String> {
        let g = try extract(text)
        let byID = g.nodesByID
        return Set(g.edges.filter { $0.type == .holdsOffice }.compactMap { e in
            guard let p = byID[e.source]?.name, let t = byID[e.target]?.name else { return nil }
            return "\(p)->\(t)"
        })
    }

    @Test(arguments: [
        ("На встречу прибыл мэр Измира Мустафа Кемаль Озтюрк.", "Мустафа Кемаль Озтюрк->Измир"),
        ("Гостей встретил мэр Нанта Жан Поль Бертран.", "Жан Поль Бертран->Нант"),
    ])
    func aNameOfThreeWordsIsKeptWhole(_ text: String, _ office: String) throws {
        #expect(try offices(text).contains(office))
    }

    @Test(arguments: [
        ("Соглашение подписал аким города Караганды Ерлан Сагинтаев.", "Ерлан Сагинтаев->Караганда"),
        ("Гостей принял аким Шымкента Марат Ибраев.", "Марат Ибраев->Шымкент"),
    ])
    func anAkimHoldsTheCitysOffice(_ text: String, _ office: String) throws {
        #expect(try offices(text).contains(office))
    }

    @Test(arguments: [
        ("Документ подписал мэр Полевского Константин Смирнов.", "Константин Смирнов->Полевской"),
        ("Гостей встретил глава Заречного Пётр Соколов.", "Пётр Соколов->Заречный"),
    ])
    func aCityNamedLikeAnAdjectiveAfterItsOffice(_ text: String, _ office: String) throws {
        #expect(try offices(text).contains(office))
    }
}
