import Morphology

/// How a report refers to its own city without naming it: "омская делегация", "омичи",
/// "администрация города", "наш город".
///
/// An adjective or demonym is the city's when its lemma, with its suffix undone, is a stem the
/// city's name is made of (`Recognizer.adjectiveStems`, `demonymStems` and
/// `Lexicon.cityNameEndings`, the rules that read other places' adjectives too).
struct ReporterForms: Sendable {
    let name: String
    let analyzer: MorphAnalyzer
    /// The first letters every adjective or demonym of the city shares: most words are answered
    /// without the morphology.
    let prefix: String
    static let administration: Stems = ["администрация", "администрации", "администрацией", "администрацию"]
    static let our: Stems = ["наш", "нашего", "нашему", "нашим", "нашем"]

    init(name: String, analyzer: MorphAnalyzer) {
        self.name = fold(name)
        self.analyzer = analyzer
        prefix = String(self.name.prefix(2))
    }

    /// Word `w` is an adjective or demonym made from the city's name.
    func derivesFromTheCity(_ w: Word) -> Bool {
        guard w.scalarCount >= 4, w.starts(with: prefix) else { return false }
        for reading in analyzer.parse(w.text).prefix(3) {
            let lemma = fold(reading.normalForm)
            let stems: [String]
            if reading.tag.pos == "ADJF" { stems = Recognizer.adjectiveStems(lemma) }
            else if reading.tag.pos == "NOUN" { stems = Recognizer.demonymStems(lemma) }
            else { continue }
            if stems.contains(where: { stem in Lexicon.cityNameEndings.contains { stem + $0 == name } }) { return true }
        }
        return false
    }

    func references(in c: Clause) -> [Int] {
        var out: [Int] = []
        let w = c.words
        for i in w.indices where w[i].isWord {
            if derivesFromTheCity(w[i]) { out.append(i); continue }
            let x = w[i]
            if x.isAny(ReporterForms.administration), i + 1 < w.count,
               w[i + 1].isAny(["города", "г"]),
               !(i + 2 < w.count && w[i + 2].isCapitalized) && !(i + 3 < w.count && w[i + 2].isText(".") && w[i + 3].isCapitalized) {
                out.append(i); continue
            }
            if x.isAny(ReporterForms.our), i + 1 < w.count, w[i + 1].starts(with: "город") {
                out.append(i)
            }
        }
        return out
    }
}
