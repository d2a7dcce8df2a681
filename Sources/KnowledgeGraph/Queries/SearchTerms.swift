/// How a text becomes the terms a search compares: its words, normalised as names are
/// (`NameResolver.normalize`), each replaced by its lemmas, so that "Омске", "Омска" and "Омск"
/// meet. The lemmatizer is given by the caller (the CLI uses the Morphology analyzer); without
/// one, words are cut to their stems (`NameResolver.stem`).
public struct SearchTerms: Sendable {
    /// A normalised word's lemmas (at least one).
    public let lemmas: @Sendable (String) -> [String]

    public init(lemmas: @escaping @Sendable (String) -> [String]) {
        self.lemmas = lemmas
    }

    /// Stems instead of lemmas, for callers without a dictionary.
    public static let stems = SearchTerms { [NameResolver.stem($0)] }

    /// The normalised words of `text`, in order.
    public static func words(_ text: String) -> [String] {
        NameResolver.normalize(text).split(separator: " ").map(String.init)
    }

    /// Every lemma of every word of `text`, each once, in first-seen order.
    public func terms(_ text: String) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for word in SearchTerms.words(text) {
            for lemma in lemmas(word) where seen.insert(lemma).inserted { out.append(lemma) }
        }
        return out
    }

    /// For each word of a query, the lemmas any of which a text must have.
    public func queryTerms(_ query: String) -> [[String]] {
        SearchTerms.words(query).map { word in
            let forms = lemmas(word)
            return forms.isEmpty ? [word] : forms
        }
    }
}
