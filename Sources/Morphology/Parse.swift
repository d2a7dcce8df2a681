/// How a parse was obtained; needed to rebuild its lexeme (pymorphy's `methods_stack`).
enum Method: Sendable, Hashable {
    /// Form `index` of dictionary paradigm `paradigm` (also used for suffix prediction).
    case dictionary(paradigm: Int, index: Int)
    /// A non-word (number, punctuation, Latin, Roman numeral), an unknown word or a `по-` adverb:
    /// the form is its own lexeme.
    case shape
    /// A single capital letter read as an abbreviated first name.
    case firstNameInitial
    /// A single capital letter read as an abbreviated patronymic.
    case patronymicInitial
    /// A known prefix (`псевдо`, `вице-`…) in front of a parsed word.
    indirect case knownPrefix(String, Method)
    /// An unknown prefix of 1…5 letters in front of a dictionary word.
    indirect case unknownPrefix(String, Method)
    /// Predicted from the ending of known words.
    indirect case knownSuffix(Method)
    /// A particle after a hyphen (`-то`, `-ка`…).
    indirect case particle(String, Method)
    /// `left-right` where the left part does not inflect (`интернет-магазин`).
    indirect case hyphenFixedLeft(String, Method)
    /// `left-right` where both parts inflect together (`человек-гора`).
    indirect case hyphenBoth(Method, Method)

    /// pymorphy's duplicate check keys parses by the third item of the first method in the stack:
    /// the paradigm for dictionary words, nothing for shapes, the right part's methods for
    /// hyphenated words.
    var seenParadigm: SeenParadigm {
        switch self {
        case .dictionary(let p, _): return .paradigm(p)
        case .shape, .firstNameInitial, .patronymicInitial: return .none
        case .knownPrefix(_, let m), .unknownPrefix(_, let m), .knownSuffix(let m), .particle(_, let m):
            return m.seenParadigm
        case .hyphenFixedLeft(_, let right), .hyphenBoth(_, let right): return .methods(right)
        }
    }
}

enum SeenParadigm: Hashable {
    case none
    case paradigm(Int)
    case methods(Method)
}

/// One analysis of a word: the form (with е/ё restored), its normal form (lemma), its tag and a
/// score (pymorphy3's estimate of P(tag | word)).
public struct Parse: Sendable, Hashable {
    /// The word form, lower-cased, with ё restored where the dictionary has it.
    public var word: String
    /// The lemma: nominative singular for nouns, masculine nominative for adjectives, infinitive…
    public var normalForm: String
    /// The grammatical tag.
    public var tag: Tag
    /// Probability-like score; the parses of a word are sorted by it, best first.
    public var score: Double
    /// How the parse was obtained (needed by `lexeme` and `inflect`).
    var method: Method

    init(word: String, tag: Tag, normalForm: String, score: Double, method: Method) {
        self.word = word
        self.tag = tag
        self.normalForm = normalForm
        self.score = score
        self.method = method
    }

    /// Whether the parse comes straight from the dictionary (not predicted or guessed).
    public var isDictionaryWord: Bool {
        if case .dictionary = method { return true }
        return false
    }
}
