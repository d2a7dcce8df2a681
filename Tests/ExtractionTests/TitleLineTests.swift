import Foundation
import Testing
import Extraction
import KnowledgeGraph

/// The first line names the reporting city only when it is as short as a title: a longer first
/// line is a paragraph, read like any other (as the Documents stage's title reader does).
@Suite struct TitleLineTests {
    func reporter(_ text: String) throws -> String? {
        try extract(text).documents.first?.reporter
    }

    @Test(arguments: ["Администрация города Казани", "Отчёт о международных связях г. Казань за 2021 год", "КАЗАНЬ"])
    func aShortTitleNamesTheReporter(title: String) throws {
        #expect(try reporter(title + "\nВ 2021 году подписано соглашение о сотрудничестве.") == "city/kazan")
    }

    @Test func aParagraphAsFirstLineIsNoTitle() throws {
        let long = "Отчёт администрации города Казани о делах года: " + String(repeating: "встречи, выставки, концерты, ", count: 8)
        #expect(long.unicodeScalars.count > 200)
        #expect(try reporter(long + "\nВ 2021 году подписано соглашение о сотрудничестве.") == nil)
    }
}
