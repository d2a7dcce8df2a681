import Foundation

/// Why the morphological dictionary could not be found or read. Every message says what to do.
public enum MorphologyError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No dictionary at any of the places looked at.
    case dictionaryNotFound(searched: [String])
    /// A file the dictionary needs is missing.
    case missingFile(String)
    /// A file exists but cannot be read.
    case unreadable(String, String)
    /// A file is not in the expected format.
    case corrupt(String, String)

    public var description: String {
        switch self {
        case .dictionaryNotFound(let searched):
            return "OpenCorpora dictionary not found (looked in: \(searched.joined(separator: ", "))); "
                + "run `make setup` (scripts/setup.sh) to install it, or pass --dict PATH / set TWINGRAPH_DICT"
        case .missingFile(let path):
            return "dictionary file \(path) is missing; re-run `make setup` (scripts/setup.sh) to reinstall the dictionary"
        case .unreadable(let path, let why):
            return "cannot read dictionary file \(path) (\(why)); check its permissions or re-run `make setup` (scripts/setup.sh)"
        case .corrupt(let path, let why):
            return "dictionary file \(path) is damaged (\(why)); delete the dictionary folder and re-run `make setup` (scripts/setup.sh)"
        }
    }
}
