import Testing
import Extraction
import KnowledgeGraph

@Suite struct NamedPlacesTests {
    @Test(arguments: [
        ("Соглашение подписали между Лидским районом и Зеленоградским районом.", "Лидский район"),
        ("Делегация из Кобринского района побывала в Твери.", "Кобринский район"),
        ("Тверь подружилась с Жабинковским районом.", "Жабинковский район"),
    ])
    func aDistrictTheGazetteerLacksIsARegionInTheNominative(_ text: String, _ name: String) throws {
        let g = try extract(text)
        #expect(g.nodes.contains { $0.name == name && $0.type == .region })
    }

    @Test func anInflectedNameTheGazetteerKnowsIsThatPlace() throws {
        let g = try extract("Делегация побывала в Татарстане и Башкирии.")
        #expect(!g.nodes.contains { $0.name == "Татарстане" })
    }

    @Test func geographicFeaturesAreNoPlaces() throws {
        let g = try extract("Экспедиция прошла вдоль Западного побережья Тихого океана.")
        #expect(!g.nodes.contains { $0.name.contains("океан") || $0.name.contains("побережь") })
    }
}
