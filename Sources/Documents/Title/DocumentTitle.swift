import Gazetteer

/// What a document's title says: the title itself, the reporting city it names and the year.
public struct DocumentTitle: Sendable, Equatable {
    /// The title: the file's title property, else the first line of the text when it is short
    /// enough to be one.
    public var title: String?
    /// Where the title line is in the text (Unicode scalars), when the title is a line of it.
    public var lineStart: Int?
    public var lineEnd: Int?
    /// The title line's range in the text, when the title is a line of it.
    public var line: Range<Int>? { lineStart.flatMap { s in lineEnd.map { s..<$0 } } }
    /// The gazetteer id of the reporting city ("city/omsk"), if the title names one.
    public var reporter: String?
    /// The year the title names ("… за 2019 год"), if any.
    public var year: Int?

    public init(title: String? = nil, lineStart: Int? = nil, lineEnd: Int? = nil, reporter: String? = nil, year: Int? = nil) {
        self.title = title
        self.lineStart = lineStart
        self.lineEnd = lineEnd
        self.reporter = reporter
        self.year = year
    }
}

/// Finds the title of a document and the reporting city and year it names, in whatever form:
/// "ОМСК", "г. Омск", "Администрация города Омска", "Отчёт о международной деятельности
/// Администрации города Омска за 2019 год". City names are not listed here: the gazetteer
/// resolves any word of the title, inflected forms included ("Омска", "Хабаровска").
public struct TitleReader: Sendable {
    public let gazetteer: Gazetteer

    /// A title line is at most this long; longer first lines are paragraphs.
    static let maximumTitleLength = 200

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    public func read(text: String, titleProperty: String?) -> DocumentTitle {
        var result = DocumentTitle()
        let line = Self.firstLine(of: text)
        if let line, line.text.unicodeScalars.count <= Self.maximumTitleLength {
            result.title = line.text
            result.lineStart = line.start
            result.lineEnd = line.end
        }
        if let titleProperty { result.title = titleProperty }
        // The property first: a file's metadata is meant to be its title; the first line may be
        // a letterhead.
        for candidate in [titleProperty, result.lineStart == nil ? nil : line?.text].compactMap({ $0 }) {
            if result.reporter == nil { result.reporter = reportingCity(in: candidate) }
            if result.year == nil { result.year = DocumentHeading.years(in: candidate).first }
        }
        return result
    }

    /// The city a title names as the one reporting, or nil.
    ///
    /// A title that is only a place name names it. Otherwise the title must read as a report's
    /// or an administration's ("Отчёт …", "Администрация …", "г. …"): a news headline
    /// ("Делегация Омска посетила Харбин") names cities without any of them reporting. Then a
    /// city after "г." or "города" wins, else the first capitalised word that names a city.
    public func reportingCity(in title: String) -> String? {
        if let whole = gazetteer.lookup(title).first(where: { $0.type == .city }) { return whole.id }
        if let defined = definedCity(in: title) { return defined }
        let words = Self.words(title)
        guard let first = words.first, Self.isReportTitle(words, first: first) else { return nil }
        var fallback: String?
        for (i, word) in words.enumerated() where word.first?.isUppercase == true && word.count >= 3 {
            let afterMarker = i > 0 && TitleWords.cityMarkers.contains(words[i - 1].lowercased())
            if !afterMarker && (fallback != nil || gazetteer.isLikelyCommonWord(word)) { continue }
            guard let match = gazetteer.longestMatch(words[i...]),
                  let city = match.matches.first(where: { $0.place.type == .city }) else { continue }
            if afterMarker { return city.place.id }
            fallback = city.place.id
        }
        return fallback
    }

    /// An encyclopedia's title defines its city: "Курган — город в России", "Курган (город)",
    /// "Курган, город на Тоболе". The text speaks of that city ("Город поддерживает связи …").
    func definedCity(in title: String) -> String? {
        let scalars = Array(title.unicodeScalars)
        guard let cut = scalars.firstIndex(where: { TitleWords.definitionMarks.contains($0) }), cut > 0 else { return nil }
        let name = String(String.UnicodeScalarView(scalars[..<cut])).trimmingCharacters(in: .whitespaces)
        let rest = Self.words(String(String.UnicodeScalarView(scalars[(cut + 1)...])))
        guard let next = rest.first?.lowercased(), TitleWords.definitionHeads.contains(where: { next.hasPrefix($0) }) else { return nil }
        return gazetteer.lookup(name).first { $0.type == .city && NameKey.fold($0.name) == NameKey.fold(name) }?.id
    }

    static func isReportTitle(_ words: [String], first: String) -> Bool {
        let lower = words.map { $0.lowercased().replacingOccurrences(of: "ё", with: "е") }
        if TitleWords.leadingMarkers.contains(lower[0]) { return true }
        return lower.contains { w in TitleWords.reportStems.contains { w.hasPrefix($0) } }
    }

    /// Letters, digits and hyphens; "г." gives "г".
    static func words(_ s: String) -> [String] {
        s.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
    }

    /// The first non-blank line, trimmed, and where it stands (Unicode scalars); read up to its
    /// end only, not the whole text.
    static func firstLine(of text: String) -> (text: String, start: Int, end: Int)? {
        let scalars = text.unicodeScalars
        var i = scalars.startIndex, offset = 0
        while i < scalars.endIndex {
            while i < scalars.endIndex, scalars[i].properties.isWhitespace { i = scalars.index(after: i); offset += 1 }
            let start = i, startOffset = offset
            // just after the line's last character that is not a blank
            var end = i, endOffset = offset
            while i < scalars.endIndex, !LineBreaks.isBreak(scalars[i]) {
                let blank = scalars[i].properties.isWhitespace
                i = scalars.index(after: i); offset += 1
                if !blank { end = i; endOffset = offset }
            }
            if endOffset > startOffset { return (String(scalars[start..<end]), startOffset, endOffset) }
        }
        return nil
    }
}

/// The words of titles, kept apart from the logic.
enum TitleWords {
    /// Words before a city's name in a title: "г. Омск", "города Омска", "г.о. Троицк".
    static let cityMarkers: Set<String> = ["г", "гор", "город", "города", "городу", "городом", "городе", "о", "го",
                                           "администрация", "администрации", "мэрия", "мэрии"]
    /// First words that make a line a city's title: "г. Омск", "Город Омск".
    static let leadingMarkers: Set<String> = ["г", "гор", "город"]
    /// What separates a defined name from its definition: "Курган — город", "Курган (город)".
    static let definitionMarks: Set<Unicode.Scalar> = ["—", "–", "(", ","]
    /// The first word of a city's definition.
    static let definitionHeads = ["город", "столиц", "административн", "муниципальн", "поселок", "посёлок"]
    /// Stems of words that make a line a report's title.
    static let reportStems = ["отчет", "доклад", "информаци", "итог", "деятельност", "справк", "обзор",
                              "администрац", "мэри", "международн"]
}
