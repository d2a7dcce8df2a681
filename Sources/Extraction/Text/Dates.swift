/// An explicit date in a clause: "в мае 2011 года", "29 сентября - 6 октября 2019 года",
/// "2010-2012 гг.", "06.11.2019".
struct DateMention: Sendable, Hashable {
    /// Word index where it stands.
    var position: Int
    var year: Int
    var month: Int?
    var day: Int?
    /// "на 2010 год", "до 2020 года": a period aimed at, not when something happened.
    var isTarget: Bool

    /// ISO 8601, as precise as the text: "2019", "2019-08", "2019-09-29".
    var iso: String {
        var s = String(year)
        if let month { s += "-" + (month < 10 ? "0" : "") + String(month) }
        if let month, let day, month > 0 { s += "-" + (day < 10 ? "0" : "") + String(day) }
        return s
    }
}

enum Dates {
    static func year(_ w: Word) -> Int? {
        guard w.token.kind == .number || w.isWord else { return nil }
        // Int() reads ASCII digits only: a token that does not start with one is no year
        guard let b = w.text.utf8.first, (0x30...0x39).contains(b) else { return nil }
        let digits = w.text.prefix { $0.isNumber }
        guard digits.count == 4, let y = Int(digits), (1950...2100).contains(y) else { return nil }
        return y
    }

    /// `Lexicon.months` with each stem's length in letters, and the same by first letter
    /// (`Stems.bit`).
    static let monthStems = Lexicon.months.map { (stem: $0.stem, month: $0.month, length: $0.stem.count) }
    static let monthsByInitial = Stems.byInitial(monthStems) { $0.stem }

    static func month(_ w: Word) -> Int? {
        guard w.isWord else { return nil }
        // every month's name starts with one of these letters
        let initial = Int(w.initial)
        let candidates: [(stem: String, month: Int, length: Int)]
        if initial != 63 {
            candidates = monthsByInitial[initial]
            guard !candidates.isEmpty else { return nil }
        } else {
            guard let f = w.lower.unicodeScalars.first, "яфмаиисонд".unicodeScalars.contains(f) else { return nil }
            candidates = monthStems
        }
        let l = w.lower
        // "март" before "ма": March's forms start with May's stem
        if w.starts(with: "март") { return w.isAny(["март", "марта", "марте"]) ? 3 : nil }
        if w.starts(with: "ма") { return w.isAny(["май", "мая", "мае", "маю"]) ? 5 : nil }
        // a plain word has one character per scalar (Word.isPlain), and counting scalars is cheaper
        let length = w.isPlain ? w.scalarCount : l.count
        for (stem, m, stemLength) in candidates where length <= stemLength + 2 && stem != "ма" && stem != "март" && w.starts(with: stem) {
            return m
        }
        return nil
    }

    static func find(in c: Clause, reportYear: Int?) -> [DateMention] {
        // "«Города России 2030»": a year inside a quoted name dates nothing
        var depth = 0
        var quoted = Set<Int>()
        for x in c.words {
            if x.token.kind == .quote {
                if x.isText("«") || x.isText("„") { depth += 1 } else if x.isText("»") || x.isText("“") { depth = max(0, depth - 1) }
            } else if depth > 0 { quoted.insert(x.index) }
        }
        let w = c.words
        var out: [DateMention] = []
        var usedYears = quoted
        for (i, x) in w.enumerated() where !quoted.contains(i) {
            // dd.mm.yyyy
            if x.token.kind == .number {
                let parts = x.text.split(separator: ".")
                if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
                   (1...31).contains(d), (1...12).contains(m), (1950...2100).contains(y) {
                    out.append(DateMention(position: i, year: y, month: m, day: d, isTarget: false))
                    continue
                }
            }
            if let m = month(x) {
                // day before the month ("29 сентября", "с 24 по 27 апреля")
                var day: Int?
                if i > 0, w[i - 1].token.kind == .number, let d = Int(w[i - 1].text.prefix { $0.isNumber }), (1...31).contains(d) {
                    day = d
                    // "с 24 по 27 апреля", "27-31 марта": the first day
                    if i >= 3, w[i - 2].is("по"), w[i - 3].token.kind == .number, let d0 = Int(w[i - 3].text) { day = d0 }
                    // "27 - 31 марта" written as three tokens
                    if i >= 3, w[i - 2].isAny(["-", "–", "—"]), w[i - 3].token.kind == .number,
                       let d0 = Int(w[i - 3].text), (1...31).contains(d0) { day = d0 }
                    if let dash = w[i - 1].text.firstIndex(of: "-"), let d0 = Int(w[i - 1].text[..<dash]) { day = d0 }
                }
                // year after it: "мая 2019 года", else a year later in a range "29 сентября - 6 октября 2019"
                var year: Int?
                var k = i + 1
                while k < w.count, k - i <= 5 {
                    if let y = Dates.year(w[k]) { year = y; usedYears.insert(k); break }
                    if w[k].isText(".") || w[k].isText(",") { break }
                    k += 1
                }
                if year == nil, let reportYear { year = reportYear }
                if let year {
                    out.append(DateMention(position: i, year: year, month: m, day: day, isTarget: false))
                }
                continue
            }
        }
        for (i, x) in w.enumerated() where !usedYears.contains(i) {
            guard let y = year(x) else { continue }
            // "2010-2012 гг.": the first year of the range
            let prev = i > 0 ? w[i - 1].lower : ""
            let prev2 = i > 1 ? w[i - 2].lower : ""
            let target = ["на", "до", "к"].contains(prev) || (["-", "–"].contains(prev) && ["на", "до"].contains(i > 2 ? w[i - 3].lower : ""))
                || prev2 == "на" && ["-", "–"].contains(prev)
            if out.contains(where: { $0.year == y && abs($0.position - i) <= 6 }) { continue }
            out.append(DateMention(position: i, year: y, month: nil, day: nil, isTarget: target))
        }
        return out.sorted { $0.position < $1.position }
    }

    /// The explicit date nearest to word `position`, ignoring target periods.
    static func nearest(_ dates: [DateMention], to position: Int) -> DateMention? {
        dates.filter { !$0.isTarget }.min { abs($0.position - position) < abs($1.position - position) }
    }
}
