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

/// The scalar and byte fast paths of the normalizer answer exactly as the Character-based code
/// they stand in for.
@Suite struct PhraseNormalizerFastPathTests {
    static let phrases = [
        "Омского государственного университета им. Ф.М. Достоевского", "О.Н. Фадиной", "Фадиной О.Н.",
        "Международной Ассоциации «Породнённые города»", "XVI Форуме «АО „Эталон“» и \"Газпром\" г. Омск",
        "городом Иркутском — 2019 № 5", "ул. Ленина, д. 5.", "г.", "им. ", "края.", "Ё. Ёлкиной", "ёлки-палки",
        "Улан-Батора", "-Омск-", "a.b. C. dd. Ее. ее. ЕЕ.", "\u{00A0}Омск\u{00A0}», “Томск” ‘x’ – — …",
        "Ǆем ǅ", "ΣΟΦΙΑ Σ.", "١٢٣ ٤.", "Ⅻ Ⅻ.", "", " ", "Омск\tТомск\nИркутск",
    ]

    @Test func simpleTokensAreTheCharacterTokens() {
        var simple = 0
        for p in Self.phrases {
            if let t = PhraseNormalizer.tokenizeSimple(p) {
                simple += 1
                #expect(t == PhraseNormalizer.tokenizeCharacters(p), "\(p)")
            }
        }
        // Greek, Arabic-Indic digits and Roman numeral signs take the Character path; the rest not.
        #expect(simple == Self.phrases.count - 3)
    }

    @Test func phrasesThatJoinScalarsTakeTheCharacterPath() {
        // a combining mark, CR LF, a zero-width joiner: Characters of several scalars
        for p in ["Мои\u{0306} дом", "Омск\r\nТомск", "a\u{200D}b", "е\u{0308}лка"] {
            #expect(PhraseNormalizer.tokenizeSimple(p) == nil, "\(p)")
        }
    }

    @Test func plainRestoreIsTheCharacterRestore() {
        let pairs = [
            ("омский", "Омского"), ("омский", "ОМСКОГО"), ("ёлка", "Елки"), ("ёлка", "Ёлки"), ("ёлка", "ЕЛКИ"),
            ("улан-батор", "Улан-Батора"), ("улан-батор", "УЛАН-батора"), ("улан-батор", "Улан"), ("а-б-в", "А--Б"),
            ("ассоциация", "ассоциации"), ("xvi", "XVI"), ("a", "A"), ("мид", "МИДа"), ("", ""), ("-", "-"),
            ("абв", "А"), ("ёж", "Ёж"), ("ёж", "ЁЖ"), ("ё", "Е"), ("ъ-ь", "Ъ-Ь"), ("о'нил", "О'Нил"),
        ]
        for (w, o) in pairs {
            #expect(PhraseNormalizer.restorePlain(w, like: o) == PhraseNormalizer.restoreCharacters(w, like: o), "\(w) \(o)")
        }
        #expect(PhraseNormalizer.restorePlain("дом", like: "Дом\r\n") == nil)
        #expect(PhraseNormalizer.restorePlain("ǆем", like: "Ǆем") == nil)
    }
}
