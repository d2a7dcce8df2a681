import ArgumentParser
import Foundation

/// Exit codes: 0 success, 1 a failure (a file that could not be read, a render that failed),
/// 2 a usage error (unknown option, layout or format).
@main
struct Main {
    static func main() {
        Output.prepareStandardDescriptors()
        if let message = DidYouMean.unknownSubcommand(Array(CommandLine.arguments.dropFirst())) {
            printError("twingraph: error: \(message)")
            Foundation.exit(2)
        }
        var command: ParsableCommand
        do {
            command = try TwinGraph.parseAsRoot()
        } catch {
            fail(error)
        }
        do {
            try command.run()
        } catch let error as ValidationError {
            // Thrown while running (an unknown --via name, say): parsing is over, so the usage
            // line ArgumentParser would add is the root's, which says nothing; the message does.
            printError("twingraph: error: \(error.message)")
            Foundation.exit(2)
        } catch {
            fail(error)
        }
    }

    /// Ends the process for an error from parsing or running: ArgumentParser's own output for
    /// help, version and parse errors, our message for the rest.
    static func fail(_ error: Error) -> Never {
        let code = TwinGraph.exitCode(for: error)
        if code == .success {
            TwinGraph.exit(withError: error)
        }
        if let failure = error as? CLIFailure {
            if !failure.message.isEmpty { printError("twingraph: error: \(failure.message)") }
            Foundation.exit(failure.exitCode)
        }
        if code == .validationFailure || error is ValidationError {
            printError(TwinGraph.fullMessage(for: error))
            Foundation.exit(2)
        }
        if error is ExitCode {
            TwinGraph.exit(withError: error)
        }
        printError("twingraph: error: \(error)")
        Foundation.exit(1)
    }
}

extension TwinGraph {
    /// `twingraph --version`.
    static let version = "0.1.0"
}

struct TwinGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twingraph",
        abstract: "Turn Russian municipal reports on international activity into a knowledge graph.",
        discussion: """
        Reads annual reports (twin cities, delegations, agreements, forums), extracts places, \
        organisations, people, events and the relations between them with the sentences that \
        prove them, and draws the result with Graphviz.
        """,
        version: TwinGraph.version,
        subcommands: [
            Extract.self, TextCommand.self, Render.self, Draw.self, Appendix.self, Morph.self, ParseCommand.self, Bench.self,
            Ingest.self, Remove.self, DocumentsCommand.self, Export.self,
            PathCommand.self, Neighbours.self, Partners.self, Common.self, Rank.self, Components.self,
            Timeline.self, Stats.self, SearchCommand.self, Correct.self, Serve.self,
        ]
    )
}

/// A failure already explained to the user; `exitCode` 1 unless said otherwise.
struct CLIFailure: Error {
    var message: String
    var exitCode: Int32 = 1
}

/// Writes `data` to `path`, or to stdout when `path` is nil or "-".
func writeOutput(_ data: Data, to path: String?) throws {
    if let path, path != "-" {
        try Output.file(data, to: path)
    } else {
        try Output.standardOutput(data)
    }
}

/// Messages go to stderr; one that cannot be written is dropped (there is nowhere to say so).
func printError(_ message: String) {
    printError(message, newline: true)
}
