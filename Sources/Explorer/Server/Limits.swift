/// What one request may cost. The pages and the API share these bounds.
enum Limits {
    /// The longest request line accepted (path and query, in bytes); longer ones get 414.
    static let maximumURILength = 4096
    /// The longest request body accepted: no endpoint reads one, so any body is refused (413).
    static let maximumBodyBytes = 0
    /// The longest name or search text.
    static let maximumTextLength = 200
    /// Paths: at most this many alternatives (`k`), this many hops, this many shortest paths.
    static let maximumPaths = 10
    static let maximumHops = 12
    static let maximumShortestPaths = 50
    /// Ego networks: at most this many hops.
    static let maximumDepth = 3
    /// Search: at most this many nodes and this many evidence sentences.
    static let maximumSearchResults = 50
    /// A path search or ranking that takes longer is abandoned with 503.
    static let pathTimeLimitSeconds = 5.0
    /// Drawings (Graphviz layouts) kept for reuse, per kind of picture and filters.
    static let cachedDrawings = 64
}
