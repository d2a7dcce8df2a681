import Foundation
import Testing
@testable import Documents

@Suite struct DocumentHeadingTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Examples/corpus").standardized

    @Test(arguments: [("omsk-2019", "ОМСК", 2019), ("irkutsk-2009", "Иркутск", 2009),
                      ("khabarovsk-2021", "ХАБАРОВСК", 2021), ("blagoveshchensk-2011", "БЛАГОВЕЩЕНСК", 2011),
                      ("tomsk-2011", "ТОМСК", 2011)])
    func corpusHeadings(_ file: String, _ title: String, _ year: Int) throws {
        let text = try DocumentDecoder.decode(contentsOf: Self.corpus.appendingPathComponent(file + ".txt")).text
        // The file name is left out, so the year comes from the text.
        let h = DocumentHeading.parse(text)
        #expect(h.title == title)
        #expect(h.year == year)
        let scalars = Array(text.unicodeScalars)
        if let s = h.titleStart, let e = h.titleEnd {
            #expect(String(String.UnicodeScalarView(scalars[s..<e])) == title)
        } else {
            Issue.record("no title offsets")
        }
    }

    @Test func headingYearWinsOverFrequency() {
        let text = "ТОМСК\n\nИтоги международной деятельности в 2011 году\n\nПланы на 2012 год. В 2012 году. К 2012 году."
        let h = DocumentHeading.parse(text, fileName: "tomsk-2010.txt")
        #expect(h.yearInHeading == 2011)
        #expect(h.mostFrequentYear == 2012)
        #expect(h.yearInFileName == 2010)
        #expect(h.year == 2011)
    }

    @Test func fallbacks() {
        let noHeading = DocumentHeading.parse("Администрация города провела в этом году много встреч с партнёрами из разных стран мира, и это был большой успех.", fileName: "report-2015.txt")
        #expect(noHeading.title == nil)
        #expect(noHeading.year == 2015)
        #expect(DocumentHeading.parse("").title == nil)
        #expect(DocumentHeading.parse("").year == nil)
        #expect(DocumentHeading.years(in: "06.11.2019, 1600 человек, 20190 руб., 2019-2020 гг., 2021г.") == [2019, 2019, 2020, 2021])
    }
}
