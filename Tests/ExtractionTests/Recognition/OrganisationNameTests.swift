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

/// Regions by the names the press calls them.
@Suite struct ColloquialRegionTests {
    @Test(arguments: [
        ("Делегация Кубани посетила Льеж.", "region/krasnodarskiy-kray", "Кубань"),
        ("Губернатор Приморья встретился с гостями из Льежа.", "region/primorskiy-kray", "Приморье"),
        ("Представители Прикамья побывали в Льеже.", "region/permskiy-kray", "Прикамье"),
        ("Делегация Гомельщины посетила Льеж.", "region/gomelskaya-oblast", "Гомельщина"),
    ])
    func aColloquialNameIsItsRegion(_ text: String, _ id: String, _ name: String) throws {
        // the region, named as the text names it (in the nominative)
        let region = try #require(try extract(text).nodes.first { $0.id == id })
        #expect(region.type == .region && region.name == name)
    }

    @Test func aCityAndTheProvinceNamedAfterItAreTheCity() throws {
        let g = try extract("Делегация Плевена посетила Льеж.")
        #expect(g.nodes.contains { $0.type == .city && $0.name == "Плевен" })
    }
}

/// Districts that are partners are cities of the graph; a district that only locates is a region.
@Suite struct PartnerDistrictTests {
    @Test(arguments: [
        "Горецкий район и Тверь стали побратимами.",
        "Тверь подписала соглашение о побратимстве с Кентшинским повятом.",
        "Побратимом Твери стал Ляховский район.",
    ])
    func aDistrictThatIsAPartnerIsACity(_ text: String) throws {
        let g = try extract(text)
        let tver = try #require(g.nodes.first { $0.name == "Тверь" })
        let partner = g.edges.first { ($0.type == .twinnedWith || $0.type == .partnerOf) && ($0.source == tver.id || $0.target == tver.id) }
        let other = try #require(partner.map { $0.source == tver.id ? $0.target : $0.source })
        #expect(g.nodesByID[other]?.type == .city)
    }

    @Test func aDistrictThatOnlyLocatesStaysARegion() throws {
        let g = try extract("Делегация из Горецкого района посетила Тверь.")
        #expect(g.nodes.contains { $0.type == .region && $0.name.hasSuffix("район") })
    }
}

/// A report's own city named by its adjective or its people.
@Suite struct ReporterFormTests {
    @Test(arguments: [
        ("ТВЕРЬ\n\nТверская делегация побывала в Льеже.\n", "Тверь->Льеж"),
        ("ИРКУТСК\n\nИркутяне побывали в Льеже.\n", "Иркутск->Льеж"),
        ("ХАБАРОВСК\n\nХабаровская делегация посетила Льеж.\n", "Хабаровск->Льеж"),
    ])
    func theReportsCityByItsAdjectiveOrPeople(_ text: String, _ visit: String) throws {
        #expect(visits(try extract(text)).contains(visit))
    }
}
