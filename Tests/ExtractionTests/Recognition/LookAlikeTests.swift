import Testing
@testable import Extraction
import KnowledgeGraph

/// Latin and Greek letters that look like Cyrillic ones inside Russian words.
@Suite struct LookAlikeTests {
    @Test(arguments: [
        ("Делегация Льежа посетила Твepь.", "Тверь"),        // Latin "e", "p"
        ("Делегация Льежа посетила Тβерь.", nil),            // "β" looks like no Cyrillic letter
        ("Делегация Льежа посетила Τверь.", "Тверь"),        // Greek capital tau
    ] as [(String, String?)])
    func lookAlikesInsideACyrillicWordAreRead(_ text: String, _ place: String?) throws {
        let names = Set(try extract(text).nodes.filter(\.type.isPlace).map(\.name))
        if let place { #expect(names.contains(place)) } else { #expect(!names.contains("Тверь")) }
    }

    @Test func latinWordsStayLatin() {
        #expect(LookAlikes.folded("Omsk") == "Omsk")
        #expect(LookAlikes.folded("Омcк") == "Омск")
        #expect(LookAlikes.folded("Омск").utf8.elementsEqual("Омск".utf8))
    }

    @Test func offsetsAreThoseOfTheSource() throws {
        let text = "Делегация Льежа посетила Твepь."
        let g = try extract(text)
        let tver = try #require(g.nodes.first { $0.name == "Тверь" })
        #expect(tver.mentions.allSatisfy { m in
            String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(m.start).prefix(m.end - m.start))) == m.text
        })
    }
}
