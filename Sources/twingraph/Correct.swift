import ArgumentParser
import Foundation
import GraphStore
import KnowledgeGraph

/// Where the corrections are: `--corrections FILE`, else the file the store records, else
/// `<store>-corrections.tsv` beside the store.
struct CorrectionsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The corrections file (tab-separated; see `twingraph correct --help`). Default: the one the store records, else graph-corrections.tsv beside the store; a file given here is recorded in the store.", valueName: "file.tsv"))
    var corrections: String?

    /// The file beside a store: graph.sqlite → graph-corrections.tsv.
    static func besideStore(_ storePath: String) -> String {
        let url = URL(fileURLWithPath: storePath)
        return url.deletingPathExtension().path + "-corrections.tsv"
    }

    /// The corrections file to use with `store` (nil when there is none).
    func path(store: GraphStore?, storePath: String) throws -> String {
        if let corrections { return corrections }
        if let recorded = try store?.setting(GraphStore.correctionsSetting) { return recorded }
        return Self.besideStore(storePath)
    }

    /// Records a file given with --corrections in the store, as an absolute path, so that later
    /// ingests find it.
    func record(in store: GraphStore) throws {
        guard let corrections else { return }
        try store.setSetting(GraphStore.correctionsSetting, to: URL(fileURLWithPath: corrections).standardizedFileURL.path)
    }

    /// The file's corrections; none when it does not exist, unless it `mustExist` (a file the
    /// user named to be read). A file that does not parse fails the command before anything is
    /// changed.
    static func load(_ path: String, mustExist: Bool = false) throws -> CorrectionsFile {
        guard FileManager.default.fileExists(atPath: path) else {
            if mustExist { throw CLIFailure(message: "no corrections file \(path); `twingraph correct … --corrections \(path)` starts one") }
            return CorrectionsFile()
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CLIFailure(message: "\(path): cannot read the corrections file: \(error.localizedDescription)")
        }
        do { return try CorrectionsFile.parse(text) } catch let error as CorrectionsFile.ParseError {
            throw CLIFailure(message: "\(path): \(error.description); fix the line or remove it, nothing was changed")
        }
    }
}

/// `twingraph correct …`: fixes that survive re-extraction.
struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Correct the graph by hand: reject a fact, set an attribute, merge or rename nodes.",
        discussion: """
        Each correction is added to the corrections file (tab-separated, one a line, applied in \
        order) and applied to the store at once; `ingest` and `extract --corrections` apply the \
        file again after every extraction, so the fix survives re-extraction and new versions of \
        TwinGraph. A fact is named by its edge id (the "id" of an edge in `twingraph export`, also \
        listed by `search`); a node by its name (any form) or id. Corrected facts and nodes carry \
        a "corrected" attribute saying what was changed by hand.

        Examples:
          twingraph correct reject 'twinned-with:city/omsk->city/nis@status=established@year=2019'
          twingraph correct set 'visited:person/x->city/y@year=2019' year 2018
          twingraph correct merge Кайфын Кайфэн
          twingraph correct rename person/fadina "Ольга Фадина"
          twingraph correct list
        """,
        subcommands: [CorrectReject.self, CorrectSet.self, CorrectMerge.self, CorrectRename.self, CorrectList.self]
    )
}

/// The store and corrections file every `correct` subcommand takes.
struct CorrectOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var correctionsOptions: CorrectionsOptions

    /// The store when it exists (a correction may be written for a store not yet made).
    func existingStore() throws -> GraphStore? {
        FileManager.default.fileExists(atPath: storeOptions.path) ? try storeOptions.open() : nil
    }

    /// Adds a correction to the file and applies the file to the store.
    func add(_ correction: Correction) throws {
        if let bad = correction.fields.first(where: { $0.contains("\t") || $0.contains("\n") }) {
            throw ValidationError("'\(bad)' holds a tab or a line break, which the corrections file cannot keep")
        }
        let store = try existingStore()
        let path = try correctionsOptions.path(store: store, storePath: storeOptions.path)
        var file = try CorrectionsOptions.load(path)
        if file.corrections.contains(correction) {
            printError("twingraph: \(path) already has \(correction.summary)")
        } else {
            file.corrections.append(correction)
            try Output.file(Data(file.text().utf8), to: path)
            printError("twingraph: \(correction.summary) written to \(path)")
        }
        guard let store else {
            printError("twingraph: no store at \(storeOptions.path) yet; `ingest` will apply the corrections")
            return
        }
        try correctionsOptions.record(in: store)
        let updated = try Self.apply(file, to: store)
        printError("twingraph: \(updated) stored document\(updated == 1 ? "" : "s") corrected in \(store.path)")
    }

    /// Re-stores every document whose contribution the corrections change; returns how many.
    static func apply(_ file: CorrectionsFile, to store: GraphStore) throws -> Int {
        var store = store
        store.searchTerms = SearchLemmas.indexTerms()
        var updated = 0
        do {
            for part in try store.contributions() {
                guard let document = part.documents.first else { continue }
                let corrected = file.apply(to: part)
                if corrected != part, try store.ingest(document: document, graph: corrected) != .unchanged { updated += 1 }
            }
        } catch let error as GraphStoreError {
            throw CLIFailure(message: error.description)
        }
        try keepQuerySnapshot(store)
        return updated
    }

    /// The fact `id` names in the store, or a failure naming the closest ids.
    func checkFact(_ id: String, in store: GraphStore?) throws {
        guard let store else { return }
        let edges = try store.queryGraph().graph.edges
        if edges.contains(where: { $0.id == id }) { return }
        let key = id.split(separator: "@").first.map(String.init) ?? id
        let close = edges.map(\.id).filter { $0.hasPrefix(key) || $0.contains(key) }.prefix(5)
        let hint = close.isEmpty ? "`twingraph export` or `twingraph search` lists the edge ids" : "facts with ids like it:\n  " + close.joined(separator: "\n  ")
        throw CLIFailure(message: "the store has no fact \(id); \(hint)")
    }

    /// The node `name` means in the store; nil without a store (the name is then taken as an id).
    func node(_ name: String, in store: GraphStore?) throws -> Node? {
        guard let store else { return nil }
        let queries = GraphQueries(graph: try store.queryGraph().graph)
        let node = try answering { try queries.node(named: name) }
        if node.id != name { printError("twingraph: \"\(name)\" is \(node.name) (\(node.id))") }
        return node
    }
}

struct CorrectReject: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Leave a wrong fact out, now and after every extraction.")

    @Argument(help: "The fact's edge id.")
    var fact: String

    @OptionGroup var options: CorrectOptions

    func run() throws {
        try options.checkFact(fact, in: try options.existingStore())
        try options.add(.reject(fact: fact))
    }
}

struct CorrectSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change an attribute of a fact: \(Correction.settableKeys.joined(separator: ", ")).")

    @Argument(help: "The fact's edge id.")
    var fact: String

    @Argument(help: ArgumentHelp("The attribute: \(Correction.settableKeys.joined(separator: ", ")).", valueName: "key"))
    var key: String

    @Argument(help: "Its value (a year for year and since).")
    var value: String

    @OptionGroup var options: CorrectOptions

    func validate() throws {
        do { _ = try CorrectionsFile.correction(["set", fact, key, value]) } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        try options.checkFact(fact, in: try options.existingStore())
        try options.add(.set(fact: fact, key: key, value: value))
    }
}

struct CorrectMerge: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Make two nodes one: the second's names and facts go to the first.")

    @Argument(help: "The node kept (name or id).")
    var kept: String

    @Argument(help: "The node merged into it (name or id).")
    var merged: String

    @OptionGroup var options: CorrectOptions

    func run() throws {
        let store = try options.existingStore()
        let keptNode = try options.node(kept, in: store), mergedNode = try options.node(merged, in: store)
        let keptID = keptNode?.id ?? kept, mergedID = mergedNode?.id ?? merged
        guard keptID != mergedID else { throw CLIFailure(message: "\(kept) and \(merged) are the same node (\(keptID))", exitCode: 2) }
        try options.add(.merge(kept: keptID, merged: mergedID, keptName: keptNode?.name))
    }
}

struct CorrectRename: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Give a node another name (the old one stays as an alias).")

    @Argument(help: "The node (name or id).")
    var node: String

    @Argument(help: "Its new name.")
    var name: String

    @OptionGroup var options: CorrectOptions

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give the new name") }
    }

    func run() throws {
        let id = try options.node(node, in: try options.existingStore())?.id ?? node
        try options.add(.rename(node: id, name: name.trimmingCharacters(in: .whitespaces)))
    }
}

struct CorrectList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the corrections in effect, one a line (tab-separated).")

    @OptionGroup var options: CorrectOptions

    func run() throws {
        let store = try options.existingStore()
        let path = try options.correctionsOptions.path(store: store, storePath: options.storeOptions.path)
        let file = try CorrectionsOptions.load(path)
        printError("twingraph: \(file.corrections.count) correction\(file.corrections.count == 1 ? "" : "s") in \(path)")
        try writeOutput(Data(file.corrections.map { ([$0.verb] + $0.fields).joined(separator: "\t") + "\n" }.joined().utf8), to: nil)
    }
}
