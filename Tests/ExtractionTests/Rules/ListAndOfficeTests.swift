import Testing
import Extraction
import KnowledgeGraph

/// Lists of partners in the styles of encyclopedias and city sites, and partnerships that
/// changed without a twinning word.
@Suite struct PartnerListTests {
    @Test(arguments: [
        "О городе\n\nГорода-побратимы Твери\nЛьеж, Бельгия — с 1997 года\nНант (Франция)\nОснабрюк, Германия\n",
        "Справка\n\nПобратимы города Твери\n- Льеж (Бельгия)\n- Нант (Франция)\n- Оснабрюк (Германия)\n",
        "Справка\n\nГорода-партнёры Твери\nЛьеж\nНант\nОснабрюк\n",
    ])
    func aHeadingThatNamesTheOwnerAnnouncesTheLinesUnderIt(_ text: String) throws {
        #expect(partners(try extract(text), of: "Тверь") == ["Льеж", "Нант", "Оснабрюк"])
    }

    /// A partner the gazetteer lacks, with its own spelling in parentheses and its country
    /// after a comma, in a list of lines or within a sentence.
    @Test(arguments: [
        "О городе\n\nГорода-побратимы Твери\nРингсакер (Ringsaker), Норвегия\nПуумала (Puumala), Финляндия\n",
        "Справка\n\nПобратимы Твери: Рингсакер (Ringsaker), Норвегия; Пуумала (Puumala), Финляндия.\n",
        "Справка\n\nСреди побратимов Твери — Пуумала (Puumala), Финляндия, и Рингсакер (Ringsaker), Норвегия.\n",
    ])
    func anUnknownPartnerWithItsLatinSpellingAndCountry(_ text: String) throws {
        let g = try extract(text)
        #expect(partners(g, of: "Тверь") == ["Рингсакер", "Пуумала"])
        #expect(g.nodes.first { $0.name == "Рингсакер" }?.country == "NO")
    }

    @Test func aListLineDatesItsOwnPartnership() throws {
        let g = try extract("О городе\n\nГорода-побратимы Твери\nЛьеж, Бельгия — с 1997 года\nНант (Франция)\n")
        let liege = try #require(g.nodes.first { $0.name == "Льеж" })
        let e = g.edges.first { $0.type == .twinnedWith && ($0.source == liege.id || $0.target == liege.id) }
        #expect(e?.attributes["since"] == .int(1997))
    }

    @Test(arguments: [
        "Тверь является побратимом бельгийского Льежа и французского Нанта.",
        "Тверь считается городом-побратимом Льежа и Нанта.",
        "Побратимами Твери являются Льеж и Оснабрюк, а также Нант.",
    ])
    func everyPlaceOfTheEnumerationIsAPartner(_ text: String) throws {
        let p = partners(try extract(text), of: "Тверь")
        #expect(p.contains("Льеж") && p.contains("Нант"))
        #expect(!partners(try extract(text), of: "Льеж").contains("Нант"))
    }

    @Test(arguments: [
        ("В прошлом году Тверь разорвала отношения с Льежем.", "ended"),
        ("Тверь приостановила все связи с Льежем.", "suspended"),
        ("Мэрия Твери прекратила сотрудничество с Льежем.", "ended"),
    ])
    func relationsThatChangedAreAPartnershipWithThatStatus(_ text: String, _ status: String) throws {
        let g = try extract(text)
        #expect(partners(g, of: "Тверь") == ["Льеж"])
        #expect(g.edges.first { $0.type == .partnerOf || $0.type == .twinnedWith }?.attributes["status"] == .string(status))
    }

    @Test func aTalkThatEndedIsNoPartnership() throws {
        #expect(partners(try extract("Мэр Твери прекратил переговоры с мэром Льежа."), of: "Тверь").isEmpty)
    }
}

/// Offices that depend on another title keep it whole.
@Suite struct OfficeRoleTests {
    @Test(arguments: [
        ("Заместитель мэра Твери Иван Смирнов встретился с гостями.", "заместитель мэра"),
        ("Первый заместитель главы Твери Пётр Иванов открыл выставку.", "первый заместитель главы"),
        ("Исполняющий обязанности главы Твери Андрей Николаев выступил с речью.", "исполняющий обязанности главы"),
        ("Мэр Твери Иван Смирнов выступил с речью.", "мэр"),
    ])
    func theRoleIsTheWholeTitle(_ text: String, _ role: String) throws {
        let e = try extract(text).edges.first { $0.type == .holdsOffice }
        #expect(e?.attributes["role"] == .string(role))
    }
}

/// A city's body named by an adjective or a syllable of the city: the office holder's place.
@Suite struct CityBodyOfficeTests {
    @Test(arguments: [
        ("Председатель Гродненского горисполкома Иван Смирнов подписал соглашение.", "Гродно"),
        ("Председатель Мингорисполкома Пётр Иванов встретился с делегацией.", "Минск"),
        ("Председатель Брестского горисполкома Андрей Николаев открыл выставку.", "Брест"),
    ])
    func theBodysCityIsWhereTheOfficeIs(_ text: String, _ city: String) throws {
        let g = try extract(text)
        let e = try #require(g.edges.first { $0.type == .holdsOffice })
        #expect(names(g, [e.target]) == [city])
    }
}

/// "партнёр" alone is a partnership cue only before a place's genitive; what is suspended must
/// be the relations.
@Suite struct PlainPartnerTests {
    @Test(arguments: [
        "Льеж и Нант, которые являются партнёрами Твери, прислали поздравления.",
        "Льеж стал партнёром Твери в 1995 году.",
        "Среди партнёров Твери — Льеж и Нант.",
    ])
    func aPartnerOfAPlace(_ text: String) throws {
        #expect(partners(try extract(text), of: "Тверь").contains("Льеж"))
    }

    @Test func businessPartnersAreNoPartnership() throws {
        #expect(partners(try extract("Китайские партнёры компании приехали в Тверь из Харбина."), of: "Тверь").isEmpty)
    }

    @Test(arguments: [
        "Льеж и Нант, которые являются партнёрами Твери, приостановили совместные проекты.",
        "Города-партнёры Твери Льеж и Нант отменили фестиваль и прекратили обмен школьниками.",
    ])
    func suspendedProjectsLeaveThePartnershipAsItWas(_ text: String) throws {
        let e = try extract(text).edges.filter { $0.type == .partnerOf || $0.type == .twinnedWith }
        #expect(!e.isEmpty)
        #expect(e.allSatisfy { $0.attributes["status"] == .string("established") })
    }
}

/// More ways of saying two places are partners, or mean to be.
@Suite struct MorePartnershipKindTests {
    @Test(arguments: [
        "С 1995 года Тверь дружит с бельгийским Льежем.",
        "Тверь и Льеж дружат уже тридцать лет.",
        "Льеж давно дружит с Тверью.",
    ])
    func befriendingIsAPartnership(_ text: String) throws {
        #expect(partners(try extract(text), of: "Тверь") == ["Льеж"])
    }

    @Test(arguments: [
        "Дружба Твери и Льежа длится уже двадцать лет.",
        "Партнёрство Твери и Льежа началось в 1995 году.",
        "Сотрудничество Твери и Льежа продолжается.",
    ])
    func aRelationOfTwoPlacesInTheGenitive(_ text: String) throws {
        #expect(partners(try extract(text), of: "Тверь") == ["Льеж"])
    }

    @Test(arguments: [
        "Тверь и Льеж решили стать побратимами.",
        "Мэр Твери предложил установить побратимские связи с городом Льеж.",
        "Власти Твери выступили с инициативой побрататься с Льежем.",
    ])
    func aDecisionOrProposalIsPlanned(_ text: String) throws {
        let e = try extract(text).edges.filter { $0.type == .twinnedWith }
        #expect(!e.isEmpty)
        #expect(e.allSatisfy { $0.attributes["status"] == .string("planned") })
    }
}

/// Two places that sign an agreement with each other are partners.
@Suite struct PartnershipBySigningTests {
    @Test(arguments: [
        ("Тверь и Оснабрюк заключили договор о дружбе.", "established"),
        ("Соглашение о сотрудничестве подписали мэр Льежа Пьер Дюпон и глава Твери Иван Смирнов.", "established"),
        ("Тверь и Льеж подписали меморандум о сотрудничестве.", "planned"),
    ])
    func signingPlacesArePartners(_ text: String, _ status: String) throws {
        let g = try extract(text)
        let e = g.edges.filter { $0.type == .twinnedWith || $0.type == .partnerOf }
        #expect(e.count == 1)
        #expect(e.first?.attributes["status"] == .string(status))
    }

    @Test func aPlanSignedByOnePlaceIsNoPartnership() throws {
        let g = try extract("Администрация Твери подписала план мероприятий с Министерством культуры.")
        #expect(g.edges.filter { $0.type == .twinnedWith || $0.type == .partnerOf }.isEmpty)
    }
}

/// Offices after the person, offices of a country seated in a city, titles that are first names.
@Suite struct MoreOfficeTests {
    private func office(_ text: String) throws -> (person: String, place: String, role: String)? {
        let g = try extract(text)
        guard let e = g.edges.first(where: { $0.type == .holdsOffice }) else { return nil }
        let byID = g.nodesByID
        guard case .string(let role)? = e.attributes["role"] else { return nil }
        return (byID[e.source]?.name ?? "", byID[e.target]?.name ?? "", role)
    }

    @Test(arguments: [
        ("Иван Смирнов, мэр Твери, открыл выставку.", "Тверь", "мэр"),
        ("Выступила Анна Петрова, заместитель мэра Твери.", "Тверь", "заместитель мэра"),
        ("Пётр Иванов, глава Льежа, посетил Тверь.", "Льеж", "глава"),
    ])
    func aTitleInAppositionAfterThePerson(_ text: String, _ place: String, _ role: String) throws {
        let o = try #require(try office(text))
        #expect(o.place == place && o.role == role)
    }

    @Test(arguments: [
        "Генеральный консул Японии в Твери Такаси Ямада открыл выставку.",
        "Выступил генеральный консул Японии в Твери Такаси Ямада.",
    ])
    func aConsulBelongsToHisCountryNotToTheCityHeSitsIn(_ text: String) throws {
        let o = try #require(try office(text))
        #expect(o.place == "Япония" && o.role == "генеральный консул")
    }

    @Test func anOfficeThatIsAlsoAFirstNameBeforeItsPlace() throws {
        let o = try #require(try office("Аким Шымкента Марат Ибраев побывал в Твери."))
        #expect(o.person == "Марат Ибраев" && o.place == "Шымкент")
    }

    @Test(arguments: [
        "Евгения Лодвигова, глава Твери, открыла выставку.",
        "Евгения Лодвигова открыла выставку в Твери.",
    ])
    func aSubjectsNameIsInTheNominative(_ text: String) throws {
        let people = try extract(text).nodes.filter { $0.type == .person }.map(\.name)
        #expect(people == ["Евгения Лодвигова"])
    }
}

@Suite struct LeaderAndMergedNameTests {
    @Test(arguments: [
        "Делегация Твери во главе с мэром города Иваном Смирновым прибыла в Льеж.",
        "В Льеж приехали представители Твери во главе с главой администрации города Иваном Смирновым.",
    ])
    func aGroupsLeaderHoldsOfficeInTheGroupsPlace(_ text: String) throws {
        let g = try extract(text)
        let e = try #require(g.edges.first { $0.type == .holdsOffice })
        #expect(names(g, [e.target]) == ["Тверь"])
    }

    @Test(arguments: [
        "На встрече выступил мэр Харбина Ли Вэй.",
        "Гостей приветствовал мэр Даляня Чжан Цзюнь.",
    ])
    func aPlaceTheModelRanIntoANameIsNoPartOfIt(_ text: String) throws {
        let people = try extract(text).nodes.filter { $0.type == .person }
        #expect(people.count == 1)
        #expect(people.allSatisfy { !$0.name.contains("Харбин") && !$0.name.contains("Далянь") })
    }
}

@Suite struct CountryFirstListTests {
    @Test func aListLineMayNameItsCountryFirst() throws {
        let text = "Тверь — город в России\n\nМеждународные связи\nГород поддерживает партнёрские связи с городами:\nБельгия — Льеж (с 1995)\nФранция: Нант\nГермания — Оснабрюк\n"
        #expect(partners(try extract(text), of: "Тверь") == ["Льеж", "Нант", "Оснабрюк"])
    }
}

@Suite struct TableListTests {
    @Test func aTableOfTwinsWithCountryAndYearColumns() throws {
        let text = "Справка\n\nГорода-побратимы Твери\nГород\tСтрана\tГод\nЗуль\tГермания\t1969\nЛьеж\tБельгия\t1995\nНант\tФранция\t2001\n"
        let g = try extract(text)
        #expect(partners(g, of: "Тверь") == ["Зуль", "Льеж", "Нант"])
        #expect(!g.nodes.contains { $0.type == .person })
    }
}
