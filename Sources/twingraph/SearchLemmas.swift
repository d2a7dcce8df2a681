import Foundation
import KnowledgeGraph
import Morphology

/// The terms the search index and `search` compare: every lemma the Morphology dictionary
/// gives a word ("стали" is "стать" or "сталь"; either finds the sentence).
enum SearchLemmas {
    /// Lemmas from the dictionary in `dictionary` (default: $TWINGRAPH_DICT or the installed one).
    static func terms(dictionary: String? = nil) throws -> SearchTerms {
        let analyzer: MorphAnalyzer
        do {
            analyzer = try MorphAnalyzer(dictionaryDirectory: MorphAnalyzer.locateDictionary(dictionary))
        } catch {
            throw CLIFailure(message: "\(error)")
        }
        return SearchTerms { word in
            let lemmas = analyzer.parse(word).map { NameResolver.normalize($0.normalForm) }.filter { !$0.isEmpty }
            return lemmas.isEmpty ? [word] : lemmas.sortedUnique()
        }
    }
}
