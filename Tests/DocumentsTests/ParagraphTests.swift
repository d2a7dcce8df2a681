import Foundation
import Testing
@testable import Documents

@Suite struct HardWrapTests {
    @Test func foldedTextGetsItsParagraphsBack() throws {
        // wrapped.txt is `fold -s -w 72 unwrapped.txt`: fold counts bytes, so ~36 Cyrillic letters
        let wrapped = String(decoding: try Fixture.data("wrapped.txt"), as: UTF8.self)
        let original = String(decoding: try Fixture.data("unwrapped.txt"), as: UTF8.self)
        #expect(HardWrap.unwrap(wrapped) == original)
        #expect(try DocumentReader.read(path: Fixture.path("wrapped.txt")).text == original)
    }

    @Test func textThatIsNotWrappedIsLeftAlone() throws {
        let original = String(decoding: try Fixture.data("unwrapped.txt"), as: UTF8.self)
        #expect(HardWrap.unwrap(original) == original)
        let short = "ОМСК\n\nОдна строка.\nДругая строка."
        #expect(HardWrap.unwrap(short) == short)
    }

    @Test func characterWrappedTextIsJoinedToo() {
        // wrapped at 30 characters, as pandoc counts
        let sentence = "Делегация города посетила партнёров и обсудила планы на будущий год вместе с коллегами из других городов региона и страны."
        let words = (sentence + " " + sentence).split(separator: " ")
        var lines: [String] = [], line = ""
        for w in words {
            if !line.isEmpty && line.count + 1 + w.count > 30 { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + w
        }
        lines.append(line)
        #expect(lines.count >= 8)
        let text = (lines + ["", "Конец."]).joined(separator: "\n")
        #expect(HardWrap.unwrap(text) == words.joined(separator: " ") + "\n\nКонец.")
    }
}

@Suite struct PDFLinesTests {
    @Test func runningHeadersAndPageNumbersAreDropped() {
        let pages = (1...4).map { n in ["Отчёт администрации", "Текст страницы \(n) идёт здесь.", "- \(n) -"] }
        #expect(PDFLines.dropRunningLines(pages) == (1...4).map { "Текст страницы \($0) идёт здесь." })
    }

    @Test func hyphenationAtLineEndsIsUndoneUnlessTheDocumentWritesTheHyphen() {
        let lines = ["Делегация города провела перего-", "воры с городами-", "побратимами в Улан-", "Удэ, и все",
                     "остались довольны: переговоры с городами-побратимами важны."]
        let p = PDFLines.paragraphs(lines)
        #expect(p == ["Делегация города провела переговоры с городами-побратимами в Улан-Удэ, и все остались довольны: переговоры с городами-побратимами важны."])
        #expect(PDFLines.paragraphs(["Выставка «Флора-", "2019» прошла в мае"]) == ["Выставка «Флора-2019» прошла в мае"])
        #expect(PDFLines.paragraphs(["Слово с мягким пере\u{00AD}", "носом и ещё текст"]) == ["Слово с мягким переносом и ещё текст"])
    }

    @Test func shortLineEndingASentenceEndsItsParagraph() {
        let lines = ["Первый абзац идёт в несколько строк и занимает всю", "ширину страницы до конца.",
                     "Второй абзац начинается с заглавной буквы и тоже", "продолжается."]
        #expect(PDFLines.paragraphs(lines) == ["Первый абзац идёт в несколько строк и занимает всю ширину страницы до конца.",
                                               "Второй абзац начинается с заглавной буквы и тоже продолжается."])
    }

    @Test func boxesTellFullLinesAndParagraphGaps() {
        // 10 points a character, the right margin at 400; 14 points from line to line
        func line(_ text: String, _ y: Double) -> PDFLine {
            var l = PDFLine(text: text)
            l.include(left: 0, right: Double(text.count) * 10, top: y, bottom: y + 12)
            return l
        }
        let lines = [line("Строка почти до самого правого края поля", 0),   // 40 characters: full
                     line("страницы, а эта короче.", 14),
                     line("Новый абзац начинается здесь и идёт до края", 28),
                     line("поля, и за ним ещё слова до самого края.", 42),  // full too
                     // an empty paragraph: one line further
                     line("вдруг со строчной буквы, но это новый абзац.", 70)]
        #expect(PDFLines.paragraphs(lines) == ["Строка почти до самого правого края поля страницы, а эта короче.",
                                               "Новый абзац начинается здесь и идёт до края поля, и за ним ещё слова до самого края.",
                                               "вдруг со строчной буквы, но это новый абзац."])
    }
}
