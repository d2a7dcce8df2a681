/// Cuts sentences that are too long to be sentences: a table or a list exported without full
/// stops arrives as one "sentence" of a whole file. Everything after segmentation (the syntax
/// model's arc scores, rules that pair the words of a clause) costs the square of a sentence's
/// length, so such a line must not reach it whole.
///
/// Real report sentences stay below the limit (the longest in the example corpus and the news
/// texts has about 110 tokens; the graphs of both are unchanged by the cut). The limit also
/// bounds every evidence text, which a document's graph holds once per fact: with 200 tokens a
/// 10 MB line took 1.2 GB, with 120 it takes 0.7 GB. A longer sentence is cut after its last
/// clause mark (";", then ",", ":", a dash or a closing bracket) in the second half of each
/// window of `maximumTokens`, else at the window's end. Each window is scanned once, so the cost stays linear in the length of the text.
enum LongSentences {
    /// The most tokens a sentence may have.
    static let maximumTokens = 120

    /// Marks a clause ends at, strongest first: the cut goes after the last of the first kind
    /// found in a window.
    static let clauseMarks: [Set<String>] = [
        [";"],
        [",", ":", "—", "–", ")"],
    ]

    /// `ends` (index of the last token of each sentence, increasing, the last one the last
    /// token) with every sentence longer than `limit` tokens cut into pieces of at most `limit`.
    /// `cuts` receives the index of the last token of each piece that ends at a cut, with the
    /// reason ("clauseMark" or "length").
    static func cut(_ ends: [Int], tokens: [Token], limit: Int = maximumTokens,
                    cuts: (Int, String) -> Void = { _, _ in }) -> [Int] {
        precondition(limit >= 2, "a piece must hold at least two tokens")
        var out: [Int] = []
        out.reserveCapacity(ends.count)
        var first = 0
        for end in ends {
            while end - first + 1 > limit {
                let window = first..<(first + limit)
                let (last, reason) = cutPoint(in: window, tokens: tokens)
                out.append(last)
                cuts(last, reason)
                first = last + 1
            }
            out.append(end)
            first = end + 1
        }
        return out
    }

    /// Where a window of tokens that is too long ends: after its last clause mark in its second
    /// half, so that no piece is short; else at the window's last token.
    private static func cutPoint(in window: Range<Int>, tokens: [Token]) -> (Int, String) {
        let secondHalf = (window.lowerBound + window.count / 2)..<window.upperBound
        for marks in clauseMarks {
            if let k = secondHalf.last(where: { tokens[$0].kind == .punctuation && marks.contains(tokens[$0].text) }) {
                return (k, "clauseMark")
            }
        }
        return (window.upperBound - 1, "length")
    }
}
