import Foundation
import Testing
@testable import Extraction
import RussianText

/// The per-word views computed from code points must equal the general String operations.
@Suite struct WordFastPathTests {
    static let texts = ["Омск", "ОМСК", "ОмГУ", "Ёлка", "ёжик", "Улан-Батор", "ANMC21", "г-н", "КНР", "Strömsund",
                        "İstanbul", "Ⅻ", "а", "5", "«", "Пфорцхайме"]

    @Test func lowerMatchesFoundation() {
        for t in Self.texts {
            let w = Word(token: Token(text: t, start: 0, end: t.unicodeScalars.count, kind: .word), index: 0)
            #expect(w.lower == t.lowercased().replacingOccurrences(of: "ё", with: "е"), "\(t)")
        }
    }

    @Test func capitalsMatchProperties() {
        for t in Self.texts {
            let w = Word(token: Token(text: t, start: 0, end: t.unicodeScalars.count, kind: .word), index: 0)
            let letters = t.unicodeScalars.filter { $0.properties.isAlphabetic }
            let upper = letters.filter { $0.properties.isUppercase }.count
            #expect(w.isAllCaps == (!letters.isEmpty && upper == letters.count), "\(t)")
            let first = t.unicodeScalars.first?.properties.isUppercase ?? false
            #expect(w.isCapitalized == first, "\(t)")
            #expect(w.isAbbreviation == (first && letters.count >= 2 && letters.count <= 10 && upper >= 2 && upper * 2 >= letters.count), "\(t)")
        }
    }

    @Test func byteTestsMatchStringTests() {
        let w = Word(token: Token(text: "Побратимами", start: 0, end: 11, kind: .word), index: 0)
        #expect(w.isPlain)
        #expect(w.starts(with: "побратим") && !w.starts(with: "побратимы"))
        #expect(w.isAny(["город", "побратимами"]) && !w.isAny(["побратима"]))
        #expect(fold("ЁЛКА İ Омск") == "ЁЛКА İ Омск".lowercased().replacingOccurrences(of: "ё", with: "е"))
    }

    @Test func stemListsAnswerAsPlainLists() {
        let lists: [[String]] = [Lexicon.visitMotionStems.list, Lexicon.nameWords.list, ["г-н", "-партнер", "«", "ёлк", "x", "йош"], []]
        for t in Self.texts + ["посетила", "Области", "г-н", "-партнеры", "«", "Ёлка", "xyz", "Побывал", "И\u{306}ошкар-Ола"] {
            let w = Word(token: Token(text: t, start: 0, end: t.unicodeScalars.count, kind: .word), index: 0)
            for list in lists { #expect(w.starts(with: Stems(list)) == w.starts(with: list), "\(t) \(list)") }
        }
    }

    @Test func byteFoldMatchesScalarFold() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/corpus").standardizedFileURL
        var samples = ["", "ЁЛКА ёлка Ѐ ђ", "ABCxyz@[`{", "Омск–Пфорцхайм", "İstanbul", "ПРОВИНЦИЯ Ляонин", "Я", "я\r\n",
                       "«Флора»\u{A0}— „Дни“ ‘Омска’… №5 µ ª"]
        for f in try FileManager.default.contentsOfDirectory(atPath: corpus.path) where f.hasSuffix(".txt") {
            samples += try String(contentsOf: corpus.appendingPathComponent(f), encoding: .utf8)
                .split(separator: "\n").map(String.init)
        }
        for s in samples {
            #expect(fold(s) == generalFold(s), "\(s)")
            let (lower, plain) = Word.fold(s)
            #expect(lower == s.lowercased().replacingOccurrences(of: "ё", with: "е") && plain == (plainFold(s) != nil), "\(s)")
        }
        #expect(plainFold("Ѐ") == nil && plainFold("İ") == nil && plainFold("ОМСК ё") == "омск е")
    }

    @Test func substringSearchMatchesStringSearch() {
        let hay = "ааб побратимские связи, побратимами; г-н"
        for needle in ["", "а", "аб", "ааб", "побратим", "ами;", "г-н", "г-нн", "связи, п", "x", hay, hay + "а"] {
            #expect(hay.has(needle) == (needle.isEmpty || hay.contains(needle)), "\(needle)")
        }
        #expect(!"".has("а") && "".has(""))
    }
}

/// The head-form prefilter may only answer "no" for words none of whose readings has a head lemma.
@Suite struct HeadFormsTests {
    @Test func prefilterNeverHidesAHead() throws {
        let extractor = try #require(sharedExtractor)
        let heads = Lexicon.organisationLemmas.union(Lexicon.eventLemmas).union(Lexicon.documentLemmas)
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/corpus").standardizedFileURL
        var texts = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
            .map { try String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8) }
        // forms of every head lemma, capitalised, with ё and in compounds
        texts.append("Форумами ФЕСТИВАЛЕЙ Слётом слетов Мастер-классы Соглашениям Круглого Дням Школе Советом")
        var seen = Set<String>()
        var hidden: [String] = []
        var answered = 0
        for text in texts {
            for s in SentenceSplitter.sentences(text) {
                for (k, t) in s.tokens.enumerated() where t.kind == .word && seen.insert(t.text).inserted {
                    let w = Word(token: t, index: k)
                    guard !extractor.headForms.mayHead(w) else { continue }
                    answered += 1
                    if extractor.analyzer.parse(t.text).prefix(3).contains(where: { heads.contains($0.normalForm) }) {
                        hidden.append(t.text)
                    }
                }
            }
        }
        #expect(hidden.isEmpty, "\(hidden)")
        #expect(answered > 1000)  // the prefilter does answer most words
        let probe = { (t: String) in Word(token: Token(text: t, start: 0, end: t.unicodeScalars.count, kind: .word), index: 0) }
        #expect(extractor.headForms.mayHead(probe("Форумами")) && extractor.headForms.mayHead(probe("слётом")))
        #expect(!extractor.headForms.mayHead(probe("Омском")))
    }
}

@Suite struct ScalarTextTests {
    @Test func slicesAreTheScalarsBetweenOffsets() {
        let text = "Омск (КНР) — «Флора» e\u{301} 𝔸 ё\r\nend"
        let t = ScalarText(text)
        let scalars = Array(text.unicodeScalars)
        for a in 0...scalars.count {
            for b in a...scalars.count {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[a..<b])
                #expect(t.slice(a, b) == String(view) && t.slice(a, b).unicodeScalars.count == b - a)
            }
        }
        #expect(t.slice(-3, 2) == "Ом" && t.slice(5, 999).hasSuffix("end") && t.slice(9, 3) == "")
        #expect(t.scalars == scalars)
    }
}

@Suite struct WhitespaceTests {
    @Test func collapsingMatchesSplitAndJoin() {
        for s in ["", "  ", "Фестиваль  «Флора»\r\n – 2019 ", "\tОмский\u{A0}университет", "a\u{2028}b", "x \u{301}y",
                  "№ 5 —\n\nДни", "Strömsund  kommun", "\r\n\r\nОмск"] {
            #expect(collapsingWhitespace(s) == s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "), "\(s)")
        }
    }
}

@Suite struct WindowsTests {
    @Test func neverRulesOutANeedleThatOccurs() {
        let text = fold("Делегация города Омска посетила г. Пфорцхайм (ФРГ) в рамках онлайн-встречи; «Флора–2019» abc")
        let windows = Windows(text)
        let bytes = Array(text.utf8)
        var ruledOut = 0
        // every substring that is valid UTF-8 is found; absent needles are mostly ruled out
        for a in 0..<bytes.count {
            for b in (a + 1)...min(bytes.count, a + 24) {
                guard let needle = String(validating: bytes[a..<b], as: UTF8.self) else { continue }
                #expect(windows.mayContain(needle), "\(needle)")
            }
        }
        for absent in ["побратим", "соглашени", "видеоконференц", "xyzw", "омскаа"] where !text.has(absent) {
            if !windows.mayContain(absent) { ruledOut += 1 }
        }
        #expect(ruledOut >= 4)
        #expect(windows.mayContain("") && windows.mayContain("ж"))
    }
}
