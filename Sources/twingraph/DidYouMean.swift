import ArgumentParser
import KnowledgeGraph

/// "Did you mean" for a misspelt subcommand (`twingraph partnrs Омск`, `twingraph draw netwrok`):
/// ArgumentParser suggests options itself, but reads an unknown subcommand as unexpected
/// arguments of the parent.
enum DidYouMean {
    /// The error for `arguments` (without the program name) when a word where a subcommand
    /// belongs names none; nil when the arguments are fine or the mistake is another one.
    static func unknownSubcommand(_ arguments: [String], root: ParsableCommand.Type = TwinGraph.self) -> String? {
        var command: ParsableCommand.Type = root
        var path = [root._commandName]
        for word in arguments {
            let children = command.configuration.subcommands
            guard !children.isEmpty, !word.hasPrefix("-") else { return nil }
            if let child = children.first(where: { names(of: $0).contains(word) }) {
                command = child
                path.append(child._commandName)
                continue
            }
            // `help` is ArgumentParser's own subcommand, everywhere.
            if word == "help" { return nil }
            var known: [String] = [], all: [String] = []
            for child in children {
                known.append(child._commandName)
                all += names(of: child)
            }
            let suggestion = closest(to: word, among: all)
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "unknown command '\(word)' for '\(path.joined(separator: " "))'\(hint)\n" +
                "commands: \(known.joined(separator: ", ")); see '\(path.joined(separator: " ")) --help'"
        }
        return nil
    }

    static func names(of command: ParsableCommand.Type) -> [String] {
        [command._commandName] + command.configuration.aliases
    }

    /// The name fewest edits from `word` (ties: the first), if close enough to be a slip: at most
    /// a third of its letters, or `word` starts it.
    static func closest(to word: String, among names: [String]) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for name in names {
            let d = NameResolver.editDistance(w, Array(name.unicodeScalars))
            if best.map({ d < $0.distance }) ?? true { best = (name, d) }
        }
        if let best, best.distance <= max(1, w.count / 3) { return best.name }
        return names.first { $0.hasPrefix(word.lowercased()) && word.count >= 2 }
    }
}
