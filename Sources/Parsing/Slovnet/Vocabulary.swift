/// A slovnet vocabulary: items in id order, unknown items mapped to `<unk>`.
struct Vocabulary: Sendable {
    let items: [String]
    private let ids: [String: Int32]
    let unknownID: Int32
    let paddingID: Int32?

    init(lines: [String]) {
        items = lines
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(lines.count)
        // Python's dict comprehension keeps the last id of a repeated item; so does this.
        for (id, item) in lines.enumerated() { ids[item] = Int32(id) }
        self.ids = ids
        unknownID = ids["<unk>"] ?? 0
        paddingID = ids["<pad>"]
    }

    func encode(_ item: String) -> Int32 { ids[item] ?? unknownID }

    var count: Int { items.count }
}
