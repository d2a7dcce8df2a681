/// Why the models could not be loaded. Every case names the file and says how to get it back.
public struct ModelError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file (or folder) at fault.
    public let path: String
    /// What is wrong with it.
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        "\(path): \(problem); run scripts/setup.sh to fetch Natasha's models (or set TWINGRAPH_MODELS to the folder that holds them)"
    }
}
