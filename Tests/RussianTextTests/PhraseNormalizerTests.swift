import Testing
import Morphology
@testable import RussianText

@Suite struct PhraseNormalizerTests {
    let normalizer: PhraseNormalizer

    init() throws {
        normalizer = PhraseNormalizer(analyzer: try MorphAnalyzer.shared())
    }

    @Test(arguments: [
        ("Омского государственного университета им. Ф.М. Достоевского",
         "Омский государственный университет им. Ф.М. Достоевского"),
        ("О.Н. Фадиной", "О.Н. Фадина"),
        ("Международной Ассоциации «Породнённые города»", "Международная Ассоциация «Породнённые города»"),
        ("XVI Форуме межрегионального сотрудничества России и Казахстана",
         "XVI Форум межрегионального сотрудничества России и Казахстана"),
    ])
    func issueCases(_ input: String, _ expected: String) {
        #expect(normalizer.nominative(input) == expected)
    }

    @Test(arguments: [
        ("Пфорцхайме", "Пфорцхайм"),
        ("Кайфыном", "Кайфын"),
        ("Иркутска", "Иркутск"),
        ("Улан-Батора", "Улан-Батор"),
        ("Краснодарского края", "Краснодарский край"),
        ("Республики Корея", "Республика Корея"),
        ("Фадиной", "Фадина"),
    ])
    func placesAndPeople(_ input: String, _ expected: String) {
        #expect(normalizer.nominative(input) == expected)
    }

    /// Other phrases as the corpus writes them.
    @Test(arguments: [
        ("городом Иркутском", "город Иркутск"),
        ("администрации города Омска", "администрация города Омска"),
        ("Иркутской области", "Иркутская область"),
        ("Хэйлунцзянского университета", "Хэйлунцзянский университет"),
        ("Генерального консульства КНР", "Генеральное консульство КНР"),
        ("Торгово-промышленной палаты", "Торгово-промышленная палата"),
        ("Народного правительства провинции Хэйлунцзян", "Народное правительство провинции Хэйлунцзян"),
        ("Соединённых Штатов Америки", "Соединённые Штаты Америки"),
        ("г. Иркутска", "г. Иркутск"),
        ("города Омска", "город Омск"),
        ("городе Пфорцхайме", "город Пфорцхайм"),
        ("Омский государственный университет", "Омский государственный университет"),
        ("ОМСКА", "ОМСК"),
        ("Иксан", "Иксан"),
        ("Краснодарского края.", "Краснодарский край."),
        ("городе Хаммамете", "город Хаммамет"),
        ("Международной Ассамблеей", "Международная Ассамблея"),
        ("Дальнего Востока", "Дальний Восток"),
    ])
    func corpusPhrases(_ input: String, _ expected: String) {
        #expect(normalizer.nominative(input) == expected)
    }

    @Test func surnamesKeepGender() {
        #expect(normalizer.nominativeSurname("Фадиной") == "Фадина")
        #expect(normalizer.nominativeSurname("Иванову") == "Иванов")
        #expect(normalizer.nominativeSurname("Петровой") == "Петрова")
        #expect(normalizer.nominative("Фадиной О.Н.") == "Фадина О.Н.")
        #expect(normalizer.nominative("В.В. Путиным") == "В.В. Путин")
    }

    @Test func unchangedWhenNothingToInflect() {
        #expect(normalizer.nominative("«Породнённые города»") == "«Породнённые города»")
        #expect(normalizer.nominative("XVI") == "XVI")
        #expect(normalizer.nominative("") == "")
        #expect(normalizer.nominative("Pforzheim") == "Pforzheim")
    }

    @Test func keepsWritersSpelling() {
        #expect(PhraseNormalizer.restore("породнённые", like: "Породненных") == "Породненные")
        #expect(PhraseNormalizer.restore("улан-батор", like: "Улан-Батора") == "Улан-Батор")
        #expect(PhraseNormalizer.restore("иркутск", like: "ИРКУТСКА") == "ИРКУТСК")
    }
}
