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

    /// A municipality's official name in quotes («Город Нант») after "муниципального
    /// образования", "городского округа" and the like names the place, also inside the name of
    /// its administration.
    @Test(arguments: [
        "Глава администрации муниципального образования «Город Нант» с супругой прилетел в Тверь.",
        "Тверь посетили сотрудники мэрии городского округа «Город Нант».",
        "Представители администрации городского поселения «Нант» с рабочим визитом побывали в Твери.",
    ])
    func aMunicipalitysQuotedNameIsThePlace(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Нант->Тверь"])
    }

    /// Where a visit of a named group took place is the place it visited.
    @Test(arguments: [
        "Вчера в Твери завершился визит делегации французского Нанта.",
        "В Твери прошёл официальный визит мэра Нанта.",
        "Визит представителей мэрии Нанта в Твери продлился три дня.",
    ])
    func theVisitOfAGroupTookPlaceWhereItWas(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Нант->Тверь"])
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

@Suite struct UnnamedDestinationTests {
    @Test(arguments: [
        "Нант и Тверь — города-побратимы. Недавно мэр Твери Иван Петров посетил город-побратим.",
        "Тверь и Нант стали побратимами. Летом делегация из Твери побывала в городе-побратиме.",
    ])
    func theTwinCityWithoutANameIsTheVisitorsOnlyPartner(_ text: String) throws {
        #expect(visits(try extract(text)).contains("Тверь->Нант"))
    }

    @Test func aPartnerIsNotGuessedAmongSeveral() throws {
        let g = try extract("Тверь и Нант стали побратимами. Тверь и Брно стали побратимами. Делегация из Твери посетила город-побратим.")
        #expect(!visits(g).contains { $0.hasPrefix("Тверь->") })
    }

    @Test(arguments: [
        "ТВЕРЬ\n\nВ мае делегация из Нанта прибыла в город.",
        "ТВЕРЬ\n\nДелегация Нанта посетила наш город в мае.",
    ])
    func aPlainCityIsTheReportingCity(_ text: String) throws {
        #expect(visits(try extract(text)).contains("Нант->Тверь"))
    }

    @Test func aHyphenatedNameIsAPlaceInTheNominative() throws {
        let g = try extract("Делегация из Белогорска-Донского побывала в Нанте.")
        #expect(g.nodes.contains { $0.type == .city && $0.name == "Белогорск-Донский" })
    }
}

@Suite struct ParticipationRoleTests {
    func participants(_ text: String) throws -> Set<String> {
        let g = try extract(text)
        let byID = g.nodesByID
        return Set(g.edges.filter { $0.type == .participatedIn }.compactMap { byID[$0.source]?.name })
    }

    @Test(arguments: [
        "В Тверь для участия в Международном фестивале «Волга» прибыла делегация из Нанта.",
        "Делегация Нанта приняла участие в Международном форуме «Волга» в Твери.",
        "Мэр Нанта Пьер Мартен принял участие в Международном форуме «Волга».",
    ])
    func theGroupsPlaceOrThePersonTakesPart(_ text: String) throws {
        let p = try participants(text)
        #expect(p.contains("Нант") || p.contains("Пьер Мартен"))
    }
}

@Suite struct OfficeHoldersAsVisitorsTests {
    @Test(arguments: [
        "Нант и Тверь — города-побратимы. В город-герой прибыли мэр Нанта Пьер Мартен и его заместитель.",
        "Тверь и Нант стали побратимами. Вчера в город-побратим прибыли мэр Нанта Пьер Мартен и глава округа Лаваль.",
    ])
    func officeHoldersAfterTheVerbComeFromTheirPlaces(_ text: String) throws {
        #expect(visits(try extract(text)).contains("Нант->Тверь"))
    }

    @Test func noPartnerNoGuess() throws {
        #expect(visits(try extract("В город-герой прибыли мэр Нанта Пьер Мартен и его заместитель.")).isEmpty)
    }
}
