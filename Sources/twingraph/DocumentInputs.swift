import ArgumentParser
import Documents
import Extraction
import Foundation
import Gazetteer
import KnowledgeGraph

extension TextEncoding: ExpressibleByArgument {
    /// The option names ("utf8", "cp1251") and the usual spellings ("utf-8", "windows-1251",
    /// "koi8-r", "UTF-16"), in any case.
    public init?(argument: String) {
        let key = argument.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        switch key {
        case "utf8": self = .utf8
        case "utf16": self = .utf16
        case "cp1251", "windows1251": self = .cp1251
        case "koi8r", "koi8": self = .koi8r
        default: return nil
        }
    }
}

/// `--lenient`, for every command that reads documents.
func validateLenient(_ lenient: Bool, _ encoding: TextEncoding?) throws {
    if lenient, let encoding, encoding != .utf8 {
        throw ValidationError("--lenient applies to UTF-8 text; --encoding \(encoding.optionName) has no invalid sequences to replace")
    }
}

/// How `extract` and `ingest` read documents: folders, encoding, and the reporting city and year
/// when the title does not say them.
struct DocumentOptions: ParsableArguments {
    @Option(help: "Force the encoding of plain-text files: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")).")
    var encoding: TextEncoding?

    @Flag(help: "Read invalid UTF-8 sequences as U+FFFD (with a warning that counts them) instead of failing.")
    var lenient = false

    @Option(help: "The reporting city of every document, in any form (\"Омск\", \"г. Омска\"); overrides the one the title names.")
    var reporter: String?

    @Option(help: "The report year of every document; overrides the one the title names.")
    var year: Int?

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Refuse input files larger than this, before reading them.", valueName: "MB"))
    var maxSize = DocumentReader.defaultMaximumSize / 1_000_000

    /// `--max-size` in bytes.
    var maximumBytes: Int { maxSize.multipliedReportingOverflow(by: 1_000_000).overflow ? Int.max : maxSize * 1_000_000 }

    @Option(help: "Which files to take from folders, by name (\"*.docx\", \"report-*\"); default: every document format.")
    var glob: String?

    func validate() throws {
        if let year, !(1900...2099).contains(year) { throw ValidationError("--year takes a year from 1900 to 2099") }
        try validateLenient(lenient, encoding)
        if maxSize < 1 { throw ValidationError("--max-size takes a size in MB, 1 or more") }
    }

    /// The gazetteer id of `--reporter`, checked once before any document is read.
    func reporterID(_ gazetteer: Gazetteer) throws -> String? {
        guard let reporter else { return nil }
        if gazetteer.place(id: reporter) != nil { return reporter }
        let reader = TitleReader(gazetteer: gazetteer)
        guard let id = reader.reportingCity(in: reporter) ?? gazetteer.lookup(reporter).first(where: { $0.type == .city })?.id else {
            throw CLIFailure(message: "--reporter \(reporter): no city of that name in the gazetteer; give its Russian name (\"Омск\")", exitCode: 2)
        }
        return id
    }
}

/// Files and folders → documents, one per distinct content; the failures as messages.
func gatherDocuments(_ arguments: [String], options: DocumentOptions) -> (documents: [InputDocument], failures: [String]) {
    let expanded = InputFiles.expand(arguments, glob: options.glob)
    let grouped = InputFiles.documents(expanded.files, maximumSize: options.maximumBytes)
    return (grouped.documents, (expanded.failures + grouped.failures).map(\.description))
}

/// Reads one document through the Documents stage and extracts it. Warnings (a guessed encoding,
/// no reporting city) name the file.
func extractInput(_ input: InputDocument, extractor: Extractor, options: DocumentOptions,
                  reporterID: String?) throws -> (DocumentExtraction, [String]) {
    let read: ReadDocument
    do {
        read = try DocumentReader.read(input.data, path: input.path, encoding: options.encoding, lenient: options.lenient)
    } catch {
        throw CLIFailure(message: error.description)
    }
    let title = TitleReader(gazetteer: extractor.gazetteer).read(text: read.text, titleProperty: read.titleProperty)
    var warnings = read.warnings.map { "\(input.path): warning: \($0)" }
    let reporter = reporterID ?? title.reporter
    if reporter == nil {
        let named = title.title.map { "its title \"\($0.prefix(80))\" names none" } ?? "it has no title line"
        warnings.append("\(input.path): warning: no reporting city: \(named); every fact must name both its places. Pass --reporter CITY if it has one")
    }
    if input.paths.count > 1 {
        warnings.append("\(input.path): note: the same content is also at \(input.paths.dropFirst().joined(separator: ", ")); extracted once")
    }
    let document = Document(id: input.id, path: input.path, sha256: input.sha256, reporter: reporter,
                            year: options.year ?? title.year, format: read.format.rawValue, title: title.title,
                            paths: input.paths)
    let result = extractor.extract(text: read.text, document: document, titleLine: title.line)
    return (result, warnings)
}

struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the text TwinGraph extracts from a document: the text evidence offsets point into.",
        discussion: """
        Any supported format (txt in any encoding, docx, odt, doc, rtf, pdf, html), detected by content. \
        Hard-wrapped lines come out rejoined into paragraphs. The output is exactly the text \
        extraction reads: the `start`/`end` of a mention or evidence in the graph JSON are offsets \
        in Unicode scalars into it. With --heading, the title, reporting city and year found are \
        printed on standard error.

        Example: twingraph text report.docx > report.txt
        """
    )

    @Argument(help: "A document file.")
    var file: String

    @Option(help: "Force the encoding of a plain-text file: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")).")
    var encoding: TextEncoding?

    @Flag(help: "Read invalid UTF-8 sequences as U+FFFD (with a warning that counts them) instead of failing.")
    var lenient = false

    @Flag(help: "Also print the format, title, reporting city and year on standard error.")
    var heading = false

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Refuse a file larger than this, before reading it.", valueName: "MB"))
    var maxSize = DocumentReader.defaultMaximumSize / 1_000_000

    func validate() throws {
        try validateLenient(lenient, encoding)
        if maxSize < 1 || maxSize > Int.max / 1_000_000 { throw ValidationError("--max-size takes a size in MB, 1 or more") }
    }

    func run() throws {
        let read: ReadDocument
        do {
            read = try DocumentReader.read(path: file, encoding: encoding, lenient: lenient, maximumSize: maxSize * 1_000_000)
        } catch {
            throw CLIFailure(message: error.description)
        }
        read.warnings.forEach { printError("\(file): warning: \($0)") }
        try Output.standardOutput(Data(read.text.utf8))
        if heading {
            let gazetteer: Gazetteer
            do { gazetteer = try Gazetteer.bundled() } catch { throw CLIFailure(message: "\(error)") }
            let title = TitleReader(gazetteer: gazetteer).read(text: read.text, titleProperty: read.titleProperty)
            printError("format: \(read.format.rawValue)\ntitle: \(title.title ?? "-")\nreporter: \(title.reporter ?? "-")\nyear: \(title.year.map(String.init) ?? "-")")
        }
    }
}
