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

    @Test func substringSearchMatchesStringSearch() {
        let hay = "ааб побратимские связи, побратимами; г-н"
        for needle in ["", "а", "аб", "ааб", "побратим", "ами;", "г-н", "г-нн", "связи, п", "x", hay, hay + "а"] {
            #expect(hay.has(needle) == (needle.isEmpty || hay.contains(needle)), "\(needle)")
        }
        #expect(!"".has("а") && "".has(""))
    }
}
