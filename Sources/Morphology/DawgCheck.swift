/// Load-time checks of a dawg file, so that a damaged dictionary fails at once with the file's
/// name instead of answering wrongly, or walking in circles (`complete` follows guide labels:
/// siblings whose labels went round in a circle never end).
///
/// What dawgdic writes, and these check: the file is exactly its units and its guide; every
/// first-child label of the guide leads to a unit that has that label; and a unit's next
/// sibling has a greater label than its own (children are stored in label order), which is what
/// makes every sibling chain end. A pass over the units, a few milliseconds for `words.dawg`.
enum DawgCheck {
    static func validate(units: DawgUnits, guide: DawgGuide, fileSize: Int, path: String) throws(MorphologyError) {
        guard guide.size == units.size else { throw .corrupt(path, "guide and units differ in size") }
        let expected = units.end + 4 + 2 * guide.size
        guard expected == fileSize else {
            throw .corrupt(path, "\(fileSize) bytes where its header says \(expected)")
        }
        for j in 0..<units.size {
            let unit = units.unit(j)
            if unit & (1 << 31) != 0 { continue }  // a leaf holds a value, not a label
            let child = guide.child(j)
            if child != 0 && units.follow(child, j) == nil {
                throw .corrupt(path, "unit \(j) has no child labelled \(child)")
            }
            let sibling = guide.sibling(j)
            if sibling != 0 && sibling <= UInt8(unit & 0xFF) {
                throw .corrupt(path, "unit \(j): siblings out of order")
            }
        }
    }

    /// A dawg without completion (`IntDawg`): the units and the guide dawgdic writes after them
    /// fill the file exactly.
    static func validateSize(file: MappedFile, units: DawgUnits, path: String) throws(MorphologyError) {
        let guide = try DawgGuide(file: file, at: units.end, path: path)
        try validate(units: units, guide: guide, fileSize: file.count, path: path)
    }
}
