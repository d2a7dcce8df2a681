import Testing
@testable import RussianText

@Suite struct LongSentenceTests {
    /// "слово слово … слово" with `words` words, `separator` after every `every`-th.
    private func line(words: Int, separator: String? = nil, every: Int = 1) -> String {
        var parts: [String] = []
        for k in 1...words {
            parts.append("слово\(k)")
            if let separator, k % every == 0 { parts[parts.count - 1] += separator }
        }
        return parts.joined(separator: " ")
    }

    @Test func aLineWithoutStopsIsCutAtTheLimit() {
        let text = line(words: 5 * LongSentences.maximumTokens)
        let sentences = SentenceSplitter.sentences(text)
        #expect(sentences.count == 5)
        #expect(sentences.allSatisfy { $0.tokens.count <= LongSentences.maximumTokens })
        // nothing lost or doubled: the pieces cover every token in order
        #expect(sentences.flatMap(\.tokens) == Tokenizer.tokens(text))
    }

    @Test func cutsPreferSemicolonsThenCommas() {
        // a comma after every 7th word, a semicolon after every 60th
        var words: [String] = []
        for k in 1...600 {
            words.append("слово" + (k % 60 == 0 ? ";" : k % 7 == 0 ? "," : ""))
        }
        let sentences = SentenceSplitter.sentences(words.joined(separator: " "))
        #expect(sentences.count > 1)
        for s in sentences.dropLast() {
            #expect(s.tokens.last?.text == ";")
            #expect(s.tokens.count <= LongSentences.maximumTokens)
            #expect(s.tokens.count > LongSentences.maximumTokens / 2)
        }
        let commas = SentenceSplitter.sentences(line(words: 600, separator: ",", every: 7))
        #expect(commas.dropLast().allSatisfy { $0.tokens.last?.text == "," })
    }

    @Test func offsetsAndTextsOfCutSentencesAreSlicesOfTheText() {
        let text = line(words: 450, separator: ",", every: 13)
        let scalars = Array(text.unicodeScalars)
        for s in SentenceSplitter.sentences(text) {
            #expect(String(String.UnicodeScalarView(scalars[s.start..<s.end])) == s.text)
        }
    }

    @Test func ordinarySentencesAreNotCut() {
        // 80 words and 16 commas: 96 tokens, a long sentence of a real report
        let text = line(words: 80, separator: ",", every: 5) + ". Второе предложение."
        #expect(SentenceSplitter.sentences(text).count == 2)
    }

    @Test func explainNamesTheCuts() {
        let decisions = SentenceSplitter.explain(line(words: 3 * LongSentences.maximumTokens + 10))
        #expect(decisions.filter { $0.rule == "overlong.length" }.count == 3)
        #expect(decisions.map(\.offset) == decisions.map(\.offset).sorted())
    }

    @Test func anUnclosedQuoteOnALongLineStillSplits() {
        // many full stops after an opening quote that never closes: each is a sentence end
        let text = "«" + (1...300).map { "Предложение \($0)." }.joined(separator: " ")
        #expect(SentenceSplitter.sentences(text).count == 300)
        // a quoted name that closes on the line stays whole (direct speech is split: SegmentationTests)
        let closed = "Проект «Первое. Второе» завершён. Третье."
        #expect(SentenceSplitter.sentences(closed).map(\.text) == ["Проект «Первое. Второе» завершён.", "Третье."])
    }
}
