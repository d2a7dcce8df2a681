import Testing
import Extraction
import KnowledgeGraph

@Suite struct QuotationTests {
    @Test(arguments: [
        "«Мы давно дружим, и теперь Тверь и Бергамо стали городами-побратимами», — сказал мэр.",
        "Глава города заявил: «Отныне Тверь и Бергамо — города-побратимы».",
        "\"Тверь и Бергамо стали побратимами\", — сообщила пресс-служба.",
    ])
    func quotedSpeechIsTextLikeAnyOther(_ text: String) throws {
        let g = try extract(text)
        #expect(partnerPairs(g) == [["Бергамо", "Тверь"]])
    }

    @Test(arguments: [
        "Спортсмены выступили на турнире по самбо «Кубок Бергамо».",
        "Открылся фестиваль «Тверь встречает друзей».",
        "Договор с АО «Бергамо» продлён.",
    ])
    func aQuotedNameAfterItsHeadNounHoldsNoPlace(_ text: String) throws {
        let g = try extract(text)
        #expect(!g.nodes.contains { $0.type == .city && ($0.name == "Бергамо" || $0.name == "Тверь") })
    }
}
