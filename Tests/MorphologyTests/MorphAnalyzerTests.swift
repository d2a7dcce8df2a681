import Foundation
import Testing
@testable import Morphology

/// Expected values are pymorphy3 2.0.6's output on the same dictionary
/// (pymorphy3-dicts-ru 2.4.417150.4580142).
@Suite struct MorphAnalyzerTests {
    let morph: MorphAnalyzer

    init() throws {
        morph = try MorphAnalyzer.shared()
    }

    private func best(_ word: String) throws -> Parse {
        try #require(morph.parse(word).first)
    }

    @Test func dictionaryWord() throws {
        let p = try best("Иркутска")
        #expect(p.word == "иркутска")
        #expect(p.normalForm == "иркутск")
        #expect(p.tag.description == "NOUN,inan,masc,Geox sing,gent")
        #expect(p.tag.pos == "NOUN")
        #expect(p.tag.case == "gent")
        #expect(p.tag.number == "sing")
        #expect(p.tag.gender == "masc")
        #expect(p.tag.animacy == "inan")
        #expect(p.tag.contains("Geox"))
        #expect(p.score == 1.0)
        #expect(p.isDictionaryWord)
    }

    @Test func probabilitiesOrderParses() throws {
        let parses = morph.parse("Республики")
        #expect(parses.map(\.tag.description) == [
            "NOUN,inan,femn sing,gent", "NOUN,inan,femn plur,nomn", "NOUN,inan,femn plur,accs",
        ])
        #expect(parses.map(\.score) == [0.979434, 0.015424, 0.005141])
    }

    @Test func bestEqualsFirstParse() throws {
        for w in ["Ассоциации", "Краснодарского", "Пфорцхайме", "ежик", "XVI", "Ф", "регионов-членов"] {
            #expect(morph.best(w) == morph.parse(w).first, "\(w)")
        }
    }

    @Test func yoRestored() throws {
        let p = try best("ежик")
        #expect(p.word == "ёжик")
        #expect(p.normalForm == "ёжик")
        let q = try best("Породненные")
        #expect(q.word == "породнённые")
        #expect(q.normalForm == "породнить")
    }

    @Test func unknownWordsPredictedFromSuffixes() throws {
        let p = try best("Пфорцхайме")
        #expect(p.normalForm == "пфорцхайм")
        #expect(p.tag.description == "NOUN,inan,masc sing,loct")
        #expect(abs(p.score - 0.538462) < 1e-6)
        #expect(!p.isDictionaryWord)
        let k = morph.parse("Кайфыном")
        #expect(k.contains { $0.normalForm == "кайфын" && $0.tag.description == "NOUN,inan,masc,Geox sing,ablt" })
    }

    @Test func unknownPrefix() throws {
        let p = try best("Фадиной")
        #expect(p.normalForm == "фадина")
        #expect(p.tag.description == "NOUN,anim,femn,Name sing,ablt")
    }

    @Test func knownPrefix() throws {
        let p = try best("псевдокошка")
        #expect(p.normalForm == "псевдокошка")
        #expect(p.tag.description == "NOUN,anim,femn sing,nomn")
        #expect(abs(p.score - 0.9375) < 1e-9)
    }

    @Test func hyphenatedWords() throws {
        let city = try best("Улан-Батора")
        #expect(city.normalForm == "улан-батор")
        #expect(city.tag.description == "NOUN,inan,masc,Geox sing,gent")
        let particle = try best("сказал-то")
        #expect(particle.normalForm == "сказать-то")
        let adverb = try best("по-русски")
        #expect(adverb.tag.description == "ADVB")
        let both = morph.parse("регионов-членов")
        #expect(both.count == 7)
        // no P(t|w) for this word: pymorphy keeps the units' order, normalised scores
        #expect(both.first?.normalForm == "регион-член")
        #expect(both.first?.tag.description == "NOUN,anim,masc,Name plur,gent")
    }

    @Test func initials() throws {
        let parses = morph.parse("Ф")
        // twelve dictionary parses, twelve first-name and twelve patronymic initials (pymorphy3: 36)
        #expect(parses.count == 36)
        #expect(parses.contains { $0.tag.description == "NOUN,anim,femn,Sgtm,Name,Fixd,Abbr,Init sing,gent" })
        #expect(parses.contains { $0.tag.description == "NOUN,anim,masc,Sgtm,Patr,Fixd,Abbr,Init sing,loct" })
        // lower-case letters are not initials
        #expect(!morph.parse("ф").contains { $0.tag.contains("Init") })
    }

    @Test func shapes() throws {
        #expect(try best("2019").tag.description == "NUMB,intg")
        #expect(try best("3,5").tag.description == "NUMB,real")
        #expect(try best("«").tag.description == "PNCT")
        #expect(try best("...").tag.description == "PNCT")
        let roman = morph.parse("XVI")
        #expect(roman.map(\.tag.description) == ["ROMN", "LATN"])
        #expect(roman.first?.word == "xvi")
        #expect(try best("Pforzheim").tag.description == "LATN")
        #expect(try best("ё").tag.description == "UNKN")
    }

    @Test func lexemeAndInflect() throws {
        let p = try best("Иркутска")
        let forms = morph.lexeme(p)
        #expect(forms.map(\.word).contains("иркутском"))
        #expect(forms.allSatisfy { $0.normalForm == "иркутск" })
        let nomn = try #require(morph.inflect(p, to: ["nomn"]))
        #expect(nomn.word == "иркутск")
        #expect(nomn.tag.description == "NOUN,inan,masc,Geox sing,nomn")
        let ablt = try #require(morph.inflect(p, to: ["ablt"]))
        #expect(ablt.word == "иркутском")
        #expect(morph.inflect(p, to: ["VERB"]) == nil)
    }

    @Test func inflectKeepsFeminineSurname() throws {
        let surname = try #require(morph.parse("Фадиной").first { $0.tag.contains("Surn") })
        let nomn = try #require(morph.inflect(surname, to: ["nomn", "sing", "femn"]))
        #expect(nomn.word == "фадина")
    }

    @Test func inflectPredictedWord() throws {
        let p = try best("Пфорцхайме")
        #expect(morph.inflect(p, to: ["nomn"])?.word == "пфорцхайм")
        let hyphen = try best("Улан-Батора")
        #expect(morph.inflect(hyphen, to: ["nomn"])?.word == "улан-батор")
    }

    @Test func missingDictionaryNamesSetup() throws {
        let missing = "/nonexistent/twingraph-dict"
        #expect(throws: MorphologyError.self) { try MorphAnalyzer.locateDictionary(missing) }
        do {
            _ = try MorphAnalyzer.locateDictionary(missing)
        } catch {
            #expect(error.description.contains("make setup"))
            #expect(error.description.contains("scripts/setup.sh"))
        }
        #expect(throws: MorphologyError.self) {
            try MorphAnalyzer(dictionaryDirectory: URL(fileURLWithPath: missing))
        }
    }

    @Test func corruptDictionaryIsAnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("twingraph-bad-dict-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = try MorphAnalyzer.locateDictionary()
        for name in try FileManager.default.contentsOfDirectory(atPath: real.path) {
            try FileManager.default.copyItem(at: real.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try Data([1, 2, 3]).write(to: dir.appendingPathComponent("paradigms.array"))
        #expect(throws: MorphologyError.self) { try MorphAnalyzer(dictionaryDirectory: dir) }
    }
}

@Suite struct ShapeTests {
    @Test func romanNumbers() {
        for s in ["XVI", "xiv", "MMXIX", "IX", "IV", "MCMXC", "mix"] { #expect(Shapes.isRomanNumber(s), "\(s)") }
        for s in ["IIII", "VV", "IC", "XVIX", "", "XVI1", "ХVI"] { #expect(!Shapes.isRomanNumber(s), "\(s)") }
    }

    @Test func numbers() {
        #expect(Shapes.number("12") == .int)
        #expect(Shapes.number("-12") == .int)
        #expect(Shapes.number("1_000") == .int)
        #expect(Shapes.number("3.5") == .real)
        #expect(Shapes.number("3,5") == .real)
        #expect(Shapes.number("1e5") == .real)
        #expect(Shapes.number("12-й") == nil)
        #expect(Shapes.number("abc") == nil)
    }

    @Test func latinAndPunctuation() {
        #expect(Shapes.isLatin("iPhone"))
        #expect(Shapes.isLatin("123-FOO"))
        #expect(!Shapes.isLatin("123"))
        #expect(!Shapes.isLatin("Омск"))
        #expect(Shapes.isPunctuation("«»"))
        #expect(!Shapes.isPunctuation(" "))
        #expect(!Shapes.isPunctuation("a."))
    }

    @Test func lowercaseMatchesUnicode() {
        for w in ["ИРКУТСК", "Ёлка", "ЀЍ", "Straße", "ǅ", "ΣΑΣ", "abc"] {
            #expect(MorphAnalyzer.lowercase(w) == w.lowercased(), "\(w)")
        }
    }
}
