/// The word tables the extraction rules read. Kept apart from the rules so that a new report
/// style usually means a new row here, not new code. Entries are lower-case stems matched
/// against the start of a lower-cased, ё-folded token.
enum Lexicon {
    // MARK: Places

    /// Words that introduce a place name, and the type of place they introduce.
    /// Entries ending in "." or listed in `exactMarkers` match whole words; the others are stems.
    /// Plural "городов", "городами" are no markers: "городов Японии" are cities *of* a country.
    static let exactMarkers: Set<String> = ["город", "города", "городе", "городу", "городом", "г.", "гг.", "с.", "пос."]
    static let placeMarkers: [(stem: String, type: MarkerType)] = [
        ("г.", .city), ("гг.", .city), ("город", .city), ("города", .city), ("городе", .city), ("городу", .city),
        ("городом", .city), ("городе-побратим", .city), ("городом-побратим", .city),
        ("город-побратим", .city), ("города-побратим", .city), ("город-партнер", .city), ("города-партнер", .city),
        ("городе-партнер", .city), ("городом-партнер", .city),
        ("коммун", .city), ("муниципалитет", .city), ("община", .city), ("общины", .city), ("посел", .city),
        ("с.", .city), ("пос.", .city), ("деревн", .city), ("село", .city), ("села", .city),
        ("округ", .region), ("департамент", .region), ("провинци", .region), ("префектур", .region),
        ("област", .region), ("край", .region), ("края", .region), ("штат", .region), ("уезд", .region),
        ("земл", .region), ("кантон", .region), ("графств", .region), ("район", .region), ("районе", .region),
        ("повят", .region), ("гмин", .city), ("воеводств", .region), ("жудец", .region), ("аймак", .region),
    ]

    /// `placeMarkers` with whether each matches whole words only, worked out once: the
    /// recogniser consults the table before every capitalised word.
    static let markerTable: [(stem: String, type: MarkerType, exact: Bool)] = placeMarkers.map {
        ($0.stem, $0.type, exactMarkers.contains($0.stem) || $0.stem.hasSuffix("."))
    }

    /// `markerTable` split by the stems' first letters (`Stems.bit`), in table order: a word is
    /// compared only with the markers that start with its own letter.
    static let markersByInitial = Stems.byInitial(markerTable) { $0.stem }

    enum MarkerType { case city, region }

    /// Lower-case words inside multi-word place names.
    static let nameWords: Stems = ["кра", "област", "округ", "федеральн", "район", "республик", "автономн", "провинци",
                            "префектур", "штат", "уезд", "народн", "демократическ", "социалистическ"]

    /// Adjectives of countries, by lemma, and the country's ISO code: "турецкий Самсун" is a
    /// place in Turkey.
    static let countryAdjectives: [String: String] = [
        "российский": "RU", "китайский": "CN", "японский": "JP", "корейский": "KR", "южнокорейский": "KR",
        "северокорейский": "KP", "южно-корейский": "KR", "северо-корейский": "KP", "монгольский": "MN", "вьетнамский": "VN", "индийский": "IN", "турецкий": "TR",
        "немецкий": "DE", "германский": "DE", "французский": "FR", "итальянский": "IT", "испанский": "ES",
        "португальский": "PT", "британский": "GB", "английский": "GB", "шотландский": "GB", "ирландский": "IE",
        "американский": "US", "канадский": "CA", "мексиканский": "MX", "бразильский": "BR", "аргентинский": "AR",
        "польский": "PL", "чешский": "CZ", "словацкий": "SK", "венгерский": "HU", "румынский": "RO",
        "болгарский": "BG", "сербский": "RS", "хорватский": "HR", "словенский": "SI", "греческий": "GR",
        "кипрский": "CY", "австрийский": "AT", "швейцарский": "CH", "бельгийский": "BE", "нидерландский": "NL",
        "голландский": "NL", "датский": "DK", "шведский": "SE", "норвежский": "NO", "финский": "FI",
        "финляндский": "FI", "эстонский": "EE", "латвийский": "LV", "литовский": "LT", "белорусский": "BY",
        "украинский": "UA", "молдавский": "MD", "грузинский": "GE", "армянский": "AM", "азербайджанский": "AZ",
        "казахстанский": "KZ", "казахский": "KZ", "киргизский": "KG", "кыргызский": "KG", "узбекский": "UZ",
        "таджикский": "TJ", "туркменский": "TM", "иранский": "IR", "израильский": "IL", "египетский": "EG",
        "тунисский": "TN", "марокканский": "MA", "австралийский": "AU", "таиландский": "TH", "тайский": "TH",
        "индонезийский": "ID", "филиппинский": "PH", "малайзийский": "MY", "сингапурский": "SG", "тайваньский": "TW",
        "абхазский": "GE", "сирийский": "SY", "иорданский": "JO", "кубинский": "CU", "чилийский": "CL",
    ]

    /// Suffixes of the lemmas of places' adjectives ("тульский", "липецкий", "тверской").
    static let placeAdjectiveSuffixes = ["цкий", "ский", "ской"]
    /// Suffixes of the lemmas of demonyms ("хабаровчанин", "иркутянин", "саратовец", "омич",
    /// "туляк").
    static let demonymSuffixes = ["чанин", "янин", "анин", "ец", "ич", "як"]
    /// Endings a city's name takes after the stem its adjective or demonym keeps: "омск",
    /// "саратов", "тула", "пермь", "кемерово", "ярославль", "липецк".
    static let cityNameEndings = ["ск", "", "а", "я", "о", "ь", "ль", "и", "ы", "е", "к"]
    /// Nouns whose place an adjective can name: groups and bodies ("тульская делегация",
    /// "ярославские коллеги", "светлогорская сторона").
    static let placeAdjectiveHeads: Stems = groupStems + travellerStems + cityBodies
        + ["сторон", "коллег", "журналист", "гост", "исполком", "горсовет"]
    /// Bodies whose compound name begins with a syllable of their city's: "Мингорисполком".
    static let compoundBodies = ["горисполком", "гордум", "горсовет"]

    /// Lower-case words of a region's name: "Горецкий район", "Могилёвская область".
    static let regionWords: Stems = ["район", "област", "кра", "округ", "республик", "провинци", "префектур", "повят",
                                     "уезд", "воеводств", "штат", "земл", "кантон", "графств", "департамент"]

    /// Endings of a place-name adjective in any case ("Лидский", "Мысленицким", "Вадовицкой"):
    /// "-ск-"/"-цк-" and an adjective's ending.
    static let placeAdjectiveEndings: [String] = ["ск", "цк"].flatMap { stem in
        ["ий", "ой", "ого", "ому", "им", "ом", "ая", "ую", "ое", "ие", "их", "ими"].map { stem + $0 }
    }

    /// Endings (folded: ё as е) a noun of a place's name may have in each oblique case, by
    /// OpenCorpora's case names: a name without one does not decline ("городом Вэйхай").
    static let caseEndings: [String: [String]] = [
        "gent": ["а", "я", "ы", "и", "у", "ю"],
        "datv": ["у", "ю", "е", "и"],
        "ablt": ["ом", "ем", "ой", "ей", "ою", "ею", "ью", "ами", "ями"],
        "loct": ["е", "и", "у", "ю"],
    ]

    /// Words of a district's name (folded): a district that is a partner is a city of the graph.
    static let districtWords = ["район", "повят", "уезд", "гмин", "округ", "district"]

    /// Abbreviations that name two countries; the report's own words choose.
    static let ambiguousAbbreviations: [String: (cue: String, code: String, otherwise: String)] = [
        "КР": ("коре", "KR", "KG"),
        "РК": ("казахстан", "KZ", "KR"),
    ]

    /// Capitalised words that begin a sentence or a name but are never places on their own.
    static let notPlaces: Set<String> = [
        "мэр", "глава", "президент", "администрация", "город", "день", "дни", "год", "форум", "центр",
        "союз", "мир", "мира", "победа", "победы", "россия-", "европа", "азия", "запад", "восток",
        "юг", "север", "сибирь", "сибири", "дальний", "дальнего", "дальнем", "кубок", "кубка",
    ]

    // MARK: Relations

    /// "отношения сотрудничества", "сотрудничество с городами" count as partnership only with
    /// one of these nouns close by.
    static let relationNouns: Stems = ["связ", "отношени", "сотрудничеств"]

    /// Cues that the relation is intended, not yet established.
    static let plannedStems: Stems = ["планир", "намерен", "переговор", "возможност", "предполага", "готовит",
                               "рассматрива", "протокол о намерени", "прорабатыва", "договорил", "собира",
                               "решил", "предлож", "инициатив"]
    /// Cues that a relation is only being discussed: no partnership at all.
    static let hypotheticalStems = ["возможного сотрудничеств", "возможное сотрудничеств",
                                    "возможных направлени", "перспективы сотрудничеств"]

    /// Verbs of becoming partners, by lemma, and the stems that every form of them holds.
    static let partnershipVerbs: Set<String> = ["подружиться", "побрататься", "породниться", "сдружиться",
                                                "породнить", "побратать", "дружить"]
    static let partnershipVerbStems = ["друж", "брат", "родн"]
    /// The forms of "партнёр" (ё folded), a partnership cue only before a place's genitive.
    static let partnerNouns: Stems = ["партнер", "партнера", "партнеру", "партнером", "партнере", "партнеры",
                                      "партнеров", "партнерам", "партнерами", "партнерах"]
    /// Nouns of a relation that name its two places in the genitive: "дружба A и B",
    /// "партнёрство A и B", "сотрудничество A и B".
    static let relationOfTwoStems: Stems = ["дружб", "партнерств", "сотрудничеств"]
    /// Nouns that stand for the two places of a partnership: "между двумя городами".
    static let partiesAnaphora: Stems = ["двумя", "обоими", "городами", "муниципалитетами", "сторонами"]

    /// Documents whose signing makes a partnership only intended: "меморандум", "протокол о
    /// намерениях".
    static let plannedDocumentStems = ["меморандум", "намерени"]
    /// Documents whose signing between two places makes them partners (stems of their titles).
    static let partnershipDocumentLemmas = ["соглашен", "договор", "меморандум", "документ"]

    /// Bodies that act for their city: "Власти A", "Мэрия A", "Администрация A".
    static let cityBodies: Stems = ["власт", "мэри", "администрац", "правительств", "муниципалитет", "горсовет",
                                    "горисполком", "исполком", "акимат", "ратуш", "магистрат"]
    /// Verbs and nouns of a partnership's beginning: the clause's date is its start.
    static let establishingStems: Stems = ["установ", "стал", "подписан", "подписал", "заключ", "породнил",
                                           "побратал", "подружил", "оформ"]

    /// Auxiliaries of the future: "будет подписано", "станут побратимами".
    static let futureAuxiliaries: Stems = ["будет", "будут", "станет", "станут"]
    /// Stems of verbs whose future tense means a signing or a partnership yet to come:
    /// "подпишут", "заключат", "установят", "породнятся".
    static let futureSigningStems: Stems = ["подпиш", "заключ", "установ", "породн", "побрат", "подруж", "скреп"]

    /// Conjunctions that open a clause of their own after a comma.
    static let contrastiveConjunctions: Stems = ["но", "а", "однако", "хотя", "тогда"]
    /// Words that negate the statement after them.
    static let negations: Stems = ["не", "ни", "нет"]
    /// Verbs and nouns of a partnership that changed, and the status they give it.
    static let partnershipChanges: [(stem: String, status: String)] = [
        ("приостанов", "suspended"), ("заморо", "suspended"), ("замороз", "suspended"),
        ("разорв", "ended"), ("разрыв", "ended"), ("прекрат", "ended"), ("прекращ", "ended"),
        ("расторг", "ended"), ("расторж", "ended"), ("аннулир", "ended"),
    ]

    static let missionStem = "мисси"
    /// Verbs whose object is the place visited ("посетить").
    static let visitObjectStems: Stems = ["посети", "посеща", "посещен"]
    /// Verbs and nouns of going somewhere, the place after "в" ("прибыть", "побывать", "визит в").
    static let visitMotionStems: Stems = ["прибыл", "прибыв", "приехал", "приезжа", "прилетел", "прилета", "побывал", "побыва",
                                          "съехал", "съезжа", "визит", "поездк", "выехал", "выезжа", "выезд",
                                          // going on one's own: "делегация отправилась в A"
                                          "отправилас", "отправилис", "отправился", "направилас", "направилис", "направился",
                                          "съездил", "съезди", "ездил", "поехал", "пробыл", "пробыв", "пребывани"]
    /// Verbs of sending a group somewhere ("направила делегацию в A", "была направлена делегация").
    static let sendingStems: Stems = ["направ", "отправ", "командиров"]
    /// Nouns of receiving groups: "приём делегаций из A", "бизнес-миссии из A в B".
    static let receptionNounStems: Stems = ["прием", "приема", "приеме", "приемом"] + meetingNouns
    /// "встреча с делегацией из A": a meeting is a reception only of guests who came from
    /// somewhere ("из A"), not of a body's representatives ("с представителями мэрии A").
    static let meetingNouns: Stems = ["встреча", "встречу", "встрече", "встречи", "встречей"]
    /// The noun of a visit: where it took place is the place visited, when its visitors are
    /// named ("в Твери завершился визит делегации Нанта").
    static let visitNounStems: Stems = ["визит"]
    /// Verbs of staying somewhere: the place after "в" is in the prepositional case.
    static let visitStayStems: Stems = ["побывал", "побыва", "пребыва", "находил", "пробыл", "пробыв"]
    /// Verbs of receiving a group: the host is visited.
    static let receptionVerbStems: Stems = ["принял", "принима", "принят", "встретил", "встреча", "встречен", "приветствова", "чествова"]
    /// Every stem a visit rule starts from; a clause holding none is skipped at once.
    static let visitCues = visitObjectStems + visitMotionStems + sendingStems + receptionVerbStems + receptionNounStems + returnStems
        + [missionStem]
    /// Nouns naming a travelling group.
    static let groupStems: Stems = ["делегац", "представител", "группа", "группы", "коллектив", "ансамбл", "команд",
                             "спортсмен", "школьник", "студент", "артист", "специалист", "участник", "врач",
                             "преподавател", "учащ", "сотрудник", "пианист", "художник", "руководител",
                             "предпринимател", "делов", "кругов", "миссий", "мисси"]
    /// "гости из A": guests are a travelling group (whole words: "гостиница" is none).
    static let guestWords: Stems = ["гость", "гостя", "гости", "гостей", "гостям", "гостями", "гостях"]
    /// Verbs of coming back: the place after "из" is the one visited ("вернулись из A").
    static let returnStems: Stems = ["вернул", "возвраща", "возвратил"]
    /// A visit that did not take place: cancelled, postponed, refused, only possible.
    static let unrealVisitStems = ["отмен", "перенесен", "перенесл", "перенос", "отложен", "отложил", "сорван", "отказал"]
    /// Whole words of a visit only possible or yet to come: "возможен визит", "визит состоится".
    static let unrealVisitWords: Stems = ["возможен", "возможна", "возможно", "состоится", "состоятся"]
    /// Particles of the conditional: "могла бы посетить".
    static let conditionalParticles: Stems = ["бы", "б"]
    /// A visit only intended, offered or recommended.
    static let intentStems = ["готовност", "приглаш", "рекомендова", "планиру", "планирует", "предполага", "намерен",
                              "пригласил"]
    /// Who travels to take part somewhere: a delegation, a team, performers, pupils.
    static let travellerStems: Stems = ["делегац", "представител", "коллектив", "ансамбл", "команд", "спортсмен", "воспитанн",
                                 "школьник", "учащ", "ученик", "студент", "артист", "музыкант", "хор", "театр", "сотрудник",
                                 "гимнаст", "боксер", "танцор", "журналист"]
    /// Words of taking part: "участие", "для участия", "участвовали".
    static let participationStems: Stems = ["участи", "участвова", "участник", "участниц", "выступил", "выступа"] + participantStems
    /// Nouns of those who take part: "стал участником форума", "участниками фестиваля стали A".
    /// Their subject may stand on either side.
    static let participantStems: Stems = ["участник", "участниц", "гостем", "гостями", "гостьей", "гостьями"]
    /// Relative pronouns that open a clause about the noun before them: "фестиваль, в котором …".
    static let relativePronounStems: Stems = ["котор"]
    /// Things sent where people are not: "работы школьников приняли участие в конкурсе".
    static let sentWorks: Stems = ["работы", "работ", "рисунки", "рисунков", "фотографии", "экспонаты"]
    /// Not physical visits.
    static let onlineStems = ["онлайн", "он-лайн", "видеоконференц", "видеосвяз", "дистанцион", "виртуальн",
                              "в режиме видео", "zoom", "видеомост", "видеообращ", "видеопоздрав"]

    /// Substrings every cue of `RelationRules.partnershipCues` holds.
    static let partnershipCueStems = ["побратим", "партнер", "дружес", "добрососедск", "сотрудничеств", "дружб",
                                      "подруж", "побрат", "породн", "сдруж", "дружи", "дружа"]
    static let signStems: Stems = ["подписан", "подписал", "подписыва", "подписи", "подписям", "заключен", "заключил", "подписани",
                                   "скрепил", "скреплен", "парафир"]

    static let memberStems = ["членом", "члены", "членами", "членство", "членств", "вступ", "принят в", "качестве наблюдател",
                              "правах наблюдател", "в деятельности международных",
                              "в работе международных", "в рамках международных ассоциаций"]


    // MARK: Organisations, events, offices

    /// Lemmas of organisation heads, for a word's normal form.
    static let organisationLemmas: Set<String> = ["университет", "академия", "институт", "колледж", "школа", "гимназия", "лицей", "театр", "музей", "библиотека",
         "больница", "клиника", "госпиталь", "центр", "ассоциация", "организация", "объединение", "администрация",
         "правительство", "министерство", "палата", "комитет", "совет", "фонд", "союз", "ассамблея", "партнёрство",
         "партнерство", "компания", "корпорация", "предприятие", "завод", "фабрика", "банк", "агентство", "управление",
         "департамент", "представительство", "консульство", "посольство", "учреждение", "общество", "лига", "федерация",
         "дворец", "филармония", "консерватория", "училище", "ансамбль", "оркестр", "хор", "клуб", "издательство",
         "холдинг", "сеть", "мэрия", "собрание", "дума", "комиссия", "служба"]
    /// Lemmas of event heads.
    static let eventLemmas: Set<String> = ["форум", "фестиваль", "встреча", "конференция", "выставка", "турнир", "чемпионат", "первенство", "кубок",
         "саммит", "универсиада", "олимпиада", "соревнование", "конкурс", "ярмарка", "биеннале", "симпозиум", "семинар",
         "конгресс", "сессия", "заседание", "слёт", "слет", "марафон", "игра", "праздник", "неделя", "день", "этап",
         "смотр", "акция", "экспозиция", "спартакиада", "регата", "пленэр", "мастер-класс", "смотр-конкурс",
         "фестиваль-конкурс", "выставка-ярмарка", "круглый"]
    /// Lemmas of signed documents.
    static let documentLemmas: Set<String> = ["соглашение", "договор", "протокол", "документ", "план", "меморандум", "коммюнике", "программа", "декларация", "хартия",
         "конвенция", "контракт", "устав"]

    /// Capitalised abbreviations that name no organisation: kinds of school, "ВКС" (a video call), "ЧС".
    static let notOrganisations: Set<String> = ["ВКС", "МБОУ", "МАОУ", "МБУ", "МАУ", "СОШ", "ДОУ", "ЧС", "ИТ", "IT", "СМИ",
                                                "ФИО", "ДТП", "COVID", "ВВП", "НКО", "РФ", "ЕС"]

    /// Words after which a quotation is a name: "под названием «…»", "имени «…»", "проект «…»".
    static let nameIntroducers: Stems = ["назван", "имени", "проект", "бренд", "марк", "девиз", "тем", "номинац"]

    /// A municipality before its official name in quotes, which is the place's name:
    /// "муниципального образования «Город Архангельск»", "городского округа «…»", "сельского
    /// поселения «…»", "муниципального района «…»": a kind, then a head.
    static let municipalityKinds: Stems = ["муниципальн", "городск", "сельск"]
    static let municipalityHeads: Stems = ["образовани", "округ", "поселени", "район"]

    /// Legal forms that introduce a quoted company name: АО «Эталон».
    static let legalForms: Stems = ["ао", "оао", "зао", "ооо", "пао", "нко", "ано", "фгуп", "муп", "гуп", "ип"]


    /// Office titles and the role written on `holds-office`.
    static let offices: [(stem: String, role: String)] = [
        ("вице-мэр", "вице-мэр"), ("мэр", "мэр"), ("аким", "аким"), ("вице-губернатор", "вице-губернатор"), ("губернатор", "губернатор"),
        ("вице-президент", "вице-президент"), ("президент", "президент"), ("премьер-министр", "премьер-министр"),
        ("ректор", "ректор"), ("проректор", "проректор"), ("директор", "директор"), ("председател", "председатель"),
        ("секретар", "секретарь"), ("глав", "глава"), ("посол", "посол"), ("посла", "посол"), ("консул", "консул"),
        ("генеральный консул", "генеральный консул"), ("министр", "министр"), ("начальник", "начальник"),
        ("руководител", "руководитель"), ("заместител", "заместитель"), ("депутат", "депутат"),
        ("спикер", "спикер"), ("бургомистр", "бургомистр"), ("префект", "префект"), ("советник", "советник"),
    ]

    /// Words before a title that make it another office, and how the role writes them:
    /// "первый заместитель мэра", "исполняющий обязанности главы", "врио губернатора".
    /// "обязанности" is read as part of "исполняющий обязанности" (written empty: skipped).
    static let officePrefixes: [(stem: String, written: String)] = [
        ("исполняющ", "исполняющий обязанности"), ("обязанност", ""), ("врио", "врио"),
        ("временно", "временно"), ("первый", "первый"), ("первого", "первый"), ("первому", "первый"),
        ("первым", "первый"), ("генеральн", "генеральный"), ("почетн", "почётный"),
    ]

    /// Offices of a city's head: the name after them in the genitive is the city ("мэр Гродно").
    static let cityOffices: Stems = ["мэр", "вице-мэр", "аким", "бургомистр", "градоначальник", "сити-менеджер",
                                     "глава", "главы", "главе", "главу", "главой"]

    /// Honorifics that introduce a (foreign) personal name.
    static let honorifics: Stems = ["г-н", "г-на", "г-ну", "г-ном", "г-не", "г-жа", "г-жи", "г-же", "г-жой", "г-жу",
                             "господин", "господина", "господину", "господином", "госпожа", "госпожи", "госпоже",
                             "госпожой", "госпожу", "mr", "mrs", "ms", "dr"]

    static let months: [(stem: String, month: Int)] = [
        ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма", 5), ("июн", 6), ("июл", 7),
        ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ]
}
