import Documents
import Foundation
import Gazetteer
import KnowledgeGraph
import Morphology
import Parsing
import RussianText

/// What extraction made of one document.
public struct DocumentExtraction: Sendable {
    public var document: Document
    /// The document's own graph: its nodes with their mentions, its edges with evidence.
    public var graph: Graph
    /// One line per edge: the rule that produced it, the edge id, the sentence.
    public var explanations: [String]
}

/// Turns a report into graph facts: recognises places, organisations, people and events,
/// applies the relation rules, and keeps every fact's evidence.
public struct Extractor: Sendable {
    public let gazetteer: Gazetteer
    public let analyzer: MorphAnalyzer
    /// Natasha's models: each sentence's named entities (people the name tables do not know),
    /// and its syntax. Without them extraction reads the morphology alone.
    public let models: NatashaModels?
    let normalizer: PhraseNormalizer
    let headForms: HeadForms
    /// Whether each extraction lists the rule and tree path behind every edge (`--explain`);
    /// off, no line is built.
    public var collectsExplanations = true

    public init(gazetteer: Gazetteer, analyzer: MorphAnalyzer, models: NatashaModels? = nil) {
        self.gazetteer = gazetteer
        self.analyzer = analyzer
        self.models = models
        self.normalizer = PhraseNormalizer(analyzer: analyzer)
        self.headForms = HeadForms(analyzer: analyzer)
    }

    /// The extractor over the bundled gazetteer, the installed dictionary and Natasha's models.
    public static func standard(dictionary: String? = nil, models: String? = nil) throws -> Extractor {
        let analyzer = try MorphAnalyzer(dictionaryDirectory: try MorphAnalyzer.locateDictionary(dictionary))
        return Extractor(gazetteer: try Gazetteer.bundled(), analyzer: analyzer, models: try NatashaModels(directory: models))
    }

    /// Extracts one document. `documentID` is the file name without its extension. The reporting
    /// city is the one the first line names ("ОМСК"); the year is the heading's, else the one the
    /// text names most.
    public func extract(text: String, documentID: String, path: String, sha256: String) -> DocumentExtraction {
        let scalars = ScalarText(text)
        let clauses = Structure.clauses(SentenceSplitter.sentences(scalars.indexed), text: scalars)
        // the Documents stage's reading of a title line, in any form
        let title = TitleReader(gazetteer: gazetteer).read(text: text, titleProperty: nil)
        let year = headingYear(clauses) ?? (title.reporter == nil ? nil : mostNamedYear(clauses))
        let document = Document(id: documentID, path: path, sha256: sha256.isEmpty ? SHA256.hex(Data(text.utf8)) : sha256,
                                reporter: title.reporter, year: year)
        return extract(text: text, scalars: scalars, clauses: clauses, document: document, titleLine: title.line)
    }

    /// Extracts a document the Documents stage has read: `document` carries its id, paths,
    /// sha256, format and title, and the reporting city and year its title named (or the user
    /// gave). A nil `reporter` means the document has none; a nil `year` is found in the text
    /// (the heading's, else the one named most). `titleLine` is where the title stands in the text
    /// (Unicode scalars); a reporter named only there gets it as its mention.
    public func extract(text: String, document: Document, titleLine: Range<Int>?) -> DocumentExtraction {
        let scalars = ScalarText(text)
        let clauses = Structure.clauses(SentenceSplitter.sentences(scalars.indexed), text: scalars)
        var document = document
        // a report's year is its heading's, else the one it names most; a text that reports for
        // no city (news) has no year of its own: each fact takes the date its sentence gives
        if document.year == nil {
            document.year = headingYear(clauses) ?? (document.reporter == nil ? nil : mostNamedYear(clauses))
        }
        return extract(text: text, scalars: scalars, clauses: clauses, document: document, titleLine: titleLine)
    }

    private func extract(text: String, scalars: ScalarText, clauses: [Clause], document: Document,
                         titleLine: Range<Int>?) -> DocumentExtraction {
        let documentID = document.id
        let recognizer = Recognizer(gazetteer: gazetteer, analyzer: analyzer, normalizer: normalizer,
                                    text: scalars, documentID: documentID, headForms: headForms)
        let reporter = document.reporter, reportYear = document.year
        var nodes: [String: NodeDraft] = [:]
        var facts: [ClauseFacts] = []
        let reporterForms = reporter.flatMap { id in gazetteer.place(id: id) }.map { ReporterForms(name: $0.name, analyzer: analyzer) }
        let parses = models?.parse(sentences: clauses.map { $0.words.map(\.text) })
        for (k, c) in clauses.enumerated() {
            var f = ClauseFacts(clause: c)
            // names of two words or more from the model first ("Юсуф Зия Йылмаз" whole), then the
            // name rules on the rest
            let modelNames = parses.map { recognizer.namedPeople(in: c, parse: $0[k], known: [], nodes: &nodes, minimumWords: 2) } ?? []
            f.people = (modelNames + recognizer.people(in: c, excluding: Set(modelNames.flatMap { Array($0.first...$0.last) }), nodes: &nodes))
                .sorted { $0.first < $1.first }
            let taken = Set(f.people.flatMap { Array($0.first...$0.last) })
            f.places = recognizer.places(in: c, taken: taken, nodes: &nodes)
            // the model's names, where neither the name rules nor the gazetteer read the words
            if let parse = parses?[k] {
                f.tree = SyntaxTree(parse)
                f.places += recognizer.namedPlaces(in: c, parse: parse, known: f.people + f.places, nodes: &nodes)
                f.places.sort { $0.first < $1.first }
                f.people += recognizer.namedPeople(in: c, parse: parse, known: f.people + f.places, nodes: &nodes)
                f.people.sort { $0.first < $1.first }
            }
            f.places += recognizer.derivedPlaces(in: c, known: f.people + f.places, nodes: &nodes)
            f.places.sort { $0.first < $1.first }
            if let tree = f.tree { f.places = f.places.map { recognizer.addingContextCase($0, in: c, tree: tree) } }
            // the model's and the derived places join the enumerations of the others
            f.places = recognizer.inheritingPrepositions(c, f.places)
            let takenByPeople = Set(f.people.flatMap { Array($0.first...$0.last) })
            let signing = c.has("подпис") || c.has("заключ")
                || c.has("намерени")
            // Places may stand inside the names of organisations and events ("палате Магдебурга",
            // "Форум … России и Казахстана"), people may not.
            let placeWords = Set(f.places.flatMap { Array($0.first...$0.last) })
            f.phrases = recognizer.phrases(in: c, taken: takenByPeople, placeWords: placeWords, signing: signing, nodes: &nodes)
            f.dates = Dates.find(in: c, reportYear: reportYear)
            if let reporterForms { f.reporterWords = reporterForms.references(in: c) }
            facts.append(f)
        }
        // The reporting city is a node even when the report names it only in its heading.
        let headingLine = titleLine.map { (text: scalars.slice($0.lowerBound, $0.upperBound), start: $0.lowerBound, end: $0.upperBound) }
            ?? scalars.firstLine()
        if let reporter, nodes[reporter] == nil, let place = gazetteer.place(id: reporter), let line = headingLine {
            register(&nodes, id: reporter, type: .city, name: place.name, surface: line.text,
                     span: Span(document: documentID, start: line.start, end: line.end, text: line.text),
                     attributes: recognizer.attributes(of: place))
        }
        joinInflectedPlaces(&nodes, &facts)
        joinAbbreviations(&nodes, &facts)
        let rules = RelationRules(analyzer: analyzer, documentID: documentID, reporter: reporter, reportYear: reportYear, facts: facts)
        var drafts = rules.all()
        // the tree paths only where someone reads them
        if collectsExplanations { drafts = rules.withTreePaths(drafts) }
        drafts += locatedIn(facts, nodes: nodes, documentID: documentID)
        retypePartnerDistricts(&nodes, &drafts)

        var edges: [String: Edge] = [:]
        var explanations: [String] = []
        for d in drafts where nodes[d.source] != nil && nodes[d.target] != nil && d.source != d.target {
            let e = Edge(type: d.type, source: d.source, target: d.target, attributes: d.attributes,
                         evidence: scalars.exactSlices(d.evidence))
            if var old = edges[e.id] {
                old.evidence = (old.evidence + e.evidence).sortedUnique()
                for (k, v) in e.attributes where old.attributes[k] == nil { old.attributes[k] = v }
                edges[e.id] = old
            } else {
                edges[e.id] = e
            }
            if collectsExplanations {
                explanations.append("\(d.rule)\t\(e.id)\t\(d.evidence.map(\.text).joined(separator: " | "))"
                    + (d.path.isEmpty ? "" : "\t\(d.path)"))
            }
        }
        let graphNodes = nodes.values.map { d in
            Node(id: d.id, type: d.type, name: d.name, aliases: d.aliases.filter { $0 != d.name }.sortedUnique(),
                 attributes: d.attributes, mentions: scalars.exactSlices(d.mentions))
        }
        let graph = Graph(documents: [document], nodes: graphNodes, edges: Array(edges.values)).sorted()
        return DocumentExtraction(document: document, graph: graph, explanations: explanations.sorted())
    }

    /// The year the document's heading names (its first three clauses, if headings), or nil.
    func headingYear(_ clauses: [Clause]) -> Int? {
        for c in clauses.prefix(3) where c.isHeading {
            if let y = c.words.compactMap(Dates.year).first { return y }
        }
        return nil
    }

    /// The year a text names most often (the later of equals).
    func mostNamedYear(_ clauses: [Clause]) -> Int? {
        var counts: [Int: Int] = [:]
        for c in clauses { for w in c.words { if let y = Dates.year(w) { counts[y, default: 0] += 1 } } }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
