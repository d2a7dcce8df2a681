import Testing
import Extraction
import KnowledgeGraph

/// Visits in texts without a heading city: both ends come from the sentence's grammar.
@Suite struct VisitRuleTests {
    @Test(arguments: [
        "Делегация из Нанта прибыла в Тверь.",
        "В Тверь прибыла делегация из Нанта.",
        "Вчера в Тверь с официальным визитом прилетели представители мэрии Нанта.",
    ])
    func motionToTheAccusativeFromTheGenitive(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Нант->Тверь"])
    }

    @Test(arguments: [
        "Тверь посетила делегация из Нанта.",
        "Делегация Нанта посетила Тверь в мае.",
        "В мае Тверь посетили представители администрации Нанта.",
    ])
    func theObjectOfPosetitIsVisitedWhereverItStands(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Нант->Тверь"])
    }

    @Test(arguments: [
        "В Твери приняли делегацию из Нанта.",
        "Мэр Твери принял делегацию из французского города Нанта.",
        "Глава Твери тепло встретил делегацию Нанта.",
    ])
    func theHostOfAReceptionIsVisited(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Нант->Тверь"])
    }

    @Test(arguments: [
        "Делегация из Нанта посетит Тверь в мае.",
        "Делегация из Нанта не посетила Тверь.",
        "Мэр Нанта провёл онлайн-встречу и посетил Тверь в режиме видеосвязи.",
    ])
    func futureNegatedOrOnlineIsNoVisit(_ text: String) throws {
        #expect(visits(try extract(text)).isEmpty)
    }

    @Test func stayingSomewhereIsAVisitThere() throws {
        #expect(visits(try extract("Школьники из Нанта побывали в Твери.")) == ["Нант->Тверь"])
    }

    @Test func aPlaceWhereSomethingIsMerelyLocatedIsNoDestination() throws {
        #expect(visits(try extract("Целью визита делегации Нанта было обсуждение выставки о жизни в Твери.")).isEmpty)
    }
}

@Suite struct ParticipationVisitRuleTests {
    @Test(arguments: [
        "Делегация из Нанта приняла участие в форуме в Твери.",
        "В Твери прошёл фестиваль с участием делегации из Нанта.",
        "Представители мэрии Нанта приняли участие в выставке, которая прошла в Твери.",
    ])
    func aGroupTakingPartSomewhereWentThere(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Нант->Тверь"])
    }

    @Test func aNationalTeamIsNotWhereItsMembersCameFrom() throws {
        let v = visits(try extract("Спортсмены в составе сборной России приняли участие в турнире в Нанте."))
        #expect(!v.contains("Россия->Нант"))
    }
}
