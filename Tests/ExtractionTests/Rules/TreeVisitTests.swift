import Testing
@testable import Extraction
import KnowledgeGraph

/// Visits whose ends the dependency tree gives: a group's genitive past an adjective, the guests
/// of a reception before its verb, a stay "с визитом", a return "из".
@Suite struct TreeVisitTests {
    @Test(arguments: [
        "Вчера Тверь посетила делегация бельгийского Льежа.",
        "Делегацию из Льежа приветствовал мэр Твери.",
        "В Твери с деловым визитом находились представители мэрии Льежа.",
    ])
    func rolesFromTheTreeWhereWordOrderMisleads(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Льеж->Тверь"])
    }

    @Test(arguments: [
        "Делегация Твери вернулась из Льежа.",
        "Из Льежа вернулись представители администрации Твери.",
        "Школьники Твери на днях вернулись из поездки в Льеж.",
    ])
    func comingBackFromAPlaceMeansHavingVisitedIt(_ text: String) throws {
        #expect(visits(try extract(text)).contains("Тверь->Льеж"))
    }

    @Test(arguments: [
        "Мэр Твери принял в ратуше гостей из Льежа.",
        "Гостей из Льежа встретили в Твери.",
        "В Твери тепло приветствовали гостей из Льежа.",
    ])
    func guestsAreATravellingGroup(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Льеж->Тверь"])
    }

    @Test(arguments: [
        "Делегация из Льежа приняла участие в конференции в Твери.",
        "Представители Льежа приняли участие в выставке в Твери.",
    ])
    func takingPartIsNoReception(_ text: String) throws {
        #expect(!visits(try extract(text)).contains("Тверь->Льеж"))
    }

    @Test(arguments: [
        "Жители Твери смогут побывать в Льеже на празднике.",
        "Делегация Твери хочет посетить Льеж.",
        "Мэр Льежа пригласил коллег из Твери побывать в Льеже.",
    ])
    func anInfinitiveIsNoVisit(_ text: String) throws {
        #expect(visits(try extract(text)).isEmpty)
    }
}

/// Places named by their adjective or their people: "тверская делегация", "туляки".
@Suite struct DerivedPlaceTests {
    @Test(arguments: [
        "Тверская делегация побывала в Льеже.",
        "В Льеж прибыла официальная тверская делегация.",
        "Льеж посетили тверские школьники.",
    ])
    func anAdjectiveOfATravellingGroupNamesItsCity(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Тверь->Льеж"])
    }

    @Test(arguments: [
        "Туляки побывали в Льеже.",
        "В Льеж приехали саратовцы.",
        "Хабаровчане посетили Льеж.",
    ])
    func aDemonymNamesItsCity(_ text: String) throws {
        let v = visits(try extract(text))
        #expect(v.count == 1)
        #expect(v.allSatisfy { $0.hasSuffix("->Льеж") && !$0.hasPrefix("Льеж") })
    }

    @Test(arguments: [
        "Детская делегация побывала в Льеже.",
        "Женская команда побывала в Льеже.",
        "Делегация с тверскими коллегами побывала в Льеже.",
    ])
    func commonAdjectivesAndAdjectivesAfterAPrepositionNameNoVisitor(_ text: String) throws {
        #expect(visits(try extract(text)).isEmpty)
    }

    @Test func theStemTablesUndoSuffixesAndLinks() {
        #expect(Recognizer.adjectiveStems("читинский").contains("чит"))
        #expect(Recognizer.adjectiveStems("липецкий") == ["липец"])
        #expect(Recognizer.demonymStems("иркутянин") == ["иркут"])
        #expect(Recognizer.demonymStems("омич") == ["ом"])
    }
}

/// Partnerships whose subject is a city's body, and their start.
@Suite struct PartnershipSubjectTests {
    @Test(arguments: [
        "Власти Твери приостановили побратимские связи с Льежем.",
        "Мэрия Твери приостановила партнёрские отношения с городом Льеж.",
        "Администрация Твери заморозила побратимские отношения с бельгийским Льежем.",
    ])
    func aBodyActsForItsCity(_ text: String) throws {
        let g = try extract(text)
        let e = g.edges.filter { $0.type == .twinnedWith || $0.type == .partnerOf }
        #expect(e.count == 1)
        #expect(e.first?.attributes["status"] == .string("suspended"))
        #expect(partners(g, of: "Тверь") == ["Льеж"])
    }

    @Test(arguments: [
        ("Тверь и Льеж связывают побратимские отношения с 1997 года.", 1997),
        ("Тверь и Льеж стали городами-побратимами в 2003 году.", 2003),
        ("В 1999 году Тверь установила побратимские связи с Льежем.", 1999),
    ])
    func theStartOfAPartnershipIsItsSince(_ text: String, _ year: Int) throws {
        let e = try extract(text).edges.filter { $0.type == .twinnedWith }
        #expect(e.count == 1)
        #expect(e.first?.attributes["since"] == .int(year))
    }
}

/// A city's body signs for its city.
@Suite struct BodySigningTests {
    @Test(arguments: [
        "Мэрия Твери и администрация Льежа заключили соглашение о сотрудничестве.",
        "Администрация Льежа и мэрия Твери подписали меморандум о дружбе.",
    ])
    func bodiesSignForTheirCities(_ text: String) throws {
        let g = try extract(text)
        let parties = names(g, g.edges.filter { $0.type == .signed }.map(\.source))
        #expect(parties == ["Тверь", "Льеж"])
    }
}

/// "стать участником": a participant noun, whose subject stands on either side.
@Suite struct ParticipantNounTests {
    @Test(arguments: [
        "Участниками конференции в Твери стали представители Льежа.",
        "Представители Льежа стали участниками выставки в Твери.",
        "Школьники из Льежа стали участницами конкурса в Твери.",
    ])
    func participantsWentWhereItWasHeld(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Льеж->Тверь"])
    }

    @Test func theGroupTakesPartInTheNamedEvent() throws {
        let g = try extract("Школьники из Льежа стали участниками фестиваля «Весенние голоса» в Твери.")
        let taking = g.edges.filter { $0.type == .participatedIn }
        #expect(names(g, taking.map(\.source)) == ["Льеж"])
    }
}

/// Meetings, passives and going on one's own.
@Suite struct MoreVisitKindTests {
    @Test(arguments: [
        "Мэр Твери провёл встречу с делегацией из Льежа.",
        "Глава Твери Иван Смирнов провёл рабочую встречу с гостями из Льежа.",
        "В Твери состоялась встреча с делегацией из Льежа.",
    ])
    func aMeetingWithGuestsFromAPlaceIsTheirVisit(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Льеж->Тверь"])
    }

    @Test(arguments: [
        "Школьники Твери провели встречу с представителями мэрии Льежа.",
        "Прошли встречи с главами делегаций городов Льежа и Нанта.",
    ])
    func aMeetingWithABodysPeopleIsNoVisit(_ text: String) throws {
        #expect(visits(try extract(text)).isEmpty)
    }

    @Test(arguments: [
        "Накануне делегация Льежа была принята в мэрии Твери.",
        "Делегация Льежа была тепло встречена в администрации Твери.",
    ])
    func aPassiveReceptionIsHostedByTheBodysCity(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Льеж->Тверь"])
    }

    @Test(arguments: [
        "Официальная делегация Твери во главе с мэром отправилась в Льеж.",
        "Представители Твери направились в Льеж.",
        "Делегации Твери и Улан-Удэ приняли участие в форуме в Льеже.",
    ])
    func goingOnesOwnWayAndIndeclinableNames(_ text: String) throws {
        #expect(visits(try extract(text)).contains("Тверь->Льеж"))
    }

    @Test func indeclinableNamesOfAnEnumerationAreOrigins() throws {
        #expect(visits(try extract("Делегации Твери и Улан-Удэ приняли участие в форуме в Льеже.")).contains("Улан-Удэ->Льеж"))
    }

    @Test(arguments: [
        "Соглашение о побратимстве между Тверью и Льежем будет подписано в мае.",
        "Тверь и Льеж станут городами-побратимами в следующем году.",
        "Мэры Твери и Льежа подпишут соглашение о побратимстве осенью.",
    ])
    func whatIsYetToHappenIsPlanned(_ text: String) throws {
        let g = try extract(text)
        #expect(g.edges.filter { $0.type == .signed }.isEmpty)
        #expect(g.edges.filter { $0.type == .twinnedWith }.allSatisfy { $0.attributes["status"] == .string("planned") })
    }
}

@Suite struct ExplainPathTests {
    @Test func everyFactOfAParsedClauseNamesItsTreePath() throws {
        let x = try #require(sharedExtractor)
        let r = x.extract(text: "Делегация бельгийского Льежа посетила Тверь. Тверь и Нант стали побратимами.",
                          documentID: "t", path: "t.txt", sha256: "")
        let lines = r.explanations.filter { $0.hasPrefix("visit") || $0.hasPrefix("partnership") }
        #expect(lines.count == 2)
        // rule, edge id, sentence, path
        #expect(lines.allSatisfy { $0.split(separator: "\t").count == 4 && ($0.contains("→") || $0.contains("←")) })
    }
}

@Suite struct ReportsOwnCityTests {
    @Test(arguments: [
        "ТВЕРЬ\n\nВ апреле наш город посетила делегация Льежа.\n",
        "ТВЕРЬ\n\nНаш город посетили представители мэрии Льежа.\n",
        "ТВЕРЬ\n\nДелегация Льежа посетила наш город в мае.\n",
    ])
    func ourCityIsTheReportsCity(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Льеж->Тверь"])
    }
}

/// More ways of taking part: a relative clause after the event, being its guest, speaking at it.
@Suite struct MoreParticipationTests {
    @Test(arguments: [
        "В Твери прошёл фестиваль «Белые ночи», в котором приняли участие коллективы из Льежа.",
        "В Твери состоялся форум «Города друзей», в работе которого участвовали представители Льежа.",
    ])
    func participantsOfARelativeClause(_ text: String) throws {
        let g = try extract(text)
        let taking = g.edges.filter { $0.type == .participatedIn }
        #expect(names(g, taking.map(\.source)).contains("Льеж"))
        #expect(visits(g) == ["Льеж->Тверь"])
    }

    @Test(arguments: [
        "Делегация Льежа стала гостем фестиваля в Твери.",
        "Представители Льежа выступили на конференции в Твери.",
        "Льежский хор принял участие в фестивале в Твери.",
    ])
    func guestsSpeakersAndChoirsTookPart(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Льеж->Тверь"])
    }

    @Test func takingPartIsNoReceptionInTheLinearRulesEither() throws {
        #expect(!visits(try extract("Тверь приняла участие в выставке вместе с делегацией из Льежа.")).contains("Льеж->Тверь"))
    }
}

@Suite struct HeldInCountryTests {
    @Test(arguments: [
        "На Международном форуме «Мосты», который проходит в Бельгии, выступил мэр Твери.",
        "Международный фестиваль «Весна» прошёл в Бельгии.",
    ])
    func anEventHeldInACountryWhereNoCityIsNamed(_ text: String) throws {
        let g = try extract(text)
        let held = g.edges.filter { $0.type == .heldIn }
        #expect(names(g, held.map(\.target)) == ["Бельгия"])
    }
}

@Suite struct StayAndTripTests {
    @Test(arguments: [
        "Гости из Льежа пробыли в Твери неделю.",
        "Во время пребывания в Твери бургомистр Льежа посетил музей.",
        "Льежские журналисты съездили в Тверь.",
    ])
    func stayingAndTravellingSomewhere(_ text: String) throws {
        #expect(visits(try extract(text)) == ["Льеж->Тверь"])
    }
}

/// Visits and agreements that did not happen.
@Suite struct UnrealFactTests {
    @Test(arguments: [
        "Визит делегации Льежа в Тверь был отменён.",
        "Поездку тверской делегации в Льеж перенесли на осень.",
        "Мэр Льежа отказался от визита в Тверь.",
        "Делегация Льежа могла бы посетить Тверь осенью.",
        "Возможен визит делегации Льежа в Тверь.",
        "Визит делегации Льежа в Тверь состоится в мае.",
    ])
    func noVisitTookPlace(_ text: String) throws {
        #expect(visits(try extract(text)).isEmpty)
    }

    @Test func aVisitToDiscussPossibleCooperationTookPlace() throws {
        #expect(visits(try extract("Делегация Льежа посетила Тверь для обсуждения возможного сотрудничества.")) == ["Льеж->Тверь"])
    }

    @Test(arguments: [
        "Соглашение между Тверью и Льежем так и не было подписано.",
        "Тверь и Льеж пока не стали побратимами.",
        "Мэры Твери и Льежа не подписали соглашение о побратимстве.",
    ])
    func aNegatedPredicateGivesNoFact(_ text: String) throws {
        let g = try extract(text)
        #expect(g.edges.filter { $0.type == .signed || $0.type == .twinnedWith || $0.type == .partnerOf }.isEmpty)
    }

    @Test func notOnlyNegatesNothing() throws {
        #expect(partners(try extract("Тверь и Льеж стали не только партнёрами, но и побратимами."), of: "Тверь") == ["Льеж"])
    }
}

@Suite struct EventNamedBeforeTests {
    @Test(arguments: [
        "В Твери открылся Международный форум «Мосты дружбы». Участником форума стал мэр Льежа Пьер Дюпон.",
        "В Твери прошёл Международный фестиваль «Весна». В фестивале приняла участие делегация Льежа.",
    ])
    func anEventNamedOnlyByItsHeadIsTheOneNamedBefore(_ text: String) throws {
        let g = try extract(text)
        let taking = g.edges.filter { $0.type == .participatedIn }
        let events = names(g, taking.map(\.target))
        #expect(events.count == 1 && events.allSatisfy { $0.hasPrefix("Международный") })
        #expect(!taking.isEmpty)
    }
}
