import Morphology

/// Every form of the lemmas that head organisations, events and documents (`Lexicon`), lower
/// case with ё as е, worked out from the dictionary when the extractor is made.
///
/// The recogniser asks of every word of every clause whether it can head a name; a word whose
/// readings have one of those lemmas is a form in one of their lexemes, so a word outside this
/// set is answered "no" without analysing it. Hyphenated words ("мастер-классы") are not
/// answered here: the analyzer reads them in parts.
struct HeadForms: Sendable {
    private let forms: Set<Recognizer.BytesKey>

    init(analyzer: MorphAnalyzer) {
        var forms = Set<Recognizer.BytesKey>()
        for lemma in Lexicon.organisationLemmas.union(Lexicon.eventLemmas).union(Lexicon.documentLemmas) {
            forms.insert(Recognizer.BytesKey(fold(lemma)))
            for p in analyzer.parse(lemma) where p.isDictionaryWord {
                for f in analyzer.lexeme(p) { forms.insert(Recognizer.BytesKey(fold(f.word))) }
            }
        }
        self.forms = forms
    }

    /// Whether the word may have a head lemma among its readings; false only when it cannot.
    func mayHead(_ w: Word) -> Bool {
        w.hasHyphen || !w.isPlain || forms.contains(Recognizer.BytesKey(w.lower))
    }
}
