import Gazetteer
import KnowledgeGraph
import Morphology
import RussianText

extension Recognizer {
    // MARK: People

    /// People: initials and surname ("О.Н. Фадиной"), a name after an honorific ("г-ном Гао
    /// Цзяньцзюнь"), a first name and a surname ("Андрей Щагин").
    func people(in c: Clause, excluding found: Set<Int> = [], nodes: inout [String: NodeDraft]) -> [Mention] {
        let w = c.words
        var out: [Mention] = []
        // «АБ ИнБев Эфес», «Студия» Л.Ермолаевой: names in quotes are of companies and works,
        // except a person's name the quote ends with (initials are still read there)
        let quoted = quotedWords(c)
        var i = 0
        while i < w.count {
            if found.contains(i) { i += 1; continue }
            if quoted.contains(i), initialsRun(w, from: i) == nil { i += 1; continue }
            // Initials: (Letter .)(-? Letter .)* Surname
            if let (endOfInitials, initials) = initialsRun(w, from: i), endOfInitials < w.count,
               w[endOfInitials].isWord, w[endOfInitials].isCapitalized, !w[endOfInitials].isAbbreviation,
               w[endOfInitials].scalarCount > 1 {
                let surnameWord = w[endOfInitials]
                let surname = nominativeSurname(surnameWord.text, agreeingWith: titleCase(w, before: i))
                let name = initials + " " + surname
                let surface = text.slice(w[i].start, surnameWord.end)
                let id = "person/" + NameKey.slug(surname)
                register(&nodes, id: id, type: .person, name: name, surface: surface,
                         span: Span(document: documentID, start: w[i].start, end: surnameWord.end, text: surface))
                upgradeName(&nodes, id: id, name: name)
                out.append(Mention(nodeID: id, type: .person, first: i, last: endOfInitials,
                                   start: w[i].start, end: surnameWord.end, surface: surface))
                i = endOfInitials + 1
                continue
            }
            // Honorific + capitalised words.
            if w[i].isWord, w[i].isAny(Lexicon.honorifics) {  // honorifics are all word tokens
                var j = i + 1
                var parts: [Word] = []
                while j < w.count, parts.count < 3, w[j].isWord, w[j].isCapitalized, !w[j].isAbbreviation {
                    parts.append(w[j]); j += 1
                }
                if let first = parts.first, let last = parts.last {
                    let surface = text.slice(first.start, last.end)
                    let id = "person/" + NameKey.slug(surface)
                    register(&nodes, id: id, type: .person, name: surface, surface: surface,
                             span: Span(document: documentID, start: first.start, end: last.end, text: surface))
                    out.append(Mention(nodeID: id, type: .person, first: first.index, last: last.index,
                                       start: first.start, end: last.end, surface: surface))
                    i = j
                    continue
                }
            }
            // Given names and a surname in capitals: "Хви Ни ЧАНГ", "Синтаро ИСИХАРА".
            if w[i].isWord, w[i].isCapitalized, !w[i].isAllCaps,
               w[(i + 1)..<min(w.count, i + 4)].contains(where: { $0.isAllCaps && $0.scalarCount >= 3 }),
               isForeignNamePart(w[i].text) {
                var j = i
                while j < w.count, j - i < 3, w[j].isWord, w[j].isCapitalized, !w[j].isAllCaps, isForeignNamePart(w[j].text) { j += 1 }
                if j < w.count, j > i, w[j].isWord, w[j].isAllCaps, w[j].scalarCount >= 3,
                   w[j].text.unicodeScalars.allSatisfy({ CharacterSets.isCyrillic($0) || $0 == "-" }),
                   countryCode(w[j].text) == nil {
                    let surname = capitalizeFirst(w[j].text.lowercased())
                    let start = max(i, j - 2)
                    let given = (start..<j).map { w[$0].text }.joined(separator: " ")
                    let name = given + " " + surname
                    let surface = text.slice(w[start].start, w[j].end)
                    let id = "person/" + NameKey.slug(surname)
                    register(&nodes, id: id, type: .person, name: name, surface: surface,
                             span: Span(document: documentID, start: w[start].start, end: w[j].end, text: surface))
                    out.append(Mention(nodeID: id, type: .person, first: start, last: j, start: w[start].start, end: w[j].end, surface: surface))
                    i = j + 1
                    continue
                }
            }
            // First name (+ patronymic) + surname.
            if w[i].isWord, w[i].isCapitalized, i + 2 < w.count, isFirstName(w[i].text), isPatronymic(w[i + 1].text),
               w[i + 2].isWord, w[i + 2].isCapitalized {
                let surname = nameCase(w[i].text) == "nomn" ? w[i + 2].text : nominativeSurname(w[i + 2].text)
                let name = nominativeFirstName(w[i].text) + " " + nominativeFirstName(w[i + 1].text) + " " + surname
                let surface = text.slice(w[i].start, w[i + 2].end)
                let id = "person/" + NameKey.slug(surname)
                register(&nodes, id: id, type: .person, name: name, surface: surface,
                         span: Span(document: documentID, start: w[i].start, end: w[i + 2].end, text: surface))
                out.append(Mention(nodeID: id, type: .person, first: i, last: i + 2, start: w[i].start, end: w[i + 2].end, surface: surface))
                i += 3
                continue
            }
            // First name + surname.
            if w[i].isWord, w[i].isCapitalized, i + 1 < w.count, w[i + 1].isWord, w[i + 1].isCapitalized,
               !w[i + 1].isAbbreviation, isFirstName(w[i].text), !isFirstName(w[i + 1].text) || isSurname(w[i + 1].text),
               // "Аким Шымкента": an office that is also a first name, before its place; "Зуль
               // Германия" in a table: a place and its country
               !(w[i].isAny(Lexicon.cityOffices) && namesAKnownPlace(w[i + 1])), countryCode(w[i + 1].text) == nil {
                let first = nominativeFirstName(w[i].text)
                // the surname stands in the case of the first name: "Андрей Щагин" stays as it is;
                // a first name that does not decline ("Гульшат") tells no case
                let declines = !(parse(w[i].text).first?.tag.contains("Fixd") ?? false)
                let surname = declines && nameCase(w[i].text) == "nomn" ? w[i + 1].text : nominativeSurname(w[i + 1].text)
                let name = first + " " + surname
                let surface = text.slice(w[i].start, w[i + 1].end)
                let id = "person/" + NameKey.slug(surname)
                register(&nodes, id: id, type: .person, name: name, surface: surface,
                         span: Span(document: documentID, start: w[i].start, end: w[i + 1].end, text: surface))
                out.append(Mention(nodeID: id, type: .person, first: i, last: i + 1,
                                   start: w[i].start, end: w[i + 1].end, surface: surface))
                i += 2
                continue
            }
            i += 1
        }
        return out
    }

    /// The word is a form of a well-known place's name, and no personal name.
    func namesAKnownPlace(_ w: Word) -> Bool {
        placeMatches(w.text).contains { $0.quality != .variant && !$0.isPersonalName && ($0.isMajor || $0.place.population >= 50_000) }
    }

    /// Keeps the longest name seen for a person ("О.Н. Фадина" over "Фадина").
    private func upgradeName(_ nodes: inout [String: NodeDraft], id: String, name: String) {
        guard var d = nodes[id], name.count > d.name.count else { return }
        d.addAlias(d.name)
        d.name = name
        nodes[id] = d
    }

    /// A run of initials starting at `i`: returns the index after the run and the initials
    /// as written without spaces ("К.-Ж.К.").
    private func initialsRun(_ w: [Word], from i: Int) -> (Int, String)? {
        var j = i
        var initials = ""
        var count = 0
        while j + 1 < w.count, w[j].isWord, w[j].scalarCount == 1, w[j].isCapitalized, w[j + 1].isText(".") {
            initials += w[j].text + "."
            count += 1
            j += 2
            if j + 1 < w.count, w[j].isAny(["-", "‑", "–"]), w[j + 1].scalarCount == 1 {
                initials += "-"
                j += 1
            }
        }
        // A lone capital with a dot is too often an abbreviation ("г.", "К."): require two
        // initials, or one right before a surname that is not a place marker.
        guard count >= 1 else { return nil }
        if count == 1, i > 0, w[i - 1].is("им") || w[i - 1].is("имени") { return (j, initials) }
        if count == 1, j < w.count, !isSurname(w[j].text) { return nil }
        return (j, initials)
    }

    /// A capitalised word that is no dictionary word and no known place: part of a foreign name.
    func isForeignNamePart(_ word: String) -> Bool {
        guard placeLookup(word).isEmpty else { return false }
        // "Ни", "Ги": short syllables of East Asian names; "Вэй-Цен": any part unknown
        if word.unicodeScalars.count <= 3 { return true }
        if word.contains("-") {
            return word.split(separator: "-").contains { part in !(parse(String(part)).first?.isDictionaryWord ?? false) }
        }
        guard let p = parse(word).first else { return false }
        if p.isDictionaryWord && !p.tag.contains("Name") && !p.tag.contains("Surn") { return false }
        return placeLookup(word).isEmpty
    }

    /// The case of a first name ("Алексей" → nomn).
    func nameCase(_ word: String) -> String? {
        parse(word).first { $0.tag.contains("Name") }?.tag.case
    }

    func isPatronymic(_ word: String) -> Bool {
        parse(word).prefix(2).contains { $0.tag.contains("Patr") }
    }

    /// The case of an office title right before a name ("Мэра Города Е.В. Паршуты" → gent):
    /// the name stands in apposition and agrees with it.
    func titleCase(_ w: [Word], before i: Int) -> String? {
        let lo = max(0, i - 6)
        guard let t = (lo..<i).last(where: { k in w[k].isWord && Lexicon.offices.contains { w[k].starts(with: $0.stem) } }) else { return nil }
        return parse(w[t].text).first { $0.tag.pos == "NOUN" }?.tag.case
    }

    /// The word's likeliest reading is a first name ("Андрей"); "Тема" (also "Тёма") is a noun first.
    func isFirstName(_ word: String) -> Bool {
        parse(word).first.map { $0.tag.contains("Name") && $0.isDictionaryWord } ?? false
    }

    func isSurname(_ word: String) -> Bool {
        parse(word).contains { $0.tag.contains("Surn") } || parse(word).first.map { !$0.isDictionaryWord } ?? true
    }

    /// The nominative of a surname, keeping its gender ("Фадиной" → "Фадина").
    func nominativeSurname(_ word: String, agreeingWith wanted: String? = nil) -> String {
        let parses = parse(word)
        // Agreement with the title only settles a form the analyzer reads as nominative plural
        // ("Е.В. Паршуты"); "ректора … Р.Г. Смеликом" agrees with another word.
        if let wanted, wanted != "nomn", parses.first.map({ $0.tag.case == "nomn" && $0.tag.number == "plur" }) ?? false,
           let p = parses.first(where: { $0.tag.case == wanted && ($0.tag.contains("Surn") || $0.tag.pos == "NOUN") }) {
            if p.tag.contains("Surn"), let form = analyzer.inflect(p, to: ["nomn"]) { return capitalizeLike(word, form.word) }
            return capitalizeLike(word, p.normalForm)
        }
        return normalizer.nominativeSurname(word)
    }

    func nominativeFirstName(_ word: String) -> String {
        let parses = parse(word)
        if let name = parses.first(where: { $0.tag.contains("Name") }) {
            return capitalizeLike(word, name.normalForm)
        }
        return word
    }

    // MARK: Organisations and events

    /// Organisations and events: a head noun ("университет", "фестиваль") with its ordinal,
    /// adjectives, genitive tail and quoted name; companies ("АО «Эталон»"); abbreviations.
    func phrases(in c: Clause, taken: Set<Int>, placeWords: Set<Int> = [], signing: Bool, nodes: inout [String: NodeDraft]) -> [Mention] {
        let w = c.words
        var out: [Mention] = []
        var used = Set<Int>()
        let quoted = quotedWords(c)
        for i in w.indices where w[i].isWord && !used.contains(i) && !taken.contains(i) && !placeWords.contains(i) {
            let head = headKinds(w[i])
            let isDocumentHead = signing && head.document
            let isEventHead = head.event
            let isOrgHead = head.organisation
            guard isDocumentHead || isEventHead || isOrgHead else { continue }
            if quoted.contains(i) { continue }
            var first = i
            let headCases = Set(parse(w[i].text).prefix(3).filter { $0.tag.pos == "NOUN" }.compactMap { $0.tag.case })
            while first - 1 >= 0, !taken.contains(first - 1), isModifier(w[first - 1]), agrees(w[first - 1], headCases) { first -= 1 }
            var last = i
            if isDocumentHead {
                last = documentTail(w, from: i, taken: taken)
            } else {
                last = genitiveTail(w, from: i, taken: taken)
            }
            let quoteEnd = quoteAfter(w, last)
            if let q = quoteEnd { last = q }
            let specific = quoteEnd != nil || (first..<last + 1).contains { k in
                w[k].isCapitalized && k != first || isOrdinal(w[k]) || w[k].starts(with: "международн")
                    || w[k].starts(with: "всемирн") || w[k].starts(with: "всероссийск")
            } || (w[first].isCapitalized && first != firstWordIndex(c))
            if !isDocumentHead && !specific { continue }
            // "Организация участия …" at the start of a sentence is an action, not an organisation:
            // an organisation needs a name (quotes, a capitalised word) or a modifier before its head.
            if isOrgHead && !isEventHead && quoteEnd == nil && first == i
                && !((i + 1)...max(i + 1, last)).contains(where: { $0 <= last && w[$0].isCapitalized }) { continue }
            // a document needs its title, or the signing or its parties right after it: "Соглашение
            // подписали …", "Документ своими подписями скрепили …", "соглашение между A и B"
            if isDocumentHead && last == i,
               !w[(i + 1)..<min(w.count, i + 4)].contains(where: { $0.starts(with: Lexicon.signStems) || $0.is("между") }) { continue }
            // "Партнёрство A и B", "Сотрудничество A и B": a relation of the places named after
            // its head, no organisation
            if quoteEnd == nil, first == i, w[i].starts(with: Lexicon.relationOfTwoStems), last > i,
               ((i + 1)...last).allSatisfy({ placeWords.contains($0) || w[$0].is("и") || w[$0].isText(",") }) { continue }
            let surface = text.slice(w[first].start, w[last].end)
            var name = nominative(collapsingWhitespace(surface))
            if name.isEmpty { name = surface }
            name = capitalizeFirst(name)
            let type: NodeType = (isEventHead || isDocumentHead) && !isOrgHead ? .event : (isOrgHead ? .organisation : .event)
            // «Новые имена стран АТР» and «Новые имена стран АТР - 2021» are one festival:
            // a year closing the name is this edition's, not part of the identity
            let id = "\(type.rawValue)/\(NameKey.slug(type == .event ? withoutEditionYear(name) : name))"
            register(&nodes, id: id, type: type, name: name, surface: surface,
                     span: Span(document: documentID, start: w[first].start, end: w[last].end, text: surface))
            var m = Mention(nodeID: id, type: type, first: first, last: last, start: w[first].start,
                            end: w[last].end, surface: surface)
            m.isDocument = isDocumentHead
            out.append(m)
            for k in first...last { used.insert(k) }
        }
        // Companies: a legal form and a quoted name.
        for i in w.indices where w[i].isAny(Lexicon.legalForms) && !used.contains(i) {
            guard let q = quoteAfter(w, i) else { continue }
            let surface = text.slice(w[i].start, w[q].end)
            let id = "organisation/\(NameKey.slug(surface))"
            register(&nodes, id: id, type: .organisation, name: surface, surface: surface,
                     span: Span(document: documentID, start: w[i].start, end: w[q].end, text: surface))
            out.append(Mention(nodeID: id, type: .organisation, first: i, last: q, start: w[i].start,
                               end: w[q].end, surface: surface))
            for k in i...q { used.insert(k) }
        }
        // Abbreviations of organisations: "ОмГУ", "МАГ", "АСДГ".
        for i in w.indices where w[i].isAbbreviation && !used.contains(i) && !taken.contains(i) && !quoted.contains(i) {
            let t = w[i].text
            // Cyrillic ("ОмГУ") or Latin with digits ("ANMC21"), not Roman numerals
            let latin = t.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) }
                && !t.unicodeScalars.allSatisfy { "IVXLCDM".unicodeScalars.contains($0) } && t.unicodeScalars.count >= 3
            guard t.unicodeScalars.allSatisfy({ CharacterSets.isCyrillic($0) || $0 == "-" }) || latin,
                  !w[i].isAny(Lexicon.legalForms), !Lexicon.notOrganisations.contains(t), countryCode(t) == nil,
                  placeLookup(t).isEmpty else { continue }
            // "(МАГ)" right after a full name: the abbreviation names that organisation.
            if i >= 1, w[i - 1].isText("("), let full = out.last(where: { $0.last == i - 2 && $0.type == .organisation }) {
                register(&nodes, id: full.nodeID, type: .organisation, name: nodes[full.nodeID]?.name ?? t, surface: t,
                         span: Span(document: documentID, start: w[i].start, end: w[i].end, text: t))
                out.append(Mention(nodeID: full.nodeID, type: .organisation, first: i, last: i,
                                   start: w[i].start, end: w[i].end, surface: t))
                continue
            }
            let id = "organisation/\(NameKey.slug(t))"
            register(&nodes, id: id, type: .organisation, name: t, surface: t,
                     span: Span(document: documentID, start: w[i].start, end: w[i].end, text: t))
            nodes[id]?.attributes["abbreviation"] = .bool(true)
            out.append(Mention(nodeID: id, type: .organisation, first: i, last: i, start: w[i].start, end: w[i].end, surface: t))
        }
        return out
    }

    /// The name without a year at its very end or just before its closing quote ("Флора-2019").
    func withoutEditionYear(_ name: String) -> String {
        var scalars = Array(name.unicodeScalars)
        var closing: [Unicode.Scalar] = []
        while let last = scalars.last, last == "»" || last == "\"" || last == " " { closing.insert(last, at: 0); scalars.removeLast() }
        guard scalars.count > 5 else { return name }
        let tail = scalars.suffix(4)
        guard tail.allSatisfy({ $0.properties.numericType != nil }), let year = Int(String(String.UnicodeScalarView(tail))),
              (1950...2100).contains(year) else { return name }
        scalars.removeLast(4)
        while let last = scalars.last, last == " " || last == "-" || last == "–" || last == "—" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars + closing))
    }

    func isHeadNoun(_ w: Word) -> Bool {
        guard headForms.mayHead(w) else { return false }
        return parse(w.text).prefix(2).contains { $0.tag.pos == "NOUN" && (Lexicon.organisationLemmas.contains($0.normalForm) || Lexicon.eventLemmas.contains($0.normalForm)) }
    }

    func isNoun(_ word: String) -> Bool {
        parse(word).prefix(3).contains { $0.tag.pos == "NOUN" }
    }

    private func isModifier(_ w: Word) -> Bool {
        if isOrdinal(w) { return true }
        guard w.isWord else { return false }
        if w.is("и") { return false }
        // a capitalised hyphenated adjective the analyzer reads as a name as a whole: its last
        // part tells ("Петро-Ильинской" → "Ильинской", an adjective)
        let hyphenatedAdjective = w.isCapitalized && w.hasHyphen
            && (w.text.split(separator: "-").last.map { parse(String($0)).first?.tag.pos == "ADJF" } ?? false)
        return (hyphenatedAdjective || parse(w.text).prefix(3).contains { $0.tag.pos == "ADJF" || $0.tag.pos == "PRTF" })
            && !w.isAny(["такие", "таких", "этот", "этой", "данной", "данный", "который", "которые", "которых", "своих", "свой",
                 "наш", "нашего", "нашей", "наших", "все", "всех", "других", "ряд", "многих", "этих", "тех"])
    }

    /// Roman ordinals ("XVI Форум") belong to a name; Arabic ones ("26-м", "22") decline and
    /// are left out of it.
    func isOrdinal(_ w: Word) -> Bool {
        let t = w.text
        return !t.isEmpty && t.unicodeScalars.allSatisfy { "IVXLC".unicodeScalars.contains($0) }
    }

    /// A modifier agrees with its head when one of its readings has a case the head can have
    /// ("Международном фестивале"), not "посвященных Дню".
    private func agrees(_ modifier: Word, _ headCases: Set<String>) -> Bool {
        if isOrdinal(modifier) || headCases.isEmpty { return true }
        if modifier.isCapitalized && modifier.text.contains("-") { return true }
        return parse(modifier.text).contains { ($0.tag.pos == "ADJF" || $0.tag.pos == "PRTF") && headCases.contains($0.tag.case ?? "") }
    }

    private func isGenitive(_ word: String) -> Bool {
        let parses = parse(word)
        guard let top = parses.first, ["NOUN", "ADJF", "PRTF"].contains(top.tag.pos ?? ""),
              word.unicodeScalars.count > 1 else { return false }
        return parses.prefix(3).contains { ($0.tag.case == "gent" || $0.tag.case == "gen2") && $0.tag.pos != "PREP" }
    }

    /// Extends a head over its genitive tail: "Форум межрегионального сотрудничества России и
    /// Казахстана", "Чемпионат Европы среди молодежи по фехтованию", "им. Ф.М. Достоевского".
    private func genitiveTail(_ w: [Word], from head: Int, taken: Set<Int>) -> Int {
        var last = head
        var j = head + 1
        var steps = 0
        while j < w.count, steps < 12 {
            let x = w[j]
            if x.token.kind == .number, x.text.hasPrefix("№") || (j > 0 && w[j - 1].isText("№")) { last = j; j += 1; continue }
            if x.isText("№"), j + 1 < w.count, w[j + 1].token.kind == .number { last = j + 1; j += 2; continue }
            if x.is("им") || x.is("имени") {
                var k = j + 1
                if k < w.count, w[k].isText(".") { k += 1 }
                var end = k
                while end + 1 < w.count, w[end].isWord, w[end].scalarCount == 1, w[end + 1].isText(".") { end += 2 }
                if end < w.count, w[end].isWord, w[end].isCapitalized {
                    // "имени Роберта Гордона": the person's name belongs to the organisation's
                    if end + 1 < w.count, w[end + 1].isWord, w[end + 1].isCapitalized { end += 1 }
                    last = end; j = end + 1; steps += 1; continue
                }
                break
            }
            if (x.is("по") || x.is("среди")), j + 1 < w.count, w[j + 1].isWord,
               // "по фехтованию" names a championship; "по приглашению", "по итогам" say why
               !w[j + 1].starts(with: ["приглашени", "инициатив", "случа", "итог", "результат", "поводу", "окончани",
                                        "завершени", "причин", "просьб", "предложени"]) {
                var k = j + 1
                while k + 1 < w.count, w[k + 1].isWord, isModifier(w[k]) { k += 1 }
                last = k; j = k + 1; steps += 1; continue
            }
            if x.is("и"), j + 1 < w.count, w[j + 1].isWord, isGenitive(w[j + 1].text), !taken.contains(j + 1),
               // "Администрации города Благовещенска и Народного Правительства": a second organisation
               !w[(j + 1)..<min(w.count, j + 4)].contains(where: { isHeadNoun($0) }) {
                j += 1; continue
            }
            if x.isText(","), j + 1 < w.count, w[j + 1].isWord, !w[j + 1].isCapitalized, isGenitive(w[j + 1].text),
               isNoun(w[j + 1].text), last > head {
                j += 1; continue
            }
            if x.isWord, !taken.contains(j), isGenitive(x.text), !x.isAny(["года", "году", "лет", "которого", "которой",
                                                                      "котором", "также", "числе", "рамках"]) {
                last = j; j += 1; steps += 1; continue
            }
            if x.isWord, x.isCapitalized, j == head + 1, !taken.contains(j) { last = j; j += 1; steps += 1; continue }
            // "Саммит городов АТР", "Ассамблея городов СНГ": an abbreviation closing a genitive tail
            if x.isWord, x.isAbbreviation, last == j - 1, last > head, !taken.contains(j) { last = j; j += 1; steps += 1; continue }
            break
        }
        return last
    }

    /// A document's title runs from its head through "о/об …" up to "между", "с", a comma or
    /// "на <year>": "Соглашения об установлении дружественных отношений".
    private func documentTail(_ w: [Word], from head: Int, taken: Set<Int>) -> Int {
        var last = head
        var j = head + 1
        while j < w.count, j - head < 10 {
            let x = w[j]
            // a person's name ends the title: "соглашение Иван Петров подписал"
            if taken.contains(j) { break }
            if x.isAny(["между", "с", "со", "на", "в", "от", "для", "по", "которого", "который", "которое"]) { break }
            if !x.isWord && x.token.kind != .quote { break }
            // a title holds no finite verb: "соглашение о дружбе подписали …" ends before it
            if x.isWord, let p = parse(x.text).first, p.tag.pos == "VERB" || p.tag.pos == "PRTS" { break }
            last = j
            j += 1
        }
        return last
    }

    /// The index of the closing quote of a «…» block starting right after `i` (or after a dash).
    func quoteAfter(_ w: [Word], _ i: Int) -> Int? {
        var j = i + 1
        if j < w.count, w[j].isAny(["-", "–", "—"]) { j += 1 }
        guard j < w.count, w[j].token.kind == .quote, w[j].isAny(["«", "\"", "„", "“"]) else { return nil }
        var depth = 0
        var k = j
        while k < w.count {
            let t = w[k].text
            if w[k].token.kind == .quote {
                if t == "«" || t == "„" { depth += 1 }
                else if t == "»" || t == "“" || t == "”" { depth -= 1 }
                else if t == "\"" { depth = (k == j) ? 1 : depth - 1 }
                if depth <= 0 {
                    // «Студия» Л.Ермолаевой»: a stray closing quote right after a name.
                    return k
                }
            }
            k += 1
        }
        return nil
    }
}

func capitalizeLike(_ original: String, _ word: String) -> String {
    guard let f = original.first, f.isUppercase else { return word }
    if original.count > 1, original.allSatisfy({ !$0.isLetter || $0.isUppercase }) { return word.uppercased() }
    return capitalizeFirst(word)
}

func capitalizeFirst(_ s: String) -> String {
    guard let f = s.first else { return s }
    return f.uppercased() + s.dropFirst()
}
