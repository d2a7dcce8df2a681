import Foundation
import Testing
@testable import RussianText

private func texts(_ s: String) -> [String] { SentenceSplitter.sentences(s).map(\.text) }
private func tokenTexts(_ s: String) -> [String] { Tokenizer.tokens(s).map(\.text) }

private func slice(_ text: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(text.unicodeScalars)
    return String(String.UnicodeScalarView(scalars[start..<end]))
}

@Suite struct TokenizerTests {
    @Test func hyphenatedWordsAreOneToken() {
        #expect(tokenTexts("делегация г. Улан-Батор") == ["делегация", "г", ".", "Улан-Батор"])
        #expect(tokenTexts("с городами-побратимами — Хэйхэ") == ["с", "городами-побратимами", "—", "Хэйхэ"])
        #expect(tokenTexts("Кот-д'Ивуар") == ["Кот-д'Ивуар"])
        #expect(Tokenizer.tokens("COVID-19")[0].kind == .word)
    }

    @Test func initialsStayAtomic() {
        #expect(tokenTexts("К.-Ж.К. Токаева") == ["К", ".", "-", "Ж", ".", "К", ".", "Токаева"])
        #expect(tokenTexts("В.В. Путина") == ["В", ".", "В", ".", "Путина"])
    }

    @Test func quotesAreSeparateTokens() {
        let tokens = Tokenizer.tokens("«Флора-2019»")
        #expect(tokens.map(\.text) == ["«", "Флора-2019", "»"])
        #expect(tokens.map(\.kind) == [.quote, .word, .quote])
    }

    @Test func numbers() {
        let t = Tokenizer.tokens("лицея №3, 06.11.2019, 1,5 млн, 30-м, 2019-2020 гг., № 28")
        let numbers = t.filter { $0.kind == .number }.map(\.text)
        #expect(numbers == ["№3", "06.11.2019", "1,5", "30-м", "2019", "2020", "28"])
        #expect(t.contains { $0.text == "№" && $0.kind == .other })
    }

    @Test func terminalRunsAndSymbols() {
        let t = Tokenizer.tokens("Итак... Что?! проведен™ 10%")
        #expect(t.map(\.text) == ["Итак", "...", "Что", "?!", "проведен", "™", "10", "%"])
        #expect(t[5].kind == .other)
        #expect(t[1].kind == .punctuation)
    }

    @Test func offsetsAreUnicodeScalars() {
        // "й" written decomposed is two scalars; an emoji flag is two scalars too.
        let text = "Мои\u{0306} 🇷🇺 Омск, «Кайфын»."
        for token in Tokenizer.tokens(text) {
            #expect(slice(text, token.start, token.end) == token.text)
        }
        let omsk = Tokenizer.tokens(text).first { $0.text == "Омск" }
        #expect(omsk?.start == 8)
    }
}

@Suite struct SentenceSplitterTests {
    @Test func initialsDoNotEndSentences() {
        let s = texts("""
            Наиболее значимым мероприятием стал Форум с участием Президента РФ В.В. Путина и \
            Президента Республики Казахстан К.-Ж.К. Токаева. Форум проходил с 6 по 7 ноября 2019 года.
            """)
        #expect(s.count == 2)
        #expect(s[0].hasSuffix("К.-Ж.К. Токаева."))
        #expect(texts("Мэр города Омска О.Н. Фадина встретилась с делегацией.").count == 1)
        #expect(texts("Встреча с О. Н. Фадиной прошла успешно.").count == 1)
    }

    @Test func abbreviations() {
        #expect(texts("В гг. Хакодатэ и Токио (Япония) прошла 22 Встреча мэров. Она была успешной.").count == 2)
        #expect(texts("Делегация посетила г. Иркутск и г. Ангарск.").count == 1)
        #expect(texts("Делегация посетила Омский государственный университет им. Ф.М. Достоевского.").count == 1)
        #expect(texts("Обсуждались вопросы культуры, т.е. обмен выставками.").count == 1)
        #expect(texts("Офис находится на ул. Ленина. Затем делегация уехала.") ==
                ["Офис находится на ул. Ленина.", "Затем делегация уехала."])
        #expect(texts("Оплата 5 тыс. руб. за участие.").count == 1)
    }

    @Test func abbreviationsThatEndSentences() {
        #expect(texts("Обсуждались туризм, культура и т.д. Следующая встреча прошла в мае.").count == 2)
        #expect(texts("Были выставки, концерты и др. Япония остается партнером.").count == 2)
        #expect(texts("Это было в 2019 г. Делегация посетила Омск.").count == 2)
        #expect(texts("В 2019 г. Омск посетила делегация.").count == 1, "a year before г. starts the sentence")
        #expect(texts("Праздновали 225-летие г. Симферополь.").count == 1)
        #expect(texts("Туризм, культура и т.д., а также спорт.").count == 1)
    }

    @Test func quotesAreNotSplitInside() {
        let s = texts("Театр показал спектакль «Кто там? «Никого!» Нет.» на фестивале. Потом был концерт.")
        #expect(s == ["Театр показал спектакль «Кто там? «Никого!» Нет.» на фестивале.", "Потом был концерт."])
        #expect(texts("Он сказал: «Мы приедем!» Делегация приехала.").count == 2)
        // Direct speech of several sentences is as many sentences; a quoted name stays whole.
        #expect(texts("«Договор с Нантом подписан. Следующий шаг — обмен студентами», — сказал мэр.")
            == ["«Договор с Нантом подписан.", "Следующий шаг — обмен студентами», — сказал мэр."])
        #expect(texts("Глава города заявил: «Соглашение подписано! Теперь ждём гостей. Визит будет в мае».").count == 3)
        #expect(texts("Мэр напомнил о планах. «Визит прошёл успешно. Планируем новый», — добавил он.").count == 3)
        #expect(texts("Фестиваль «Сибирь. Зима» прошёл в Омске. Потом был концерт.")
            == ["Фестиваль «Сибирь. Зима» прошёл в Омске.", "Потом был концерт."])
        #expect(texts("Тема Форума - «Актуальные вопросы». Участниками стали 1600 человек.").count == 2)
    }

    @Test func listsAndHeadings() {
        let bullets = texts("""
            Взаимные намерения нацелены на:

            -содействие развитию контактов;

            -организацию обмена информацией.
            """)
        #expect(bullets == ["Взаимные намерения нацелены на:", "-содействие развитию контактов;",
                            "-организацию обмена информацией."])
        let numbered = texts("""
            ОМСК

            1) Округ Бёрде, муниципалитет Барлебен (ФРГ)

            В августе 2019 года состоялся визит.
            3. В мае 2019 года ансамбль выступил.
            4. В апреле подведены итоги
            • встреча в Пекине
            """)
        #expect(numbered == ["ОМСК", "1) Округ Бёрде, муниципалитет Барлебен (ФРГ)",
                             "В августе 2019 года состоялся визит.", "3. В мае 2019 года ансамбль выступил.",
                             "4. В апреле подведены итоги", "• встреча в Пекине"])
        #expect(texts("в России. 4. Развитие туризма").last == "4. Развитие туризма")
    }

    @Test func wrappedLinesAreJoined() {
        let s = texts("В 2020 году участие примут такие предприятия,\n\nкак:\n\n- Филиал АО «ОДК»;")
        #expect(s == ["В 2020 году участие примут такие предприятия,\n\nкак:", "- Филиал АО «ОДК»;"])
    }

    @Test func dates() {
        #expect(texts("29 сентября - 6 октября 2019 года состоялся визит омской делегации в Германию.").count == 1)
        #expect(texts("06.11.2019 состоялась встреча. 9-12 октября 2011 прошел форум.").count == 2)
    }

    @Test func ocrNoise() {
        #expect(texts("1) Города Красноярска в проведен™ XXIX Всемирной зимней универсиады 2019 года.").count == 1)
        #expect(texts("Итоги подведены в июне 2019 года.В октябре делегация вернулась.").count == 2)
        #expect(texts("Адмшшстрацией города подписано соглашение.").count == 1)
    }

    @Test func explainNamesTheRule() {
        let d = SentenceSplitter.explain("Делегация посетила г. Омск. Потом Иркутск.")
        #expect(d.first { $0.rule == "abbreviation" }?.split == false)
        #expect(d.contains { $0.rule == "default" && $0.split })
        #expect(d.last?.rule == "endOfText")
    }

    @Test func corpusSentencesCoverTheTextInOrder() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/corpus").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }
        #expect(!files.isEmpty)
        for f in files {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            let sentences = SentenceSplitter.sentences(text)
            let scalars = Array(text.unicodeScalars)
            var previousEnd = 0
            for s in sentences {
                #expect(s.start >= previousEnd)
                #expect(String(String.UnicodeScalarView(scalars[s.start..<s.end])) == s.text)
                #expect(scalars[previousEnd..<s.start].allSatisfy { $0.properties.isWhitespace },
                        "\(f): text lost between sentences at \(previousEnd)")
                #expect(s.tokens.first?.start == s.start && s.tokens.last?.end == s.end)
                previousEnd = s.end
            }
            #expect(scalars[previousEnd...].allSatisfy { $0.properties.isWhitespace })
            // A sentence never starts inside an initial or after "г.".
            for s in sentences {
                #expect(!s.text.hasPrefix("Путина"), "\(f): split inside «В.В. Путина»")
            }
        }
    }

    @Test func corpusOmskKnownSentences() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/corpus").standardized
        let text = try String(contentsOf: dir.appendingPathComponent("omsk-2019.txt"), encoding: .utf8)
        let s = texts(text)
        #expect(s.contains("2) Город Кайфын (КНР)"))
        #expect(s.contains("29 сентября - 6 октября 2019 года состоялся визит омской делегации в Германию."))
        #expect(s.contains { $0.hasPrefix("В рамках визита делегация Кайфына посетила также Омский государственный университет им. Ф.М. Достоевского") })
        #expect(s.contains { $0.hasPrefix("В октябре 2019 года состоялся визит омской делегации во главе с Мэром города Омска О.Н. Фадиной") })
    }
}

/// Invariants on noisy text: random mixes of letters, digits, marks, quotes, bullets and line
/// breaks (a fixed-seed generator, so failures reproduce).
@Suite struct SegmentationInvariantTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let pieces = ["Омск", "г", ".", " ", "\n", "\n\n", "«", "»", "\"", "В", "т", "е", "д", "др",
                         "2019", "06.11.2019", "-", "—", "!", "?", "…", "1)", "•", "№", "3", "Улан-Батор",
                         ",", ";", ":", "(", ")", "\u{00AD}", "ё", "™", "К.-Ж.К.", "им", "'", "\r\n"]

    @Test(arguments: 0..<40)
    func tokensAndSentencesStayConsistent(seed: Int) {
        var g = Generator(state: UInt64(seed) &+ 12345)
        var text = ""
        for _ in 0..<(20 + g.next(200)) { text += Self.pieces[g.next(Self.pieces.count)] }
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokens(text)
        var last = 0
        for t in tokens {
            #expect(t.start >= last && t.end > t.start && t.end <= scalars.count)
            #expect(String(String.UnicodeScalarView(scalars[t.start..<t.end])) == t.text)
            last = t.end
        }
        let sentences = SentenceSplitter.sentences(text)
        #expect(sentences.flatMap(\.tokens) == tokens, "every token in exactly one sentence, in order")
        for s in sentences {
            #expect(String(String.UnicodeScalarView(scalars[s.start..<s.end])) == s.text)
        }
    }
}

@Suite struct UnbalancedQuotesTests {
    @Test func anUnclosedQuoteDoesNotSwallowTheParagraph() {
        let s = texts("Участвуют АО «НПП «Эталон», ООО «Борей». Работа продолжится. Итоги подведут в мае.")
        #expect(s.count == 3)
        let t = texts("Проект «Добро пожаловать в Азию. Остальное потом. Итоги подведут в мае.")
        #expect(t.count == 3, "the quote never closes on the line: marks still end sentences")
    }
}

/// The shortcuts of the tokenizer and the splitter answer as the String operations they
/// replace.
@Suite struct SegmentationShortcutTests {
    static let texts = [
        "Омск", "ОМСК г.", "Ёлки и ЁЖ", "a-Z", "", "Мои\u{0306}", "е\u{0308}лка", "İstanbul", "ΣΟΦΙΑ", "Ǆ", "ß",
        "🇷🇺 флаг", "a\r\nb", "\u{00AD}x", "№3", "Кот-д'Ивуар", "١٢٣", "x\u{301}",
        // longer than 24 bytes: slices past that length are copied as substrings
        "Наиболее значимым мероприятием стал «Форум» 🇷🇺 Мои\u{0306}",
    ]

    @Test func sourceScalarsDecodeTheText() {
        for t in Self.texts {
            let s = IndexedText(t)
            #expect(s.scalars == Array(t.unicodeScalars))
            #expect(s.utf8Offsets.count == s.scalars.count + 1)
            #expect(s.utf8Offsets.last == t.utf8.count)
            s.withUTF8 { bytes in
                for i in 0...s.scalars.count {
                    for j in i...s.scalars.count {
                        #expect(s.slice(bytes, i, j) == String(String.UnicodeScalarView(s.scalars[i..<j])))
                    }
                }
            }
        }
    }

    @Test func characterCountAndLowercase() {
        for t in Self.texts {
            #expect(CharacterClass.characterCount(t) == t.count, "\(t)")
            #expect(CharacterClass.lowercased(t) == t.lowercased(), "\(t)")
            #expect(Array(CharacterClass.lowercased(t).utf8) == Array(t.lowercased().utf8), "\(t)")
        }
    }

    @Test func stringFromScalarsIsTheirText() {
        for t in Self.texts {
            let scalars = Array(t.unicodeScalars)
            #expect(String(scalars: scalars) == t)
            #expect(String(scalars: scalars[...]) == t)
            #expect(String(scalars: t.unicodeScalars) == t)
        }
    }

    @Test func abbreviationTablesAreComposed() {
        // ShortWordSet compares ASCII and basic Cyrillic words by bytes, which is String
        // equality only for members written composed (NFC): these scalars are.
        for w in Abbreviations.nonTerminal.union(Abbreviations.terminal) {
            #expect(w.unicodeScalars.allSatisfy {
                $0.value < 0x80 || (0x0410...0x044F).contains($0.value) || $0.value == 0x0401 || $0.value == 0x0451
                    || $0 == "№"
            }, "\(w)")
        }
    }

    @Test func shortWordSetAnswersAsASetOfStrings() {
        let members: Set<String> = ["г", "им", "т.е", "ёж", "№", "очень-очень-длинное-слово", "x\u{301}"]
        let set = ShortWordSet(members)
        let probes = ["г", "Г", "им", "ёж", "е\u{0308}ж", "№", "очень-очень-длинное-слово", "очень-очень-длинное",
                      "x\u{301}", "\u{1E8B}", "", "гг", "т.е"]
        for p in probes {
            #expect(set.contains(p) == members.contains(p), "\(p)")
        }
    }
}

@Suite struct IndexedTextTests {
    @Test func slicesAndSentencesAreThoseOfTheString() {
        let text = "Наиболее значимым мероприятием стал Форум с участием Президента РФ В.В. Путина. "
            + "Мои\u{0306} 🇷🇺 Омск, «Кайфын»!\r\nИ т.д. a\u{301}b"
        let indexed = IndexedText(text)
        #expect(indexed.scalars == Array(text.unicodeScalars))
        for (a, b) in [(0, 0), (0, 8), (3, 40), (70, indexed.scalars.count), (0, indexed.scalars.count)] {
            #expect(indexed.slice(a, b) == String(scalars: indexed.scalars[a..<b]))
        }
        #expect(SentenceSplitter.sentences(indexed) == SentenceSplitter.sentences(text))
        #expect(SentenceSplitter.sentences(indexed).count >= 2)
    }
}
