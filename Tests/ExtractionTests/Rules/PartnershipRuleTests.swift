import Testing
import Extraction
import KnowledgeGraph

/// Pairs of partner names in a graph, each pair sorted.
func partnerPairs(_ g: Graph) -> Set<[String]> {
    let byID = g.nodesByID
    return Set(g.edges.filter { $0.type == .twinnedWith || $0.type == .partnerOf }.compactMap { e in
        guard let a = byID[e.source]?.name, let b = byID[e.target]?.name else { return nil }
        return [a, b].sorted()
    })
}

func statuses(_ g: Graph) -> Set<String> {
    Set(g.edges.filter { $0.type == .twinnedWith || $0.type == .partnerOf }.compactMap {
        if case .string(let s)? = $0.attributes["status"] { return s }
        return nil
    })
}

/// Texts without a heading city: every partnership must name both of its places.
@Suite struct PartnershipRuleTests {
    @Test(arguments: [
        "Побратимами Казани давно стали Брно и Гронинген.",
        "Среди побратимов Казани — Брно и Гронинген.",
        "У Казани есть два города-побратима: Брно и Гронинген.",
    ])
    func ownerInGenitiveOrAfterU(_ text: String) throws {
        let g = try extract(text)
        #expect(partnerPairs(g) == [["Брно", "Казань"], ["Гронинген", "Казань"]])
    }

    /// A district named by an adjective and its word, in any case, is one place, also where the
    /// NER marks only the adjective: "Мысленицким повятом" is "Мысленицкий повят".
    @Test(arguments: [
        "Соглашение о партнёрстве между Тверью и Мысленицким повятом подписано в 2010 году.",
        "Тверь и Мысленицкий повят связывает соглашение о партнёрстве.",
        "С Мысленицким повятом Тверь подписала соглашение о партнёрстве.",
    ])
    func aDistrictsAdjectiveAndWordAreOnePlace(_ text: String) throws {
        let g = try extract(text)
        #expect(partnerPairs(g) == [["Мысленицкий повят", "Тверь"]])
    }

    /// A city's district named after its word ("префектурой Сонгинохайрхан", "района Баянзурх")
    /// keeps its name as written, and the city after it in the genitive is where it is, not
    /// part of its name nor a partner.
    @Test(arguments: [
        "Между префектурой Сонгинохайрхан Улан-Батора и Октябрьским районом Иркутска установлены побратимские связи.",
        "Октябрьский район Иркутска и префектура Сонгинохайрхан Улан-Батора стали побратимами.",
        "Соглашение о побратимстве связывает Октябрьский район Иркутска с префектурой Сонгинохайрхан Улан-Батора.",
    ])
    func aDistrictOfACityIsThePartnerNotItsCity(_ text: String) throws {
        let g = try extract(text)
        #expect(partnerPairs(g) == [["Октябрьский район", "Сонгинохайрхан"]])
        #expect(g.nodes.first { $0.name == "Сонгинохайрхан" }?.type == .city)
    }

    /// A district named after its word is, as a partner, a city of the graph.
    @Test(arguments: [
        "Железнодорожный район Читы подписал соглашение о партнёрстве с районом Шахэкоу.",
        "Между Железнодорожным районом Читы и районом Шахэкоу подписано соглашение о дружбе.",
        "Район Шахэкоу и Железнодорожный район Читы стали побратимами.",
    ])
    func aPartnerDistrictNamedAfterItsWordIsACity(_ text: String) throws {
        let g = try extract(text)
        #expect(partnerPairs(g) == [["Железнодорожный район", "Шахэкоу"]])
        #expect(g.nodes.first { $0.name == "Шахэкоу" }?.type == .city)
    }

    @Test(arguments: [
        "Ярославль и Кассель стали городами-побратимами в 1988 году.",
        "Городами-побратимами в прошлом месяце официально стали Ярославль и Кассель.",
        "Ярославль и Кассель — города-побратимы.",
    ])
    func twoPlacesNamedTogetherAreAPair(_ text: String) throws {
        let g = try extract(text)
        #expect(partnerPairs(g) == [["Кассель", "Ярославль"]])
    }

    @Test(arguments: [
        "Пермь подписала соглашение о партнёрстве с Оксфордом, Дуйсбургом и Луисвиллом.",
        "С Оксфордом, Дуйсбургом и Луисвиллом Пермь связывают партнёрские отношения.",
        "Партнёрские отношения связывают Пермь с Оксфордом, Дуйсбургом и Луисвиллом.",
    ])
    func subjectWithEveryPlaceAfterS(_ text: String) throws {
        let g = try extract(text)
        #expect(partnerPairs(g) == [["Оксфорд", "Пермь"], ["Дуйсбург", "Пермь"], ["Луисвилл", "Пермь"]])
    }

    @Test func aCoordinatedClauseHasSubjectsOfItsOwn() throws {
        let g = try extract("Казань имеет соглашения о партнёрстве с Брно и Гронингеном, но Ереван стал её первым городом-побратимом.")
        #expect(!partnerPairs(g).contains(["Гронинген", "Ереван"]))
        #expect(!partnerPairs(g).contains(["Брно", "Ереван"]))
        #expect(partnerPairs(g).contains(["Брно", "Казань"]))
    }

    @Test(arguments: [
        "Казань не является побратимом Брно.",
        "Брно и Казань так и не стали городами-побратимами.",
    ])
    func negatedStatementGivesNoPartnership(_ text: String) throws {
        #expect(partnerPairs(try extract(text)).isEmpty)
    }

    @Test(arguments: [
        "Ярославль и Кассель договорились стать городами-побратимами.",
        "Ярославль и Кассель планируют установить побратимские отношения.",
    ])
    func intentIsPlanned(_ text: String) throws {
        let g = try extract(text)
        #expect(partnerPairs(g) == [["Кассель", "Ярославль"]])
        #expect(statuses(g) == ["planned"])
    }

    @Test(arguments: [
        ("В 2014 году Ярославль приостановил побратимские отношения с Касселем.", "suspended"),
        ("Побратимские отношения между Ярославлем и Касселем были разорваны в 2022 году.", "ended"),
        ("Кассель прекратил побратимские связи с Ярославлем в марте 2022 года.", "ended"),
    ])
    func suspendedOrEndedPartnershipKeepsItsDate(_ text: String, _ status: String) throws {
        let g = try extract(text)
        #expect(partnerPairs(g) == [["Кассель", "Ярославль"]])
        #expect(statuses(g) == [status])
        let years = g.edges.compactMap { e -> Int? in if case .int(let y)? = e.attributes["year"] { return y }; return nil }
        #expect(!years.isEmpty && years.allSatisfy { $0 == 2014 || $0 == 2022 })
    }

    @Test(arguments: [
        "Полоцк (Витебская область) и Сергиев Посад (Московская область) стали побратимами.",
        "Города Брно (Чехия) и Казань (Россия) стали побратимами.",
    ])
    func placesInParenthesesOnlySayWhereTheOthersAre(_ text: String) throws {
        let pairs = partnerPairs(try extract(text))
        #expect(pairs.count == 1)
    }
}

@Suite struct MorePartnershipRuleTests {
    @Test(arguments: [
        "Ещё в 1972 году Казань подружилась с Брно.",
        "С Брно Казань побраталась в 1972 году.",
        "Брно и Казань породнились в 1972 году.",
    ])
    func verbsOfBecomingPartners(_ text: String) throws {
        #expect(partnerPairs(try extract(text)) == [["Брно", "Казань"]])
    }

    @Test(arguments: [
        "Мэр Казани и глава Брно подписали соглашение о дружбе между двумя городами.",
        "Соглашение о партнёрстве между городами подписали мэр Брно и глава Казани.",
    ])
    func betweenTheTwoCitiesMeansTheTwoNamed(_ text: String) throws {
        #expect(partnerPairs(try extract(text)) == [["Брно", "Казань"]])
    }

    @Test(arguments: [
        "В Казани приняли делегацию из города-побратима Брно.",
        "Мэр Казани встретил делегацию чешского города-побратима Брно.",
        "Делегация города-побратима Брно прибыла в Казань.",
    ])
    func aTwinInAppositionAndTheOneOtherCity(_ text: String) throws {
        #expect(partnerPairs(try extract(text)) == [["Брно", "Казань"]])
    }

    @Test func linesWithoutBulletsAfterAColonAreTheList() throws {
        let text = """
        Казань поддерживает побратимские связи с такими городами:

        Брно, Чехия
        Куопио, Финляндия
        Гронинген, Нидерланды
        """
        let g = try extract(text)
        #expect(partnerPairs(g) == [["Брно", "Казань"], ["Казань", "Куопио"], ["Гронинген", "Казань"]])
    }

    @Test(arguments: ["Ювяскюляйнен, Финляндия, и Брно, Чехия, стали побратимами.",
                      "Побратимами стали Ювяскюляйнен (Финляндия) и Брно (Чехия)."])
    func anUnknownNameBeforeItsCountryIsACity(_ text: String) throws {
        let g = try extract(text)
        #expect(g.nodes.contains { $0.name == "Ювяскюляйнен" && $0.type == .city })
    }
}

@Suite struct EnumerationPartnershipTests {
    @Test(arguments: [
        "Тверь развивает сотрудничество со следующими городами: Нант (Франция), Брно, Пльзень (Чехия), Гера (Германия).",
        "Партнёрские отношения связывают Тверь с городами Нант (Франция), Брно, Пльзень (Чехия) и Гера (Германия).",
    ])
    func anEnumerationAfterSKeepsItsPrepositionPastCountriesInParentheses(_ text: String) throws {
        let pairs = partnerPairs(try extract(text))
        #expect(pairs.allSatisfy { $0.contains("Тверь") })
        #expect(pairs.count == 4)
    }
}

@Suite struct PairAndAdjectiveTests {
    @Test(arguments: [
        "С первым из них — чешским городом Брно — Казань подружилась ещё в 1960 году.",
        "Побратимом Казани первым стал чешский город Брно.",
        "Первым побратимом для Казани стал чешский Брно.",
    ])
    func twoPlacesWithoutSAreAPairWhateverTheirCases(_ text: String) throws {
        #expect(partnerPairs(try extract(text)) == [["Брно", "Казань"]])
    }

    @Test(arguments: [
        "Казань подружилась с немецким Гросскляйнбургом.",
        "С Казанью побратался финский Ярвенкюля.",
    ])
    func anUnknownNameAfterACountryAdjectiveIsACityOfThatCountry(_ text: String) throws {
        let g = try extract(text)
        let city = g.nodes.first { $0.type == .city && $0.name != "Казань" }
        #expect(city != nil)
        #expect(city?.attributes["country"] != nil)
        #expect(partnerPairs(g).count == 1)
    }

    @Test func placesAfterSAloneAreNoPair() throws {
        #expect(partnerPairs(try extract("Развиваются дружеские связи со штатами Орегон, Аляска.")).isEmpty)
    }
}

@Suite struct AgreementPartnershipTests {
    @Test func everyPairOfAnEnumerationOfPairsSigns() throws {
        let pairs = partnerPairs(try extract("Такие же документы подписали между собой города Брно и Нант, Тверь и Гера."))
        #expect(pairs == [["Брно", "Нант"], ["Гера", "Тверь"]])
    }

    @Test(arguments: [
        "Вчера подписано соглашение между Брно и Нантом.",
        "Соглашение между Брно и Нантом подписали мэры городов.",
        "Планируется подписать соглашение между Брно и Нантом.",
    ])
    func anAgreementBetweenTwoPlacesIsTheirPartnership(_ text: String) throws {
        #expect(partnerPairs(try extract(text)) == [["Брно", "Нант"]])
    }

    @Test func aListIsNoEnumerationOfPairs() throws {
        let pairs = partnerPairs(try extract("Документы подписали между собой города Брно, Нант, Тверь и Гера."))
        #expect(!pairs.contains(["Гера", "Тверь"]))
    }
}
