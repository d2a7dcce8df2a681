import Foundation

/// Natasha's news models — navec embeddings and slovnet's NER, morphology tagger and
/// dependency parser — loaded from the tar files `scripts/setup.sh` unpacks.
///
/// The loaded models are immutable and `Sendable`: one instance can serve any number of
/// threads at once. Each call works on its own buffers.
///
/// ```swift
/// let models = try NatashaModels()                      // $TWINGRAPH_MODELS or ~/.local/share/twingraph/natasha
/// let sentence = models.parse(["Мэр", "Омска", "посетил", "Пекин", "."])
/// sentence.tokens[3].entity      // B-LOC
/// sentence.tokens[2].relation    // root
/// ```
public struct NatashaModels: Sendable {
    /// The file names inside the models folder.
    public static let navecFile = "navec_news_v1_1B_250K_300d_100q.tar"
    public static let nerFile = "slovnet_ner_news_v1.tar"
    public static let morphFile = "slovnet_morph_news_v1.tar"
    public static let syntaxFile = "slovnet_syntax_news_v1.tar"

    /// How many tokens one batch may hold: the first-layer cache of a batch grows with its
    /// distinct words, so the batch size bounds memory.
    static let tokensPerBatch = 20_000

    /// The navec embeddings the three models share.
    public let navec: NavecEmbeddings
    let words: WordTable
    let unknownWordID: Int32
    let shapes: Vocabulary
    let ner: TaggerModel<NERHead>
    let morph: TaggerModel<MorphHead>
    let syntax: TaggerModel<SyntaxHeads>
    let nerTags: [EntityTag]
    let morphTags: [(upos: String, features: [String: String])]
    let relations: [String]
    /// How the first convolution is computed; the two give the same results up to float rounding.
    public var firstLayer: FirstLayerPath = .cachedProjections

    /// Where `scripts/setup.sh` puts the models: `$TWINGRAPH_MODELS`, else
    /// `$XDG_DATA_HOME/twingraph/natasha`, else `~/.local/share/twingraph/natasha`.
    public static func defaultDirectory() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["TWINGRAPH_MODELS"], !explicit.isEmpty { return explicit }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (data as NSString).appendingPathComponent("twingraph/natasha")
    }

    /// Loads the four models from `directory` (default: `defaultDirectory()`).
    public init(directory: String? = nil) throws(ModelError) {
        let folder = directory ?? Self.defaultDirectory()
        func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        navec = try NavecEmbeddings(path: file(Self.navecFile))
        let nerPack = try SlovnetPack(path: file(Self.nerFile))
        let morphPack = try SlovnetPack(path: file(Self.morphFile))
        let syntaxPack = try SlovnetPack(path: file(Self.syntaxFile))
        // The three packs carry the same word and shape vocabularies (navec's words): read them once,
        // and check the others agree, since word ids index navec's vectors.
        let wordBytes = try nerPack.vocabularyLines("word")
        let shapeBytes = try nerPack.vocabularyLines("shape")
        for pack in [morphPack, syntaxPack] {
            guard try pack.vocabularyLines("word") == wordBytes, try pack.vocabularyLines("shape") == shapeBytes else {
                throw ModelError(path: pack.path, problem: "its vocabularies differ from \(Self.nerFile)'s (mismatched model versions)")
            }
        }
        // Normally the packs' word list is navec's, byte for byte: then navec's table serves.
        words = wordBytes == navec.words.text ? navec.words : WordTable(text: wordBytes)
        guard words.count == navec.vectors.count, let unknown = words.id(of: "<unk>") else {
            throw ModelError(path: nerPack.path, problem: "its vocabulary has \(words.count) words for navec's \(navec.vectors.count), or no <unk>")
        }
        unknownWordID = Int32(unknown)
        shapes = Vocabulary(lines: splitLines(shapeBytes[...]))
        ner = try TaggerModel(pack: nerPack, navec: navec, head: NERHead(pack: nerPack))
        morph = try TaggerModel(pack: morphPack, navec: navec, head: MorphHead(pack: morphPack))
        syntax = try TaggerModel(pack: syntaxPack, navec: navec, head: SyntaxHeads(pack: syntaxPack))
        nerTags = splitLines(try nerPack.vocabularyLines("tag")[...]).map(EntityTag.init)
        morphTags = splitLines(try morphPack.vocabularyLines("tag")[...]).map { tag in
            let parts = tag.split(separator: "|", omittingEmptySubsequences: false)
            var features: [String: String] = [:]
            for part in parts.dropFirst() {
                if let eq = part.firstIndex(of: "=") { features[String(part[..<eq])] = String(part[part.index(after: eq)...]) }
            }
            return (String(parts.first ?? ""), features)
        }
        relations = splitLines(try syntaxPack.vocabularyLines("rel")[...])
        guard nerTags.count == ner.head.projection.outputs, morphTags.count == morph.head.projection.outputs,
              relations.count == syntax.head.relationCount else {
            throw ModelError(path: folder, problem: "a tag vocabulary does not match its model")
        }
    }

    /// Word and shape ids, as slovnet's encoder computes them (the word lowercased).
    func encode(_ words: [String]) -> EncodedSentence {
        EncodedSentence(wordIDs: words.map { self.words.id(of: $0.lowercased()).map(Int32.init) ?? unknownWordID },
                        shapeIDs: words.map { shapes.encode(WordShape.of($0)) })
    }

    /// Parses one tokenised sentence with the three models. An empty sentence gives an empty result.
    public func parse(_ words: [String]) -> ParsedSentence {
        parse(sentences: [words])[0]
    }

    /// Parses tokenised sentences with the three models, in order. Sentences are processed in
    /// batches so that each distinct word's first-layer projection is computed once per batch;
    /// a long text's batches are parsed on up to `threads` threads at once (each batch is
    /// independent, so the result is the same whatever the number of threads).
    public func parse(sentences: [[String]], threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> [ParsedSentence] {
        parse(sentences: sentences, threads: threads, tokensPerBatch: Self.tokensPerBatch)
    }

    func parse(sentences: [[String]], threads: Int, tokensPerBatch: Int) -> [ParsedSentence] {
        let batches = Self.batches(of: sentences.map(\.count), tokensPerBatch: tokensPerBatch)
        guard batches.count > 1, threads > 1 else { return batches.flatMap { parseBatch(sentences[$0]) } }
        let parsed = ParsedBatches(count: batches.count)
        let workers = min(threads, batches.count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for k in stride(from: w, to: batches.count, by: workers) { parsed.store(parseBatch(sentences[batches[k]]), at: k) }
        }
        return parsed.inOrder()
    }

    /// Consecutive runs of sentences of at most `tokensPerBatch` tokens in all (a longer
    /// sentence is a batch of its own).
    static func batches(of tokenCounts: [Int], tokensPerBatch: Int = tokensPerBatch) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        while start < tokenCounts.count {
            var end = start, tokens = 0
            while end < tokenCounts.count && (end == start || tokens + tokenCounts[end] <= tokensPerBatch) {
                tokens += tokenCounts[end]
                end += 1
            }
            out.append(start..<end)
            start = end
        }
        return out
    }

    private func parseBatch(_ sentences: ArraySlice<[String]>) -> [ParsedSentence] {
        let encoded = sentences.map(encode)
        var batch = ProjectionBatch(sentences: encoded, path: firstLayer)
        batch.project(ner.encoder, morph.encoder, syntax.encoder)
        return encoded.indices.map { i in
            let sentence = encoded[i]
            let count = sentence.count
            let entityIDs = ner.head.decode(batch.encode(i, with: ner.encoder, model: 0), count: count)
            let tagIDs = morph.head.decode(batch.encode(i, with: morph.encoder, model: 1), count: count)
            let (heads, relationIDs) = syntax.head.decode(batch.encode(i, with: syntax.encoder, model: 2), count: count)
            let forms = sentences[sentences.startIndex + i]
            return ParsedSentence(tokens: (0..<count).map { t in
                let tag = morphTags[tagIDs[t]]
                return ParsedToken(form: forms[t], upos: tag.upos, features: tag.features, head: heads[t],
                                   relation: relations[relationIDs[t]], entity: nerTags[entityIDs[t]])
            })
        }
    }
}

/// A model's encoder and its head.
struct TaggerModel<Head: Sendable>: Sendable {
    let encoder: CNNEncoder
    let head: Head

    init(pack: SlovnetPack, navec: NavecEmbeddings, head: Head) throws(ModelError) {
        encoder = try CNNEncoder(pack: pack, navec: navec)
        self.head = head
    }
}

/// The distinct words of a batch of sentences and, per model, their first-layer projections.
struct ProjectionBatch {
    let sentences: [EncodedSentence]
    let path: FirstLayerPath
    /// For each sentence, each token's row among the distinct words.
    var slots: [[Int32]] = []
    var distinctWords: [Int32] = []
    var projections: [[Float]] = []

    init(sentences: [EncodedSentence], path: FirstLayerPath) {
        self.sentences = sentences
        self.path = path
        guard path == .cachedProjections else { return }
        var row: [Int32: Int32] = [:]
        slots = sentences.map { sentence in
            sentence.wordIDs.map { id in
                if let r = row[id] { return r }
                let r = Int32(distinctWords.count)
                row[id] = r
                distinctWords.append(id)
                return r
            }
        }
    }

    mutating func project(_ encoders: CNNEncoder...) {
        guard path == .cachedProjections else { return }
        projections = encoders.map { $0.projectWords(distinctWords) }
    }

    func encode(_ index: Int, with encoder: CNNEncoder, model: Int) -> [Float] {
        switch path {
        case .plain: encoder.encode(sentences[index])
        case .cachedProjections: encoder.encode(sentences[index], projections: projections[model], slots: slots[index])
        }
    }
}

/// The parsed batches of one text, filled in from several threads.
private final class ParsedBatches: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[ParsedSentence]]

    init(count: Int) { batches = Array(repeating: [], count: count) }

    func store(_ batch: [ParsedSentence], at index: Int) { lock.withLock { batches[index] = batch } }

    func inOrder() -> [ParsedSentence] { lock.withLock { batches.flatMap { $0 } } }
}
