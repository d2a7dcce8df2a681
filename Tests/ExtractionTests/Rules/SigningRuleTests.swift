import Testing
import Extraction
import KnowledgeGraph

/// Names of the parties that signed each document.
func signatories(_ g: Graph) -> [String: Set<String>] {
    let byID = g.nodesByID
    var out: [String: Set<String>] = [:]
    for e in g.edges where e.type == .signed {
        guard let doc = byID[e.target]?.name, let party = byID[e.source]?.name else { continue }
        out[doc, default: []].insert(party)
    }
    return out
}

@Suite struct SigningRuleTests {
    @Test(arguments: [
        "В Твери подписано соглашение о сотрудничестве между Нантом и Брно.",
        "Соглашение о сотрудничестве между Нантом и Брно подписали в Твери.",
        "Мэр Нанта и мэр Брно подписали в Твери соглашение о сотрудничестве.",
    ])
    func thePlaceOfSigningIsNoParty(_ text: String) throws {
        let parties = signatories(try extract(text)).values.reduce(into: Set<String>()) { $0.formUnion($1) }
        #expect(parties == ["Нант", "Брно"])
    }

    @Test(arguments: [
        "Соглашение о дружбе подписали мэр Твери Иван Соколов и президент фонда «Мост» Пьер Дюваль.",
        "Иван Соколов и Пьер Дюваль подписали соглашение о дружбе.",
    ])
    func signatoriesStandForPartiesTheClauseDoesNotName(_ text: String) throws {
        let parties = signatories(try extract(text)).values.reduce(into: Set<String>()) { $0.formUnion($1) }
        #expect(parties.contains { $0.contains("Дюваль") })
    }

    @Test func aTitleEndsBeforeTheVerb() throws {
        let docs = signatories(try extract("Соглашение о сотрудничестве подписали мэр Нанта и мэр Брно.")).keys
        #expect(Set(docs) == ["Соглашение о сотрудничестве"])
    }
}
