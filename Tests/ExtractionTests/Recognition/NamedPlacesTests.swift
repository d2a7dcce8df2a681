import Testing
import Extraction
import KnowledgeGraph

@Suite struct NamedPlacesTests {
    /// (a district that is a partner is a city of the graph: see `PartnerDistrictTests`)
    @Test(arguments: [
        ("Соглашение подписали между Лидским районом и Зеленоградским районом.", "Лидский район", NodeType.city),
        ("Делегация из Кобринского района побывала в Твери.", "Кобринский район", NodeType.region),
        ("Тверь подружилась с Жабинковским районом.", "Жабинковский район", NodeType.city),
    ])
    func aDistrictTheGazetteerLacksIsNamedInTheNominative(_ text: String, _ name: String, _ type: NodeType) throws {
        let g = try extract(text)
        #expect(g.nodes.contains { $0.name == name && $0.type == type })
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
