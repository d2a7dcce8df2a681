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

@Suite struct MoreSigningRuleTests {
    func parties(_ text: String) throws -> Set<String> {
        signatories(try extract(text)).values.reduce(into: Set<String>()) { $0.formUnion($1) }
    }

    @Test func everyPairAfterMezhduSobojSigns() throws {
        #expect(try parties("Такие же документы подписали между собой города Брно и Нант, Тверь и Гера.") == ["Брно", "Нант", "Тверь", "Гера"])
    }

    @Test(arguments: [
        "Стороны планируют подписать соглашение о дружбе между Брно и Нантом.",
        "Брно и Нант готовы подписать соглашение о сотрудничестве.",
    ])
    func anInfinitiveSignsNothingYet(_ text: String) throws {
        #expect(try parties(text).isEmpty)
    }

    @Test(arguments: [
        "Документ своими подписями скрепили мэр Брно Ян Новак и мэр Нанта Пьер Мартен.",
        "Соглашение скрепили подписями мэр Брно Ян Новак и мэр Нанта Пьер Мартен.",
    ])
    func sealedWithSignaturesIsSigned(_ text: String) throws {
        #expect(try parties(text).isSuperset(of: ["Брно", "Нант"]))
    }

    @Test func aCityThatOnlySaysWhereADistrictIsIsNoParty() throws {
        let p = try parties("Подписан протокол между Тверью и районом Лянцзян города Нанкин.")
        #expect(!p.contains("Нанкин"))
    }
}
