import Foundation

/// A paradigm's word with its prefix and suffix cut off, as pymorphy's `build_stem` does it: lengths
/// are counted in Unicode scalars, slicing follows Python's `s[a:-b]` rules.
@inline(__always)
func stemRange(_ word: UnsafeBufferPointer<UInt8>, dropLeading a: Int, dropTrailing b: Int) -> Range<Int> {
    var start = 0
    var k = 0
    while k < a && start < word.count {
        start += 1
        while start < word.count && word[start] & 0xC0 == 0x80 { start += 1 }
        k += 1
    }
    var end = word.count
    k = 0
    while k < b && end > 0 {
        end -= 1
        while end > 0 && word[end] & 0xC0 == 0x80 { end -= 1 }
        k += 1
    }
    return start < end ? start..<end : start..<start
}

/// One affix string of the dictionary (a paradigm prefix or suffix) kept as UTF-8 bytes, with its
/// length in scalars for Python-compatible slicing.
struct Affix: Sendable {
    let bytes: [UInt8]
    let scalars: Int
    init(_ s: String) {
        bytes = Array(s.utf8)
        scalars = s.unicodeScalars.count
    }
}

/// Everything read from the dictionary folder. Immutable after init.
struct DictionaryData: Sendable {
    let words: RecordDawg
    let predictionDawgs: [RecordDawg]
    let probabilities: IntDawg?
    /// All paradigms back to back; `paradigmStart[p]..<paradigmStart[p+1]` is paradigm p
    /// (n suffix ids, n tag ids, n prefix ids).
    let paradigmData: [UInt16]
    let paradigmStart: [Int]
    let suffixes: [Affix]
    let prefixes: [Affix]
    /// Tag for each gramtab id (duplicates collapsed to their first occurrence).
    let gramtab: [TagInfo]
    /// Tag string → tag, for tags the analyzer makes itself.
    let tagsByString: [String: TagInfo]
    /// The gramtab strings back to back (`tagBytes[tagOffsets[t]..<tagOffsets[t+1]]` is tag t),
    /// so the hot path can follow them in the P(t|w) dawg without touching the tag objects.
    let tagBytes: [UInt8]
    let tagOffsets: [Int]
    /// For each grammeme, those that cannot stand beside it (siblings in the grammeme tree).
    let incompatible: [String: Set<String>]
    /// Number of each grammeme (see `GrammemeBits`).
    let grammemeIndex: GrammemeIndex
    /// `incompatible` as bits, by grammeme number; nil when some grammeme has no bit (more
    /// grammemes than `GrammemeBits.capacity`), and `inflect` then works on strings.
    let incompatibleBits: [GrammemeBits]?
    let knownGrammemes: Set<String>
    let maxSuffixLength: Int

    init(directory: URL) throws(MorphologyError) {
        func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
        func strings(_ name: String) throws(MorphologyError) -> [String] {
            let u = url(name)
            guard FileManager.default.fileExists(atPath: u.path) else { throw .missingFile(u.path) }
            let data: Data
            do { data = try Data(contentsOf: u) } catch { throw .unreadable(u.path, error.localizedDescription) }
            guard let list = parseJSONStringArray(data) else { throw .corrupt(u.path, "not a JSON list of strings") }
            return list
        }
        func json(_ name: String) throws(MorphologyError) -> Any {
            let u = url(name)
            guard FileManager.default.fileExists(atPath: u.path) else { throw .missingFile(u.path) }
            do {
                let data = try Data(contentsOf: u)
                return try JSONSerialization.jsonObject(with: data)
            } catch {
                throw .corrupt(u.path, "not valid JSON: \(error.localizedDescription)")
            }
        }

        // meta.json: a list of [key, value] pairs.
        guard let metaList = try json("meta.json") as? [[Any]] else { throw .corrupt(url("meta.json").path, "not a list of pairs") }
        var meta: [String: Any] = [:]
        for pair in metaList where pair.count == 2 {
            if let k = pair[0] as? String { meta[k] = pair[1] }
        }
        guard let version = meta["format_version"] as? String, version.hasPrefix("2.") else {
            throw .corrupt(url("meta.json").path, "unsupported format_version (need 2.x)")
        }
        let options = meta["compile_options"] as? [String: Any] ?? meta["prediction_options"] as? [String: Any] ?? [:]
        maxSuffixLength = options["max_suffix_length"] as? Int ?? 5
        let prefixStrings = options["paradigm_prefixes"] as? [String] ?? ["", "по", "наи"]
        prefixes = prefixStrings.map(Affix.init)

        let suffixStrings = try strings("suffixes.json")
        suffixes = suffixStrings.map(Affix.init)

        let tagStrings = try strings("gramtab-opencorpora-int.json")

        guard let grammemeRows = try json("grammemes.json") as? [[Any]] else { throw .corrupt(url("grammemes.json").path, "not a list") }
        var parentOf: [String: String] = [:]
        var order: [String] = []
        for row in grammemeRows {
            guard row.count >= 2, let name = row[0] as? String else { continue }
            parentOf[name] = row[1] as? String ?? ""
            order.append(name)
        }
        // pymorphy: a grammeme's children are its direct children and grandchildren.
        var children: [String: Set<String>] = [:]
        for name in order {
            let parent = parentOf[name] ?? ""
            if !parent.isEmpty { children[parent, default: []].insert(name) }
            if let grand = parentOf[parent], !grand.isEmpty { children[grand, default: []].insert(name) }
        }
        let extra: [String: Set<String>] = ["plur": Set(["GNdr"]).union(children["GNdr"] ?? [])]
        var incompatible: [String: Set<String>] = [:]
        for name in order {
            let parent = parentOf[name] ?? ""
            var set = extra[name] ?? []
            set.formUnion(children[parent] ?? [])
            set.remove(name)
            incompatible[name] = set
        }
        self.incompatible = incompatible
        let extraGrammemes = ["UNKN", "PNCT", "LATN", "ROMN", "NUMB", "intg", "real", "Init", "Name", "Patr"]
        knownGrammemes = Set(order).union(extraGrammemes)

        // Grammeme numbers for the bit sets of `inflect`: the grammeme tree, the analyzer's own
        // grammemes, then whatever else the gramtab uses, in first-seen order.
        var index: [String: Int] = [:]
        func number(_ g: String) { if index[g] == nil { index[g] = index.count } }
        for g in order { number(g) }
        for g in extraGrammemes { number(g) }
        for s in tagStrings {
            for part in TagInfo.split(s) { number(part) }
        }
        let grammemeIndex = GrammemeIndex(index)
        self.grammemeIndex = grammemeIndex
        var incompatibleBits = Array(repeating: GrammemeBits(), count: index.count)
        var allBitsKnown = index.count <= GrammemeBits.capacity
        for (name, set) in incompatible {
            guard let k = index[name] else { continue }
            for g in set {
                if let b = index[g], b < GrammemeBits.capacity { incompatibleBits[k].insert(b) } else { allBitsKnown = false }
            }
        }
        self.incompatibleBits = allBitsKnown ? incompatibleBits : nil

        var byString: [String: TagInfo] = [:]
        var table: [TagInfo] = []
        table.reserveCapacity(tagStrings.count)
        for s in tagStrings {
            if let t = byString[s] {
                table.append(t)
            } else {
                let t = TagInfo(s, id: byString.count, grammemeIndex: grammemeIndex)
                byString[s] = t
                table.append(t)
            }
        }
        gramtab = table
        var tb: [UInt8] = [], to: [Int] = [0]
        for t in table {
            tb.append(contentsOf: t.utf8)
            to.append(tb.count)
        }
        tagBytes = tb
        tagOffsets = to
        tagsByString = byString

        // paradigms.array: uint16 count, then per paradigm uint16 length and that many uint16.
        let paraURL = url("paradigms.array")
        guard FileManager.default.fileExists(atPath: paraURL.path) else { throw .missingFile(paraURL.path) }
        let paraBytes: Data
        do { paraBytes = try Data(contentsOf: paraURL) } catch { throw .unreadable(paraURL.path, error.localizedDescription) }
        var flat: [UInt16] = []
        var starts: [Int] = []
        let ok: Bool = paraBytes.withUnsafeBytes { raw in
            func u16(_ at: Int) -> UInt16? {
                guard at + 2 <= raw.count else { return nil }
                return UInt16(raw[at]) | (UInt16(raw[at + 1]) << 8)
            }
            guard let count = u16(0) else { return false }
            flat.reserveCapacity(raw.count / 2)
            starts.reserveCapacity(Int(count) + 1)
            var pos = 2
            for _ in 0..<Int(count) {
                guard let len = u16(pos) else { return false }
                pos += 2
                starts.append(flat.count)
                guard pos + Int(len) * 2 <= raw.count, len % 3 == 0 else { return false }
                for i in 0..<Int(len) {
                    flat.append(UInt16(raw[pos + 2 * i]) | (UInt16(raw[pos + 2 * i + 1]) << 8))
                }
                pos += Int(len) * 2
            }
            starts.append(flat.count)
            return true
        }
        guard ok else { throw .corrupt(paraURL.path, "truncated paradigm table") }
        paradigmData = flat
        paradigmStart = starts

        let wordsURL = url("words.dawg")
        words = try RecordDawg(url: wordsURL, recordBytes: 4)
        var predictions: [RecordDawg] = []
        for i in 0..<prefixes.count {
            predictions.append(try RecordDawg(url: url("prediction-suffixes-\(i).dawg"), recordBytes: 8))
        }
        predictionDawgs = predictions
        let probURL = url("p_t_given_w.intdawg")
        probabilities = FileManager.default.fileExists(atPath: probURL.path) ? try IntDawg(url: probURL) : nil

        // Validate ids once so lookups need no checks on the hot path.
        let maxTag = table.count, maxSuffix = suffixes.count, maxPrefix = prefixes.count
        for p in 0..<(starts.count - 1) {
            let s = starts[p], n = (starts[p + 1] - s) / 3
            for i in 0..<n {
                guard Int(flat[s + i]) < maxSuffix, Int(flat[s + n + i]) < maxTag, Int(flat[s + 2 * n + i]) < maxPrefix else {
                    throw .corrupt(paraURL.path, "paradigm \(p) refers to an unknown suffix, tag or prefix")
                }
            }
        }
    }

    var paradigmCount: Int { paradigmStart.count - 1 }

    @inline(__always) func formCount(_ p: Int) -> Int { (paradigmStart[p + 1] - paradigmStart[p]) / 3 }
    @inline(__always) func suffixId(_ p: Int, _ i: Int) -> Int { Int(paradigmData[paradigmStart[p] + i]) }
    @inline(__always) func tagId(_ p: Int, _ i: Int) -> Int {
        Int(paradigmData[paradigmStart[p] + formCount(p) + i])
    }
    @inline(__always) func prefixId(_ p: Int, _ i: Int) -> Int {
        Int(paradigmData[paradigmStart[p] + 2 * formCount(p) + i])
    }
    @inline(__always) func tag(_ p: Int, _ i: Int) -> TagInfo { gramtab[tagId(p, i)] }

    /// Whether (paradigm, index) from a dawg record points inside the tables.
    @inline(__always) func valid(_ p: Int, _ i: Int) -> Bool { p < paradigmCount && i < formCount(p) }

    /// The stem of `word` in form `i` of paradigm `p`.
    func stem(_ word: UnsafeBufferPointer<UInt8>, _ p: Int, _ i: Int) -> Range<Int> {
        stemRange(word, dropLeading: prefixes[prefixId(p, i)].scalars, dropTrailing: suffixes[suffixId(p, i)].scalars)
    }

    /// Form `i` of paradigm `p` built on `stem`.
    func form(stem: UnsafeBufferPointer<UInt8>, _ p: Int, _ i: Int) -> String {
        let pre = prefixes[prefixId(p, i)].bytes, suf = suffixes[suffixId(p, i)].bytes
        // Assembled on the stack, then decoded: cheaper than filling a string's storage.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: pre.count + stem.count + suf.count) { out in
            var k = 0
            for b in pre { out[k] = b; k += 1 }
            for b in stem { out[k] = b; k += 1 }
            for b in suf { out[k] = b; k += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: out[..<k]), as: UTF8.self)
        }
    }

    /// Whether `word` is form `i` of paradigm `p` on `word[stem]`: the form's prefix, then the
    /// stem, then its suffix, and nothing else.
    func isForm(_ word: UnsafeBufferPointer<UInt8>, stem: Range<Int>, _ p: Int, _ i: Int) -> Bool {
        let pre = prefixes[prefixId(p, i)].bytes, suf = suffixes[suffixId(p, i)].bytes
        guard word.count == pre.count + stem.count + suf.count, stem.lowerBound == pre.count else { return false }
        for k in 0..<pre.count where word[k] != pre[k] { return false }
        let end = stem.upperBound
        for k in 0..<suf.count where word[end + k] != suf[k] { return false }
        return true
    }

    /// The normal form (form 0) of `word`, which is form `i` of paradigm `p`.
    func normalForm(_ word: UnsafeBufferPointer<UInt8>, _ p: Int, _ i: Int, wordString: @autoclosure () -> String) -> String {
        if i == 0 { return wordString() }
        let r = stem(word, p, i)
        return form(stem: UnsafeBufferPointer(rebasing: word[r]), p, 0)
    }
}

/// Parses a JSON array of strings (suffixes.json, the gramtab): a tenth of the time of
/// JSONSerialization on these 300 KB files, which matters for start-up. Nil if the text is
/// anything else.
func parseJSONStringArray(_ data: Data) -> [String]? {
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [String]? in
        let b = raw.bindMemory(to: UInt8.self)
        var i = 0
        func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
        func hex(_ c: UInt8) -> UInt32? {
            switch c {
            case 48...57: return UInt32(c - 48)
            case 65...70: return UInt32(c - 55)
            case 97...102: return UInt32(c - 87)
            default: return nil
            }
        }
        func hex4() -> UInt32? {
            guard i + 4 <= b.count else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                guard let h = hex(b[i + k]) else { return nil }
                v = v << 4 | h
            }
            i += 4
            return v
        }
        var result: [String] = []
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: "[") else { return nil }
        i += 1
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "]") { return result }
        var bytes: [UInt8] = []
        while true {
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
            i += 1
            bytes.removeAll(keepingCapacity: true)
            while true {
                guard i < b.count else { return nil }
                let c = b[i]
                i += 1
                if c == UInt8(ascii: "\"") { break }
                if c != UInt8(ascii: "\\") { bytes.append(c); continue }
                guard i < b.count else { return nil }
                let e = b[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "u"):
                    guard var v = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(v), i + 1 < b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(v) else { return nil }
                    bytes.append(contentsOf: String(Character(scalar)).utf8)
                default: bytes.append(e)  // \" \\ \/
                }
            }
            result.append(String(decoding: bytes, as: UTF8.self))
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "]") { return result }
            return nil
        }
    }
}
