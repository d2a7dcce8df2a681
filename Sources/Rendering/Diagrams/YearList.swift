/// Years written the way a report writes them, joined by commas; a run of three or more
/// consecutive years becomes a range: [2019, 2020] → "2019, 2020",
/// [2011, 2012, 2013, 2019] → "2011–2013, 2019".
public enum YearList {
    public static func text(_ years: some Sequence<Int>) -> String {
        let sorted = Set(years).sorted()
        var parts: [String] = []
        var k = 0
        while k < sorted.count {
            var end = k
            while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
            if end - k >= 2 {
                parts.append("\(sorted[k])–\(sorted[end])")
            } else {
                parts += sorted[k...end].map(String.init)
            }
            k = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
