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

    /// The lemmatizer of the search index for a command that stores documents; without a
    /// dictionary they are stored unindexed (with a warning) and indexed by a later ingest.
    static func indexTerms(dictionary: String? = nil) -> SearchTerms? {
        do { return try terms(dictionary: dictionary) } catch {
            let message = (error as? CLIFailure)?.message ?? "\(error)"
            printError("twingraph: warning: documents stored now are not indexed for search: \(message)")
            return nil
        }
    }
}
