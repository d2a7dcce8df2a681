import Testing
import Extraction
import KnowledgeGraph

@Suite struct PlaceContextTests {
    @Test(arguments: [
        "Делегация из болгарского Плевена побывала в Твери.",
        "Мэр Плевена приехал в Тверь.",
        "Плевен и Тверь стали побратимами.",
    ])
    func aNameOfACityAndItsProvinceIsTheCity(_ text: String) throws {
        let g = try extract(text)
        #expect(g.nodes.first { $0.name == "Плевен" }?.type == .city)
    }

    @Test func aRegionMarkerKeepsTheProvince() throws {
        let g = try extract("Губернатор провинции Плевен приехал в Тверь.")
        #expect(g.nodes.contains { $0.name.contains("Плевен") && $0.type == .region })
    }

    @Test(arguments: [
        "Тверь подружилась с немецким Гётингеном и французским Бурже.",
        "С Тверью подружились немецкие Майнц и Гера.",
        "Греческий Волос стал побратимом Твери.",
    ])
    func aCountryAdjectiveIsAStrongContext(_ text: String) throws {
        let g = try extract(text)
        let cities = g.nodes.filter { $0.type == .city && $0.name != "Тверь" }
        #expect(!cities.isEmpty)
        #expect(cities.allSatisfy { $0.attributes["country"] != nil })
    }

    @Test func aCountryAfterACommaChoosesTheReading() throws {
        let g = try extract("Побратимы Твери:\n\nНиколаев, Украина\nГера, Германия\n")
        #expect(Set(g.nodes.filter { $0.type == .city }.map(\.name)).isSuperset(of: ["Николаев", "Гера"]))
    }
}
