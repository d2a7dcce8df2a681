import Foundation
import Testing
import Extraction
import KnowledgeGraph

/// One extractor for the suite: loading the dictionary and gazetteer once.
let sharedExtractor: Extractor? = try? Extractor.standard()

func corpusText(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/corpus/\(name).txt")
    return try String(contentsOf: url, encoding: .utf8)
}

func extract(_ text: String, id: String = "test") throws -> Graph {
    let x = try #require(sharedExtractor)
    return x.extract(text: text, documentID: id, path: id + ".txt", sha256: "").graph
}

func names(_ g: Graph, _ ids: [String]) -> Set<String> {
    let byID = g.nodesByID
    return Set(ids.compactMap { byID[$0]?.name })
}

func partners(_ g: Graph, of city: String) -> Set<String> {
    guard let id = g.nodes.first(where: { $0.name == city })?.id else { return [] }
    let ids = g.edges.filter { $0.type == .twinnedWith || $0.type == .partnerOf }
        .compactMap { $0.source == id ? $0.target : ($0.target == id ? $0.source : nil) }
    return names(g, ids)
}

func visits(_ g: Graph) -> Set<String> {
    let byID = g.nodesByID
    return Set(g.edges.filter { $0.type == .visited }.compactMap { e in
        guard let s = byID[e.source]?.name, let t = byID[e.target]?.name else { return nil }
        return "\(s)->\(t)"
    })
}

@Suite struct CorpusExtractionTests {
    /// The partners the hand-checked gold of a report names (read from ../shared/gold, not
    /// copied here), each found under one of its accepted names.
    @Test(arguments: ["omsk-2019", "tomsk-2011", "khabarovsk-2021"])
    func everyGoldPartnerOfAReportIsFound(_ report: String) throws {
        let gold = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/gold/\(report).tsv")
        let rows = try String(contentsOf: gold, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count >= 3 && ($0[0] == "partnership" || $0[0] == "planned") }
        #expect(!rows.isEmpty)
        let g = try extract(try corpusText(report), id: report)
        let byID = g.nodesByID
        func key(_ s: String) -> String { s.lowercased().replacingOccurrences(of: "ё", with: "е") }
        // each end as every name it goes by: its name and its aliases
        let pairs = g.edges.filter { $0.type == .twinnedWith || $0.type == .partnerOf }.compactMap { e -> (Set<String>, Set<String>)? in
            guard let a = byID[e.source], let b = byID[e.target] else { return nil }
            return (Set(([a.name] + a.aliases).map(key)), Set(([b.name] + b.aliases).map(key)))
        }
        for row in rows {
            let a = row[1].split(separator: "|").map { key(String($0)) }, b = row[2].split(separator: "|").map { key(String($0)) }
            #expect(pairs.contains { p in (a.contains { p.0.contains($0) } && b.contains { p.1.contains($0) })
                        || (a.contains { p.1.contains($0) } && b.contains { p.0.contains($0) }) }, "\(row[1]) ~ \(row[2])")
        }
    }

    @Test func everyEdgeHasEvidenceThatIsTheExactSlice() throws {
        let text = try corpusText("irkutsk-2009")
        let scalars = Array(text.unicodeScalars)
        let g = try extract(text, id: "irkutsk-2009")
        #expect(!g.edges.isEmpty)
        for e in g.edges {
            #expect(!e.evidence.isEmpty, "\(e.id)")
            for ev in e.evidence {
                #expect(String(String.UnicodeScalarView(scalars[ev.start..<ev.end])) == ev.text)
            }
        }
        for n in g.nodes {
            #expect(!n.mentions.isEmpty, "\(n.id)")
            for m in n.mentions { #expect(String(String.UnicodeScalarView(scalars[m.start..<m.end])) == m.text) }
        }
    }

    @Test func inflectedFormsAreOneNode() throws {
        let g = try extract(try corpusText("irkutsk-2009"), id: "irkutsk-2009")
        let pforzheim = g.nodes.filter { $0.name == "Пфорцхайм" }
        #expect(pforzheim.count == 1)
        #expect(Set(pforzheim.first?.aliases ?? []).isSuperset(of: ["Пфорцхайма", "Пфорцхайме"]) == true)
        #expect(g.nodes.filter { $0.type == .country && $0.name == "Китай" }.count == 1)
    }

    @Test func twinningWithStatusAndYear() throws {
        let g = try extract(try corpusText("omsk-2019"), id: "omsk-2019")
        let e = try #require(g.edges.first { $0.type == .twinnedWith && $0.source == "city/kaifeng" && $0.target == "city/omsk" && $0.attributes["since"] != nil })
        #expect(e.attributes["since"] == .int(2009))
        #expect(e.attributes["status"] == "established")
    }
}

@Suite struct PatternTests {
    @Test func delegationVisitWithOtherCitiesAndWordOrder() throws {
        let g = try extract("ТВЕРЬ\n\nВ мае 2011 года делегация города Могилева посетила г. Тверь.\n\nВ июне 2011 года тверская делегация посетила г. Могилев (Беларусь).\n")
        let v = visits(g)
        #expect(v.contains("Могилёв->Тверь") || v.contains("Могилев->Тверь"))
        #expect(v.contains("Тверь->Могилёв") || v.contains("Тверь->Могилев"))
        let dated = g.edges.first { $0.type == .visited && $0.target == "city/tver" }
        #expect(dated?.attributes["date"] == "2011-05")
    }

    @Test func onlineMeetingIsNoVisit() throws {
        let g = try extract("ТВЕРЬ\n\nВ 2021 году делегация г. Могилев приняла участие в онлайн встрече и посетила в режиме видеоконференции г. Тверь.\n")
        #expect(visits(g).isEmpty)
    }

    @Test func possibleCooperationIsNoPartnership() throws {
        let g = try extract("ТВЕРЬ\n\nНа встрече с делегацией Нанта мэр обсудил перспективы возможного сотрудничества между городами Тверь и Нант.\n")
        #expect(partners(g, of: "Тверь").isEmpty)
    }

    @Test func plannedTwinningHasPlannedStatus() throws {
        let g = try extract("ТВЕРЬ\n\nВ мае мэры Твери и французского Нанта подписали протокол о намерении установить побратимские отношения.\n")
        let e = try #require(g.edges.first { $0.type == .twinnedWith })
        #expect(e.attributes["status"] == "planned")
        #expect(g.edges.contains { $0.type == .signed })
    }

    @Test func listAfterColonGivesPartners() throws {
        let text = "ОМСК\n\nСпортсмены приняли участие в соревнованиях в городах-побратимах:\n\n- в турнире в г. Павлодар (Казахстан);\n\n- в фестивале в г. Симферополе.\n"
        let g = try extract(text)
        #expect(partners(g, of: "Омск") == ["Павлодар", "Симферополь"])
    }

    @Test func cityNamedInEventTitleIsNoParticipant() throws {
        let g = try extract("ОМСК\n\nВ 2019 году состоялся фестиваль «Дни Кайфына в Омске» в городе Омске.\n")
        let kaifeng = g.nodes.first { $0.name == "Кайфын" }
        #expect(kaifeng == nil || !g.edges.contains { $0.type == .participatedIn && $0.source == kaifeng?.id })
    }

    @Test func officeFromTitleBeforeName() throws {
        let g = try extract("ТВЕРЬ\n\nГостей приветствовала Мэр города Твери А.П. Смирнова.\n")
        let person = try #require(g.nodes.first { $0.type == .person })
        #expect(person.name == "А.П. Смирнова")
        let e = try #require(g.edges.first { $0.type == .holdsOffice })
        #expect(e.target == "city/tver" && e.attributes["role"] == "мэр")
    }

    @Test func mergeKeepsOneEdgeWithBothEvidences() throws {
        let a = try extract("ТВЕРЬ\n\nВ этом году Тверь и Нант отмечают пятнадцать лет побратимских связей.\n", id: "a")
        let b = try extract("ТВЕРЬ\n\nГород-побратим Твери — французский Нант.\n", id: "b")
        let merged = Graph.merging([a, b])
        let twins = merged.edges.filter { $0.type == .twinnedWith }
        #expect(twins.count == 1)
        #expect(Set(twins[0].evidence.map(\.document)) == ["a", "b"])
    }
}

@Suite struct MorePatternTests {
    @Test func enumerationAfterSuchCitiesAs() throws {
        let g = try extract("ТВЕРЬ\n\nВ 2015 году представители администрации посетили такие города-партнеры, как Могилев (Беларусь), Павлодар (Казахстан), Калининград.\n")
        let v = visits(g)
        #expect(v.isSuperset(of: ["Тверь->Павлодар", "Тверь->Калининград"]))
        #expect(v.contains { $0.hasPrefix("Тверь->Могил") })
        #expect(!v.contains { $0.hasSuffix("->Беларусь") || $0.hasSuffix("->Казахстан") })
        #expect(partners(g, of: "Тверь").contains("Павлодар"))
    }

    @Test func delegationSentTo() throws {
        let g = try extract("ТВЕРЬ\n\nВ апреле в г. Гродно на праздник была направлена делегация города Твери.\n")
        #expect(visits(g).contains("Тверь->Гродно"))
    }

    @Test func observerMembershipByAnaphora() throws {
        let g = try extract("ТВЕРЬ\n\nОб ассоциации: ЕСГИ – европейская сеть городов искусства.\n\nВ 2015 г. Тверь была принята в организацию в качестве наблюдателя.\n")
        let e = try #require(g.edges.first { $0.type == .memberOf })
        #expect(e.source == "city/tver")
        #expect(e.attributes["role"] == "наблюдатель")
        #expect(g.nodesByID[e.target]?.name == "ЕСГИ")
    }

    @Test func foreignOfficialAfterHonorific() throws {
        let g = try extract("ТВЕРЬ\n\nНакануне приезда в Тверь делегации во главе с вице-мэром города Далянь г-ном Чэнь Бо прошла подготовка.\n")
        let person = try #require(g.nodes.first { $0.type == .person })
        #expect(person.name == "Чэнь Бо")
        let office = try #require(g.edges.first { $0.type == .holdsOffice })
        #expect(office.attributes["role"] == "вице-мэр")
        #expect(g.nodesByID[office.target]?.name == "Далянь")
    }

    @Test func visitNounWithSourceAndTargetAndDate() throws {
        let g = try extract("ТВЕРЬ\n\nВ сентябре 2020 года состоялся визит в Тверь представителей округа Хёрсте и муниципалитета Оснабрюка.\n")
        let v = visits(g)
        #expect(v.contains("Хёрсте->Тверь"))
        #expect(v.contains("Оснабрюк->Тверь"))
        #expect(g.edges.first { $0.type == .visited }?.attributes["date"] == "2020-09")
        #expect(g.nodes.first { $0.name == "Хёрсте" }?.type == .region)
    }

    @Test func partnershipCueSpelledWithYo() throws {
        let g = try extract("ОМСК\n\nПартнёрские связи с городом Пфорцхайм (ФРГ) развиваются с 2019 года.\n")
        #expect(g.edges.contains { $0.type == .partnerOf && $0.target == "city/pforzheim" })
    }

    @Test func marchAndMayAreTwoMonthsAndARangeStartsAtItsFirstDay() throws {
        let g = try extract("ОМСК\n\n27-31 марта 2019 года делегация города Омска посетила г. Пфорцхайм (ФРГ).\n\nВ мае 2019 года делегация города Омска посетила г. Кайфын (КНР).\n")
        let dates = Set(g.edges.filter { $0.type == .visited }.compactMap { $0.attributes["date"] })
        #expect(dates == ["2019-03-27", "2019-05"])
    }

    @Test func eventHeldInAndNominativeName() throws {
        let g = try extract("ТВЕРЬ\n\nТверской пловец стал вторым на Кубке Европы среди юниоров по плаванию, который прошёл в мае в городе Брно (Чехия).\n")
        let event = try #require(g.nodes.first { $0.type == .event })
        #expect(event.name.hasPrefix("Кубок Европы среди юниоров по плаванию"))
        let held = try #require(g.edges.first { $0.type == .heldIn })
        #expect(g.nodesByID[held.target]?.name == "Брно")
    }
}

@Suite struct ParticipationVisitTests {
    @Test func delegationTakingPartAbroadVisited() throws {
        let g = try extract("ТВЕРЬ\n\nВ октябре обеспечено участие делегации мэрии города Твери в Форуме городов Европы, прошедшем в г. Льеж (Бельгия).\n")
        #expect(visits(g).contains("Тверь->Льеж"))
    }

    @Test func worksSentToAnExhibitionAreNoVisit() throws {
        let g = try extract("ТВЕРЬ\n\nВесной рисунки учащихся города Твери приняли участие в выставке в городе Нанте (Франция).\n")
        #expect(visits(g).isEmpty)
    }

    @Test func onlineParticipationIsNoVisit() throws {
        let g = try extract("ХАБАРОВСК\n\nДелегация города Хабаровска приняла участие в онлайн форуме в городе Харбине (КНР).\n")
        #expect(visits(g).isEmpty)
    }
}

@Suite struct PlaceReadingTests {
    @Test func countryInParenthesesChoosesTheReading() throws {
        let g = try extract("ХАБАРОВСК\n\nСоревнования прошли между командами гг. Хабаровска, Харбина и Шанью (КНР). Развивается сотрудничество с городом Тайбей (КНР).\n")
        let shanyu = try #require(g.nodes.first { $0.name == "Шанью" })
        #expect(shanyu.country == "CN")
        #expect(g.nodes.filter { fold($0.name) == "тайбей" }.count == 1)
    }

    @Test func nameInAppositionToAnOrganisationIsNoPlace() throws {
        let g = try extract("ТВЕРЬ\n\nПрошла встреча директоров гимназии № 12 и средней школы Льеж г. Нант.\n")
        #expect(!g.nodes.contains { $0.name == "Льеж" && $0.type.isPlace })
        #expect(g.nodes.contains { $0.name == "Нант" })
    }
}

private func fold(_ s: String) -> String { s.lowercased().replacingOccurrences(of: "ё", with: "е").replacingOccurrences(of: "э", with: "е") }
