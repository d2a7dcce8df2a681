import Foundation

/// Russian morphological analyzer over the OpenCorpora dictionary compiled for pymorphy
/// (`pymorphy3-dicts-ru`): the same analyses, order and scores as pymorphy3's `MorphAnalyzer`.
///
/// Immutable after loading; share one instance between threads (`MorphAnalyzer.shared()`).
public final class MorphAnalyzer: Sendable {
    let data: DictionaryData
    let tagUNKN: TagInfo, tagPNCT: TagInfo, tagLATN: TagInfo, tagROMN: TagInfo
    let tagInt: TagInfo, tagReal: TagInfo, tagADVB: TagInfo
    let firstNameTags: [TagInfo], patronymicTags: [TagInfo]
    /// Known prefixes grouped by their first letter, in the configured order.
    let knownPrefixes: [Unicode.Scalar: [String]]
    /// Every parse of each capital letter that may be an initial (see `initialParses`).
    private let initialTable = InitialTable()

    /// Loads the dictionary in `dictionaryDirectory` (the `data/` folder of pymorphy3-dicts-ru).
    public init(dictionaryDirectory: URL) throws(MorphologyError) {
        let d = try DictionaryData(directory: dictionaryDirectory)
        data = d
        var nextId = d.gramtab.count
        func make(_ s: String) -> TagInfo {
            if let t = d.tagsByString[s] { return t }
            defer { nextId += 1 }
            return TagInfo(s, id: nextId, grammemeIndex: d.grammemeIndex)
        }
        tagUNKN = make("UNKN"); tagPNCT = make("PNCT"); tagLATN = make("LATN"); tagROMN = make("ROMN")
        tagInt = make("NUMB,intg"); tagReal = make("NUMB,real"); tagADVB = make("ADVB")
        var first: [TagInfo] = [], patr: [TagInfo] = []
        for gender in ["masc", "femn"] {
            for c in ["nomn", "gent", "datv", "accs", "ablt", "loct"] {
                first.append(make("NOUN,anim,\(gender),Sgtm,Name,Fixd,Abbr,Init sing,\(c)"))
            }
        }
        for gender in ["masc", "femn"] {
            for c in ["nomn", "gent", "datv", "accs", "ablt", "loct"] {
                patr.append(make("NOUN,anim,\(gender),Sgtm,Patr,Fixd,Abbr,Init sing,\(c)"))
            }
        }
        firstNameTags = first
        patronymicTags = patr
        knownPrefixes = Dictionary(grouping: RussianConfig.knownPrefixes, by: { $0.unicodeScalars.first ?? " " })
        // A lone capital letter (an initial, "О.Н. Фадиной") has some 30 parses to build, score
        // and sort, each time the same: work them out once, a fraction of a millisecond.
        var table = Array(repeating: [Parse](), count: InitialTable.size)
        for c in RussianConfig.initialLetters {
            if let k = InitialTable.slot(c) { table[k] = parse(String(Character(c)), limit: Int.max) }
        }
        initialTable.parses = table
    }

    // MARK: locating and sharing

    /// The dictionary folder: `explicit` (a `--dict` flag) if given, else `$TWINGRAPH_DICT`, else
    /// `~/.local/share/twingraph/pymorphy3-dicts-ru` (where `make setup` puts it).
    public static func locateDictionary(_ explicit: String? = nil) throws(MorphologyError) -> URL {
        var candidates: [String] = []
        if let explicit, !explicit.isEmpty {
            candidates = [explicit]
        } else {
            let env = ProcessInfo.processInfo.environment
            if let e = env["TWINGRAPH_DICT"], !e.isEmpty { candidates.append(e) }
            let dataHome = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (NSHomeDirectory() + "/.local/share")
            candidates.append(dataHome + "/twingraph/pymorphy3-dicts-ru")
            let home = NSHomeDirectory() + "/.local/share/twingraph/pymorphy3-dicts-ru"
            if !candidates.contains(home) { candidates.append(home) }
        }
        for c in candidates {
            let path = (c as NSString).expandingTildeInPath
            if FileManager.default.fileExists(atPath: path + "/words.dawg") {
                return URL(fileURLWithPath: path, isDirectory: true)
            }
        }
        throw .dictionaryNotFound(searched: candidates)
    }

    private static let sharedBox = SharedBox()

    /// The analyzer over the default dictionary (see `locateDictionary`), loaded on first use.
    public static func shared() throws(MorphologyError) -> MorphAnalyzer {
        try sharedBox.get()
    }

    // MARK: parsing

    /// Every analysis of `word`, best first, as pymorphy3's `MorphAnalyzer.parse`.
    public func parse(_ word: String) -> [Parse] {
        parse(word, limit: Int.max)
    }

    /// The best analysis of `word`: `parse(word).first`, computed without building the normal
    /// forms of the other dictionary analyses.
    public func best(_ word: String) -> Parse? {
        // A dictionary word (most words) hands its best parse straight over: no array for it.
        let lower = Self.lowercase(word)
        var found: Parse? = nil
        if dictionaryFastPath(word, lower, limit: 1, { found = $0 }) { return found }
        return parse(word, lower, limit: 1).first
    }

    /// The first `limit` parses. Dictionary parses get their normal form only once they are
    /// known to be among those returned.
    private func parse(_ word: String, limit: Int) -> [Parse] {
        let lower = Self.lowercase(word)
        var fast: [Parse] = []
        if dictionaryFastPath(word, lower, limit: limit, { fast.append($0) }) { return fast }
        return parse(word, lower, limit: limit)
    }

    /// The general path of `parse(_:limit:)`, for words the dictionary fast path does not take.
    private func parse(_ word: String, _ lower: String, limit: Int) -> [Parse] {
        if let known = initialParses(word) { return Array(known.prefix(limit)) }
        var wordNode: Int? = nil
        var res = withUnsafeMutablePointer(to: &wordNode) { dictionaryParses(lower, normalForms: false, probabilityNode: $0) }
        let deferred = !res.isEmpty
        res += initials(word)
        if res.isEmpty { res = units(word, lower) }
        applyProbabilities(lower, &res, wordNode: .some(wordNode))
        if limit < res.count { res.removeSubrange(limit...) }
        if deferred {
            for k in res.indices where res[k].normalForm.isEmpty {
                guard case .dictionary(let p, let i) = res[k].method else { continue }
                var w = res[k].word
                res[k].normalForm = w.withUTF8 { data.normalForm($0, p, i, wordString: res[k].word) }
            }
        }
        return res
    }

    /// One dictionary analysis before it becomes a `Parse`: plain integers, so collecting,
    /// scoring and sorting them costs no reference counting.
    /// 16 bytes, so the 64 of `dictionaryFastPath` fill exactly the 1 KB that
    /// `withUnsafeTemporaryAllocation` keeps on the stack (above that it calls malloc).
    private struct Candidate {
        var variant: UInt16  // index of the spelling (е/ё variant) in `variants`
        var paradigm: UInt16
        var index: UInt16
        var tag: UInt16      // gramtab ids are UInt16 in paradigms.array
        var score: Double
    }

    /// The common case, a dictionary word that is not a lone capital letter: the same result as
    /// the general path (dictionary unit, then P(t|w)), but `Parse` values are built only for
    /// the `limit` analyses returned, and handed to `yield` best first. False (and nothing
    /// yielded) when the word is not in the dictionary or may be an initial.
    /// What a normal form is made of in `dictionaryFastPath`: spelling, form-0 prefix and
    /// suffix ids, and the stem's byte range in the spelling.
    private struct NormalFormKey: Equatable {
        var variant: UInt16
        var prefix: Int
        var suffix: Int
        var stem: Range<Int>
    }

    private func dictionaryFastPath(_ word: String, _ lower: String, limit: Int, _ yield: (Parse) -> Void) -> Bool {
        if word.utf8.count <= 4, word.unicodeScalars.count == 1, let c = word.unicodeScalars.first,
           RussianConfig.initialLetters.contains(c) { return false }
        // Candidates live in a stack buffer: no heap allocation for them.
        return withUnsafeTemporaryAllocation(of: Candidate.self, capacity: 64) { buffer -> Bool in
            // One spelling in the common case; more only when е may stand for ё.
            var firstVariant: String? = nil
            var moreVariants: [String] = []
            var count = 0
            var overflow = false
            var wordNode: Int? = nil
            var s = lower
            s.withUTF8 { key in
                similar(key, in: data.words.units, companion: data.probabilities?.units,
                        companionNode: &wordNode) { replaced, node in
                    let spelling = fixed(key, replaced, original: lower)
                    let v: UInt16
                    if firstVariant == nil {
                        firstVariant = spelling
                        v = 0
                    } else {
                        moreVariants.append(spelling)
                        v = UInt16(truncatingIfNeeded: moreVariants.count)
                    }
                    data.words.records(at: node) { record in
                        let p = Int((record >> 16) & 0xFFFF), i = Int(record & 0xFFFF)
                        guard data.valid(p, i) else { return }
                        guard count < buffer.count else { overflow = true; return }
                        buffer[count] = Candidate(variant: v, paradigm: UInt16(p), index: UInt16(i),
                                                  tag: UInt16(truncatingIfNeeded: data.tagId(p, i)), score: 1.0)
                        count += 1
                    }
                }
            }
            func variant(_ v: UInt16) -> String { v == 0 ? (firstVariant ?? lower) : moreVariants[Int(v) - 1] }
            // (A word with more analyses than the buffer holds takes the general path.)
            guard count > 0, !overflow else { return false }
            let candidates = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])

            // P(t|w), as applyProbabilities does it.
            var total = 0.0
            if let pd = data.probabilities, let node = wordNode, let colon = pd.units.follow(UInt8(ascii: ":"), node) {
                // 127: the node path (maxDepth + 1 Ints) then fits the 1 KB that
                // withUnsafeTemporaryAllocation keeps on the stack. Tags are under 60 bytes.
                let maxDepth = 127
                data.tagBytes.withUnsafeBufferPointer { tb in
                    withUnsafeTemporaryAllocation(of: Int.self, capacity: maxDepth + 1) { path in
                        // Resume each tag's walk where it parts from the previous tag's (the tags of
                        // a word share long prefixes); path[d] is the node after d bytes.
                        path[0] = colon
                        var valid = 0
                        var previous = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
                        for k in candidates.indices {
                            let t = Int(candidates[k].tag)
                            let bytes = UnsafeBufferPointer(rebasing: tb[data.tagOffsets[t]..<data.tagOffsets[t + 1]])
                            var prob = 0.0
                            if bytes.count <= maxDepth {
                                var depth = 0
                                let limit = min(valid, previous.count, bytes.count)
                                // Eight bytes at a time first: the shared prefix is often 20–40 bytes.
                                if let pa = previous.baseAddress, let ba = bytes.baseAddress {
                                    while depth + 8 <= limit &&
                                        UnsafeRawPointer(pa + depth).loadUnaligned(as: UInt64.self)
                                        == UnsafeRawPointer(ba + depth).loadUnaligned(as: UInt64.self) {
                                        depth += 8
                                    }
                                }
                                while depth < limit && previous[depth] == bytes[depth] { depth += 1 }
                                var failed = false
                                while depth < bytes.count {
                                    guard let next = pd.units.follow(bytes[depth], path[depth]) else { failed = true; break }
                                    depth += 1
                                    path[depth] = next
                                }
                                valid = depth
                                previous = bytes
                                if !failed, pd.units.hasValue(path[depth]) {
                                    prob = Double(pd.units.value(path[depth])) / 1_000_000
                                }
                            }
                            candidates[k].score = prob
                            total += prob
                        }
                    }
                }
            }
            if total == 0 {
                let k = 1.0 / Double(candidates.count)
                for i in candidates.indices { candidates[i].score = 1.0 * k }
            } else if candidates.count > 1 {
                // Stable, best first.
                for i in 1..<candidates.count {
                    var j = i
                    while j > 0 && candidates[j - 1].score < candidates[j].score {
                        candidates.swapAt(j - 1, j)
                        j -= 1
                    }
                }
            }

            let n = min(limit, candidates.count)
            var shared = SharedNormalForms()
            for c in candidates[0..<n] {
                let p = Int(c.paradigm), i = Int(c.index)
                let spelling = variant(c.variant)
                let nf: String
                if i == 0 {
                    nf = spelling
                } else if n == 1 {
                    // One parse (`best`, most often): nothing to share.
                    var w = spelling
                    nf = w.withUTF8 { data.normalForm($0, p, i, wordString: spelling) }
                } else {
                    nf = sharedNormalForm(&shared, spelling: spelling, variant: c.variant, p, i)
                }
                yield(Parse(word: spelling, tag: Tag(data.gramtab[Int(c.tag)]), normalForm: nf,
                            score: c.score, method: .dictionary(paradigm: p, index: i)))
            }
            return true
        }
    }

    /// The normal forms made so far for the analyses of one word (`sharedNormalForm`).
    private struct SharedNormalForms {
        var lastKey: NormalFormKey? = nil
        var lastForm = ""
    }

    /// The normal form of `spelling` as form `i` of paradigm `p`, when a word has several
    /// analyses: they mostly share a few normal forms, often the word itself. The word is handed
    /// over as its own normal form when the bytes are the same, and a normal form made for one
    /// analysis is reused by the next when it is made of the same parts (same spelling, same
    /// form-0 affixes, same stem ⇒ the same bytes). Kept out of `dictionaryFastPath`, whose
    /// common single-parse case it would only slow down.
    @inline(never)
    private func sharedNormalForm(_ shared: inout SharedNormalForms, spelling: String, variant: UInt16,
                                  _ p: Int, _ i: Int) -> String {
        var w = spelling
        let (key, same) = w.withUTF8 { bytes -> (NormalFormKey, Bool) in
            let r = data.stem(bytes, p, i)
            let key = NormalFormKey(variant: variant, prefix: data.prefixId(p, 0), suffix: data.suffixId(p, 0), stem: r)
            return (key, key != shared.lastKey && data.isForm(bytes, stem: r, p, 0))
        }
        if key == shared.lastKey { return shared.lastForm }
        if same { return spelling }
        let form = w.withUTF8 { bytes in data.form(stem: UnsafeBufferPointer(rebasing: bytes[key.stem]), p, 0) }
        shared.lastKey = key
        shared.lastForm = form
        return form
    }

    /// Python's `str.lower()`; ASCII and Russian letters without the general Unicode machinery.
    /// Works on the UTF-8 bytes: these letters keep their byte length when lower-cased, so the
    /// result is written in one pass into a string of the same size (one allocation at most,
    /// none for an already lower-case word, which is returned as it is).
    static func lowercase(_ word: String) -> String {
        var w = word
        // nil: anything outside ASCII and U+0400…U+045F, left to the Unicode tables.
        let needs: Bool? = w.withUTF8 { b in
            var needs = false
            var i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x80 {
                    if c &- 0x41 < 26 { needs = true }
                    i += 1
                } else if (c == 0xD0 || c == 0xD1) && i + 1 < b.count {
                    // D0 80…BF is U+0400…U+043F (capitals below U+0430); D1 80…9F is U+0440…U+045F.
                    let d = b[i + 1]
                    if c == 0xD0 { if d < 0xB0 { needs = true } } else if d > 0x9F { return nil }
                    i += 2
                } else {
                    return nil
                }
            }
            return needs
        }
        guard let needs else { return word.lowercased() }
        guard needs else { return word }
        return w.withUTF8 { b in
            String(unsafeUninitializedCapacity: b.count) { out in
                var i = 0
                while i < b.count {
                    let c = b[i]
                    if c < 0x80 {
                        out[i] = c &- 0x41 < 26 ? c | 0x20 : c
                        i += 1
                        continue
                    }
                    // Only D0/D1 pairs are left (checked above).
                    let d = b[i + 1]
                    if c == 0xD0 && d < 0x90 {          // U+0400…U+040F → U+0450…U+045F
                        out[i] = 0xD1; out[i + 1] = d + 0x10
                    } else if c == 0xD0 && d < 0xA0 {   // А…П → а…п
                        out[i] = 0xD0; out[i + 1] = d + 0x20
                    } else if c == 0xD0 && d < 0xB0 {   // Р…Я → р…я
                        out[i] = 0xD1; out[i + 1] = d - 0x20
                    } else {
                        out[i] = c; out[i + 1] = d
                    }
                    i += 2
                }
                return b.count
            }
        }
    }

    /// The units after the dictionary, in pymorphy3's order; each stops the chain when it finds
    /// something.
    private func units(_ word: String, _ lower: String) -> [Parse] {
        if let n = Shapes.number(word) {
            return [Parse(word: lower, tag: Tag(n == .int ? tagInt : tagReal), normalForm: lower, score: 0.9, method: .shape)]
        }
        if Shapes.isPunctuation(word) {
            return [Parse(word: lower, tag: Tag(tagPNCT), normalForm: lower, score: 0.9, method: .shape)]
        }
        var res: [Parse] = []
        if Shapes.isRomanNumber(word) {
            res.append(Parse(word: lower, tag: Tag(tagROMN), normalForm: lower, score: 0.9, method: .shape))
        }
        if Shapes.isLatin(word) {
            res.append(Parse(word: lower, tag: Tag(tagLATN), normalForm: lower, score: 0.9, method: .shape))
        }
        if !res.isEmpty { return res }
        var seen = Set<SeenKey>()
        res = particleParses(lower, &seen)
        if !res.isEmpty { return res }
        if let adverb = hyphenAdverb(lower) {
            return [adverb]
        }
        res = hyphenatedParses(lower)
        if !res.isEmpty { return res }
        res = knownPrefixParses(lower, &seen)
        if !res.isEmpty { return res }
        res = unknownPrefixParses(lower, &seen)
        res += knownSuffixParses(word, lower, &seen)
        if !res.isEmpty { return res }
        return [Parse(word: lower, tag: Tag(tagUNKN), normalForm: lower, score: 1.0, method: .shape)]
    }

    /// pymorphy's duplicate check key, (word, tag, paradigm). The word is compared and hashed by
    /// its UTF-8 bytes: that is Python's string equality (code points, no normalisation), and it
    /// spares String's Unicode-normalising hash, which dominated the cost of unknown words.
    struct SeenKey: Hashable {
        let word: String
        let tag: Int
        let paradigm: SeenParadigm

        static func == (a: SeenKey, b: SeenKey) -> Bool {
            a.tag == b.tag && a.paradigm == b.paradigm && a.word.utf8.elementsEqual(b.word.utf8)
        }

        func hash(into h: inout Hasher) {
            h.combine(tag)
            h.combine(paradigm)
            var w = word
            w.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    @inline(__always)
    private func addIfNotSeen(_ p: Parse, _ result: inout [Parse], _ seen: inout Set<SeenKey>) {
        if seen.insert(SeenKey(word: p.word, tag: p.tag.info.id, paradigm: p.method.seenParadigm)).inserted {
            result.append(p)
        }
    }

    // MARK: dictionary

    /// Keys of `dawg` equal to `key` up to е→ё, with the node just before the value separator,
    /// in dawg-python's `similar_items` order (exact spelling first, then the variants with ё at
    /// the first possible place, and so on). `replaced` holds the byte offsets turned into ё.
    private func similar(_ key: UnsafeBufferPointer<UInt8>, in units: DawgUnits,
                         companion: DawgUnits? = nil, companionNode: UnsafeMutablePointer<Int?>? = nil,
                         _ body: (_ replaced: [Int], _ node: Int) -> Void) {
        // Fast path: without an "е" there are no variants; walk the key once, allocate nothing.
        var hasE = false
        var i = 0
        while i + 1 < key.count {
            if key[i] == 0xD0 && key[i + 1] == 0xB5 { hasE = true; break }
            i += 1
        }
        // The exact spelling, walked in step with the same key in `companion` (the P(t|w) dawg):
        // two independent chains of memory loads overlap instead of waiting on each other.
        var a: Int? = 0
        var b: Int? = companion == nil ? nil : 0
        for c in key {
            if let x = a { a = units.follow(c, x) }
            if let y = b, let cu = companion { b = cu.follow(c, y) }
            if a == nil && b == nil { break }
        }
        companionNode?.pointee = b
        if !hasE {
            if let n = a, units.follow(1, n) != nil { body([], n) }
            return
        }
        var found: [([Int], Int)] = []
        var path: [Int] = []
        func walk(_ start: Int, _ startIndex: Int) {
            let mark = found.count
            var index = startIndex
            var p = start
            while p < key.count {
                if key[p] == 0xD0, p + 1 < key.count, key[p + 1] == 0xB5,
                   let a = units.follow(0xD1, index), let b = units.follow(0x91, a) {
                    path.append(p)
                    walk(p + 2, b)
                    path.removeLast()
                }
                guard let next = units.follow(key[p], index) else { return }
                index = next
                p += 1
            }
            if units.follow(1, index) != nil { found.insert((path, index), at: mark) }
        }
        walk(0, 0)
        for (r, n) in found { body(r, n) }
    }

    /// `key` with "е" at the `replaced` byte offsets turned into "ё".
    private func fixed(_ key: UnsafeBufferPointer<UInt8>, _ replaced: [Int], original: String?) -> String {
        if replaced.isEmpty { return original ?? String(decoding: key, as: UTF8.self) }
        var bytes = Array(key)
        for p in replaced { bytes[p] = 0xD1; bytes[p + 1] = 0x91 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// pymorphy's DictionaryAnalyzer.
    func dictionaryParses(_ lower: String, normalForms: Bool = true,
                          probabilityNode: UnsafeMutablePointer<Int?>? = nil) -> [Parse] {
        var s = lower
        return s.withUTF8 { dictionaryParses(key: $0, original: lower, normalForms: normalForms, probabilityNode: probabilityNode) }
    }

    /// The dictionary unit over the UTF-8 bytes of a lower-case word; strings are made only for
    /// what is found (`original`, when given, is `key` as a String, reused as the form).
    /// `productiveOnly`: leave out the analyses with a closed-class tag (before making them).
    func dictionaryParses(key: UnsafeBufferPointer<UInt8>, original: String?, normalForms: Bool = true,
                          productiveOnly: Bool = false,
                          probabilityNode: UnsafeMutablePointer<Int?>? = nil) -> [Parse] {
        var res: [Parse] = []
        similar(key, in: data.words.units, companion: probabilityNode == nil ? nil : data.probabilities?.units,
                companionNode: probabilityNode) { replaced, node in
            let word = fixed(key, replaced, original: original)
            var w = word
            w.withUTF8 { wbytes in
                data.words.records(at: node) { record in
                    let p = Int((record >> 16) & 0xFFFF), i = Int(record & 0xFFFF)
                    guard data.valid(p, i) else { return }
                    if productiveOnly && !data.tag(p, i).isProductive { return }
                    let nf = normalForms ? data.normalForm(wbytes, p, i, wordString: word) : ""
                    res.append(Parse(word: word, tag: Tag(data.tag(p, i)), normalForm: nf, score: 1.0,
                                     method: .dictionary(paradigm: p, index: i)))
                }
            }
        }
        return res
    }

    /// Byte offsets where the scalars of `b` start, plus its end.
    private static func scalarOffsets(_ b: UnsafeBufferPointer<UInt8>) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(b.count + 1)
        for (k, byte) in b.enumerated() where byte & 0xC0 != 0x80 { offsets.append(k) }
        offsets.append(b.count)
        return offsets
    }

    /// pymorphy's AbbreviatedFirstNameAnalyzer and AbbreviatedPatronymicAnalyzer: one capital
    /// letter may be an initial.
    /// The precomputed parses of `word` when it is a lone initial letter (nil otherwise, and
    /// while the table is being filled).
    private func initialParses(_ word: String) -> [Parse]? {
        guard word.utf8.count == 2, word.unicodeScalars.count == 1, let c = word.unicodeScalars.first,
              let k = InitialTable.slot(c), k < initialTable.parses.count,
              RussianConfig.initialLetters.contains(c) else { return nil }
        return initialTable.parses[k]
    }

    private func initials(_ word: String) -> [Parse] {
        guard word.unicodeScalars.count == 1, let c = word.unicodeScalars.first,
              RussianConfig.initialLetters.contains(c) else { return [] }
        let lower = word.lowercased()
        return firstNameTags.map { Parse(word: lower, tag: Tag($0), normalForm: lower, score: 0.1, method: .firstNameInitial) }
            + patronymicTags.map { Parse(word: lower, tag: Tag($0), normalForm: lower, score: 0.1, method: .patronymicInitial) }
    }

    // MARK: hyphens

    private func particleParses(_ lower: String, _ seen: inout Set<SeenKey>) -> [Parse] {
        guard lower.utf8.contains(UInt8(ascii: "-")) else { return [] }
        var res: [Parse] = []
        for particle in RussianConfig.particlesAfterHyphen where Text.hasSuffix(lower, particle) {
            let rest = Text.dropLastScalars(lower, particle.unicodeScalars.count)
            if rest.isEmpty { continue }
            for p in parse(rest) {
                addIfNotSeen(Parse(word: p.word + particle, tag: p.tag, normalForm: p.normalForm + particle,
                                   score: p.score * 0.9, method: .particle(particle, p.method)), &res, &seen)
            }
            break
        }
        return res
    }

    private func hyphenAdverb(_ lower: String) -> Parse? {
        guard lower.unicodeScalars.count >= 5, Text.hasPrefix(lower, "по-") else { return nil }
        let rest = Text.dropFirstScalars(lower, 3)
        let want: Set<String> = ["ADJF", "sing", "datv"]
        guard parse(rest).contains(where: { want.isSubset(of: $0.tag.grammemes) }) else { return nil }
        return Parse(word: lower, tag: Tag(tagADVB), normalForm: lower, score: 0.7, method: .shape)
    }

    private func hyphenatedParses(_ lower: String) -> [Parse] {
        let hyphens = lower.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "-") ? 1 : 0) }
        guard hyphens == 1, !Text.hasPrefix(lower, "-"), !Text.hasSuffix(lower, "-"),
              !knownPrefixes(of: lower).contains(where: { Text.hasPrefix(lower, $0) }),
              let dash = lower.firstIndex(of: "-") else { return [] }
        let left = String(lower[..<dash]), right = String(lower[lower.index(after: dash)...])
        let leftParses = parse(left), rightParses = parse(right)
        var res: [Parse] = []
        // Both parts inflect together (человек-гора): pair parses with the same features.
        for l in leftParses where !l.tag.info.isUnknown {
            for r in rightParses where r.tag.info.hyphenFeatures == l.tag.info.hyphenFeatures {
                res.append(Parse(word: l.word + "-" + r.word, tag: l.tag, normalForm: l.normalForm + "-" + r.normalForm,
                                 score: l.score * 0.75, method: .hyphenBoth(l.method, r.method)))
            }
        }
        // The left part is a fixed prefix (интернет-магазин).
        for r in rightParses where !r.tag.info.isUnknown {
            res.append(Parse(word: left + "-" + r.word, tag: r.tag, normalForm: left + "-" + r.normalForm,
                             score: r.score * 0.75, method: .hyphenFixedLeft(left, r.method)))
        }
        return res
    }

    // MARK: prefixes and suffixes

    private func knownPrefixes(of lower: String) -> [String] {
        guard let first = lower.unicodeScalars.first else { return [] }
        return knownPrefixes[first] ?? []
    }

    private func knownPrefixParses(_ lower: String, _ seen: inout Set<SeenKey>) -> [Parse] {
        let prefixes = knownPrefixes(of: lower).filter { Text.hasPrefix(lower, $0) }
            .sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        guard !prefixes.isEmpty else { return [] }
        let length = lower.unicodeScalars.count
        var res: [Parse] = []
        for prefix in prefixes {
            let n = prefix.unicodeScalars.count
            guard length - n >= 3 else { continue }
            for p in parse(Text.dropFirstScalars(lower, n)) where p.tag.info.isProductive {
                addIfNotSeen(Parse(word: prefix + p.word, tag: p.tag, normalForm: prefix + p.normalForm,
                                   score: p.score * 0.75, method: .knownPrefix(prefix, p.method)), &res, &seen)
            }
        }
        return res
    }

    private func unknownPrefixParses(_ lower: String, _ seen: inout Set<SeenKey>) -> [Parse] {
        var res: [Parse] = []
        var s = lower
        s.withUTF8 { b in
            let offsets = Self.scalarOffsets(b)
            let n = offsets.count - 1
            let maxSplit = min(5, n - 3)
            guard maxSplit >= 1 else { return }
            for i in 1...maxSplit {
                // Only productive analyses are used: the others are not made at all.
                let found = dictionaryParses(key: UnsafeBufferPointer(rebasing: b[offsets[i]...]), original: nil,
                                             productiveOnly: true)
                guard !found.isEmpty else { continue }
                let pre = String(decoding: b[..<offsets[i]], as: UTF8.self)
                for p in found where p.tag.info.isProductive {
                    addIfNotSeen(Parse(word: pre + p.word, tag: p.tag, normalForm: pre + p.normalForm,
                                       score: p.score * 0.5, method: .unknownPrefix(pre, p.method)), &res, &seen)
                }
            }
        }
        return res
    }

    /// pymorphy's KnownSuffixAnalyzer: analyse an unknown word like the known words that share
    /// its last 1…5 letters, scored by how often each analysis occurs.
    private func knownSuffixParses(_ word: String, _ lower: String, _ seen: inout Set<SeenKey>) -> [Parse] {
        guard word.unicodeScalars.count >= 4 else { return [] }
        var totals = Array(repeating: 1, count: data.prefixes.count)
        var found: [(count: Int, parse: Parse, prefixId: Int)] = []
        var s = lower
        s.withUTF8 { b in
            let offsets = Self.scalarOffsets(b)
            let n = offsets.count - 1
            for prefixId in stride(from: data.prefixes.count - 1, through: 0, by: -1) {
                let prefix = data.prefixes[prefixId]
                guard b.starts(with: prefix.bytes) else { continue }
                let dawg = data.predictionDawgs[prefixId]
                for i in stride(from: data.maxSuffixLength, through: 1, by: -1) {
                    let cut = offsets[max(0, n - i)]
                    let end = UnsafeBufferPointer(rebasing: b[cut...])
                    similar(end, in: dawg.units) { replaced, node in
                        let fixedWord = String(decoding: b[..<cut], as: UTF8.self) + fixed(end, replaced, original: nil)
                        var fw = fixedWord
                        // Normal forms made for this spelling, by what they are made of: many
                        // predicted analyses share one.
                        var made: [(key: NormalFormKey, form: String)] = []
                        fw.withUTF8 { fbytes in
                            dawg.records(at: node) { record in
                                let count = Int(record >> 32), p = Int((record >> 16) & 0xFFFF), idx = Int(record & 0xFFFF)
                                guard data.valid(p, idx) else { return }
                                let tag = data.tag(p, idx)
                                guard tag.isProductive else { return }
                                totals[prefixId] += count
                                guard seen.insert(SeenKey(word: fixedWord, tag: tag.id, paradigm: .paradigm(p))).inserted else { return }
                                let nf: String
                                if idx == 0 {
                                    nf = fixedWord
                                } else {
                                    let r = data.stem(fbytes, p, idx)
                                    let key = NormalFormKey(variant: 0, prefix: data.prefixId(p, 0), suffix: data.suffixId(p, 0), stem: r)
                                    if let k = made.firstIndex(where: { $0.key == key }) {
                                        nf = made[k].form
                                    } else {
                                        nf = data.isForm(fbytes, stem: r, p, 0) ? fixedWord
                                            : data.form(stem: UnsafeBufferPointer(rebasing: fbytes[r]), p, 0)
                                        made.append((key, nf))
                                    }
                                }
                                found.append((count, Parse(word: fixedWord, tag: Tag(tag), normalForm: nf, score: 0,
                                                           method: .knownSuffix(.dictionary(paradigm: p, index: idx))), prefixId))
                            }
                        }
                    }
                    if totals[prefixId] > 1 { break }
                }
            }
        }
        var res = found.map { f -> Parse in
            var p = f.parse
            p.score = Double(f.count) / Double(totals[f.prefixId]) * 0.5
            return p
        }
        Self.stableSortByScore(&res)
        return res
    }

    // MARK: probabilities

    /// pymorphy's ProbabilityEstimator: P(tag | word) from the OpenCorpora corpus where known,
    /// else the unit scores normalised to sum to 1.
    /// `wordNode`: the node of `lower` in the P(t|w) dawg when already known (`.some(nil)`: absent).
    private func applyProbabilities(_ lower: String, _ parses: inout [Parse], wordNode: Int?? = nil) {
        guard !parses.isEmpty else { return }
        var total = 0.0
        withUnsafeTemporaryAllocation(of: Double.self, capacity: parses.count) { probs in
            probs.initialize(repeating: 0)
            var lowerCopy = lower
            if let pd = data.probabilities,
               let node = wordNode ?? lowerCopy.withUTF8({ pd.units.follow(bytes: $0, from: 0) }),
               let colon = pd.units.follow(UInt8(ascii: ":"), node) {
                // The tags of one word share long prefixes ("NOUN,inan,femn sing,"): resume each
                // walk from where the previous tag's walk diverged instead of from the colon.
                // 127: the node path (maxDepth + 1 Ints) then fits the 1 KB that
                // withUnsafeTemporaryAllocation keeps on the stack. Tags are under 60 bytes.
                let maxDepth = 127
                withUnsafeTemporaryAllocation(of: Int.self, capacity: maxDepth + 1) { path in
                    path[0] = colon
                    var valid = 0           // path[0...valid] are nodes of `previous`
                    var previous: [UInt8] = []
                    for k in parses.indices {
                        let tagBytes = parses[k].tag.info.utf8
                        guard tagBytes.count <= maxDepth else { continue }
                        var common = 0
                        let limit = min(valid, previous.count, tagBytes.count)
                        while common < limit && previous[common] == tagBytes[common] { common += 1 }
                        var depth = common
                        var failed = false
                        while depth < tagBytes.count {
                            guard let next = pd.units.follow(tagBytes[depth], path[depth]) else { failed = true; break }
                            depth += 1
                            path[depth] = next
                        }
                        valid = depth
                        previous = tagBytes
                        if !failed, pd.units.hasValue(path[depth]) {
                            let v = Double(pd.units.value(path[depth])) / 1_000_000
                            probs[k] = v
                            total += v
                        }
                    }
                }
            }
            if total == 0 {
                let sum = parses.reduce(0) { $0 + $1.score }
                guard sum > 0 else { return }
                let k = 1.0 / sum
                for i in parses.indices { parses[i].score *= k }
            } else {
                for i in parses.indices { parses[i].score = probs[i] }
            }
        }
        if total != 0 { Self.stableSortByScore(&parses) }
    }

    /// Stable sort, best score first (Python's `sorted(reverse=True)` keeps equal items in order).
    /// Insertion sort: a word has a few dozen parses at most, and it needs no extra storage.
    static func stableSortByScore(_ parses: inout [Parse]) {
        guard parses.count > 1 else { return }
        for i in 1..<parses.count {
            var j = i
            while j > 0 && parses[j - 1].score < parses[j].score {
                parses.swapAt(j - 1, j)
                j -= 1
            }
        }
    }

    // MARK: lexeme and inflection

    /// Every form of the lexeme `parse` belongs to, as pymorphy3's `Parse.lexeme`.
    public func lexeme(_ parse: Parse) -> [Parse] {
        lexeme(word: parse.word, tag: parse.tag, normalForm: parse.normalForm, score: parse.score, method: parse.method)
    }

    private func lexeme(word: String, tag: Tag, normalForm: String, score: Double, method: Method) -> [Parse] {
        switch method {
        case .dictionary(let p, let i):
            guard data.valid(p, i) else { return [] }
            var w = word
            return w.withUTF8 { bytes in
                let r = data.stem(bytes, p, i)
                let stem = UnsafeBufferPointer(rebasing: bytes[r])
                return (0..<data.formCount(p)).map { j in
                    Parse(word: data.form(stem: stem, p, j), tag: Tag(data.tag(p, j)), normalForm: normalForm,
                          score: 1.0, method: .dictionary(paradigm: p, index: j))
                }
            }
        case .shape:
            return [Parse(word: word, tag: tag, normalForm: normalForm, score: score, method: method)]
        case .firstNameInitial:
            let tags = tag.contains("masc") ? Array(firstNameTags[0..<6]) : Array(firstNameTags[6...])
            return tags.map { Parse(word: word, tag: Tag($0), normalForm: normalForm, score: score, method: method) }
        case .patronymicInitial:
            return patronymicTags.map { Parse(word: word, tag: Tag($0), normalForm: normalForm, score: score, method: method) }
        case .knownPrefix(let prefix, let base), .unknownPrefix(let prefix, let base):
            let n = prefix.unicodeScalars.count
            let inner = lexeme(word: Text.dropFirstScalars(word, n), tag: tag,
                               normalForm: Text.dropFirstScalars(normalForm, n), score: score, method: base)
            let isKnown: Bool = { if case .knownPrefix = method { return true } else { return false } }()
            return inner.map {
                Parse(word: prefix + $0.word, tag: $0.tag, normalForm: prefix + $0.normalForm, score: $0.score,
                      method: isKnown ? .knownPrefix(prefix, $0.method) : .unknownPrefix(prefix, $0.method))
            }
        case .knownSuffix(let base):
            return lexeme(word: word, tag: tag, normalForm: normalForm, score: score, method: base).map {
                var p = $0
                p.method = .knownSuffix($0.method)
                return p
            }
        case .particle(let particle, let base):
            let n = particle.unicodeScalars.count
            return lexeme(word: Text.dropLastScalars(word, n), tag: tag, normalForm: Text.dropLastScalars(normalForm, n),
                          score: score, method: base).map {
                Parse(word: $0.word + particle, tag: $0.tag, normalForm: $0.normalForm + particle, score: $0.score,
                      method: .particle(particle, $0.method))
            }
        case .hyphenFixedLeft(let left, let right):
            let n = left.unicodeScalars.count + 1
            return lexeme(word: Text.dropFirstScalars(word, n), tag: tag, normalForm: Text.dropFirstScalars(normalForm, n),
                          score: score, method: right).map {
                Parse(word: left + "-" + $0.word, tag: $0.tag, normalForm: left + "-" + $0.normalForm, score: $0.score,
                      method: .hyphenFixedLeft(left, $0.method))
            }
        case .hyphenBoth(let lm, let rm):
            guard let wd = word.firstIndex(of: "-"), let nd = normalForm.firstIndex(of: "-") else { return [] }
            let leftLexeme = lexeme(word: String(word[..<wd]), tag: tag, normalForm: String(normalForm[..<nd]),
                                    score: score, method: lm)
            let rightLexeme = lexeme(word: String(word[word.index(after: wd)...]), tag: tag,
                                     normalForm: String(normalForm[normalForm.index(after: nd)...]), score: score, method: rm)
            if let pairs = hyphenBothBits(leftLexeme, rightLexeme) { return pairs }
            func aligned(_ g: Set<String>) -> Set<String> {
                var g = g
                for (a, b) in [("V-oy", "V-ey"), ("gen1", "gent"), ("loc1", "loct")] where g.remove(a) != nil { g.insert(b) }
                return g
            }
            let leftGrammemes = leftLexeme.map { aligned($0.tag.grammemes) }
            return rightLexeme.compactMap { r in
                let gr = aligned(r.tag.grammemes)
                var best: Int? = nil, bestDistance = Int.max
                for (k, gl) in leftGrammemes.enumerated() {
                    let d = gl.symmetricDifference(gr).count
                    if d < bestDistance { bestDistance = d; best = k }
                }
                guard let b = best else { return nil }
                let l = leftLexeme[b]
                return Parse(word: l.word + "-" + r.word, tag: l.tag, normalForm: l.normalForm + "-" + r.normalForm,
                             score: (l.score + r.score) / 2, method: .hyphenBoth(l.method, r.method))
            }
        }
    }

    /// Grammeme pairs made equal before the forms of the two halves of a hyphenated word are
    /// matched (`lexeme`, `.hyphenBoth`).
    private static let hyphenAlignment = [("V-oy", "V-ey"), ("gen1", "gent"), ("loc1", "loct")]

    /// The `.hyphenBoth` lexeme on grammeme bits: each right form with the left form whose
    /// aligned grammemes differ least (the first such). Nil when a tag has no bits.
    private func hyphenBothBits(_ leftLexeme: [Parse], _ rightLexeme: [Parse]) -> [Parse]? {
        var pairs: [(GrammemeBits, GrammemeBits)] = []
        for (a, b) in Self.hyphenAlignment {
            guard let ka = data.grammemeIndex[a], let kb = data.grammemeIndex[b],
                  ka < GrammemeBits.capacity, kb < GrammemeBits.capacity else { return nil }
            var x = GrammemeBits(), y = GrammemeBits()
            x.insert(ka)
            y.insert(kb)
            pairs.append((x, y))
        }
        func aligned(_ tag: Tag) -> GrammemeBits? {
            guard var g = tag.info.bits else { return nil }
            for (a, b) in pairs where !g.intersection(a).isEmpty { g = g.subtracting(a).union(b) }
            return g
        }
        var leftBits: [GrammemeBits] = []
        leftBits.reserveCapacity(leftLexeme.count)
        for l in leftLexeme {
            guard let g = aligned(l.tag) else { return nil }
            leftBits.append(g)
        }
        var rightBits: [GrammemeBits] = []
        rightBits.reserveCapacity(rightLexeme.count)
        for r in rightLexeme {
            guard let g = aligned(r.tag) else { return nil }
            rightBits.append(g)
        }
        var out: [Parse] = []
        for (r, gr) in zip(rightLexeme, rightBits) {
            var best: Int? = nil, bestDistance = Int.max
            for (k, gl) in leftBits.enumerated() {
                let d = gl.symmetricDifference(gr).count
                if d < bestDistance { bestDistance = d; best = k }
            }
            guard let b = best else { continue }
            let l = leftLexeme[b]
            out.append(Parse(word: l.word + "-" + r.word, tag: l.tag, normalForm: l.normalForm + "-" + r.normalForm,
                             score: (l.score + r.score) / 2, method: .hyphenBoth(l.method, r.method)))
        }
        return out
    }

    /// The form of `parse`'s lexeme that has all `grammemes` and is otherwise closest to `parse`
    /// (pymorphy3's `Parse.inflect`); nil when the lexeme has no such form.
    public func inflect(_ parse: Parse, to grammemes: Set<String>) -> Parse? {
        if case .dictionary(let p, let i) = parse.method {
            // The lexeme is the paradigm: choose among its tags, spell out only the chosen form.
            guard data.valid(p, i) else { return nil }  // an empty lexeme
            if let choice = inflection(of: parse.tag.info, among: data.formCount(p), to: grammemes, tag: { data.tag(p, $0) }) {
                guard let j = choice else { return nil }
                var w = parse.word
                let form = w.withUTF8 { bytes in
                    data.form(stem: UnsafeBufferPointer(rebasing: bytes[data.stem(bytes, p, i)]), p, j)
                }
                return Parse(word: form, tag: Tag(data.tag(p, j)), normalForm: parse.normalForm, score: 1.0,
                             method: .dictionary(paradigm: p, index: j))
            }
        }
        let forms = lexeme(parse)
        if let choice = inflection(of: parse.tag.info, among: forms.count, to: grammemes, tag: { forms[$0].tag.info }) {
            return choice.map { forms[$0] }
        }
        var required = grammemes
        var possible = forms.filter { required.isSubset(of: $0.tag.grammemes) }
        if possible.isEmpty {
            required = Set(required.map { Grammemes.rareCases[$0] ?? $0 })
            possible = forms.filter { required.isSubset(of: $0.tag.grammemes) }
        }
        guard !possible.isEmpty else { return nil }
        var target = parse.tag.grammemes.union(required)
        for g in required { target.subtract(data.incompatible[g] ?? []) }
        var best = possible[0]
        var bestScore = -Double.infinity
        for f in possible {
            let g = f.tag.grammemes
            let s = Double(target.intersection(g).count) - 0.1 * Double(target.symmetricDifference(g).count)
            if s > bestScore { bestScore = s; best = f }
        }
        return best
    }

    /// The form `inflect` picks among `n` forms whose tags are `tag(j)`, on grammeme bits:
    /// the first form with the best score, as the `Set<String>` code below finds it.
    /// `.some(nil)`: no form has the grammemes; nil: a tag or the dictionary without bits, for
    /// the general path to answer.
    private func inflection(of own: TagInfo, among n: Int, to grammemes: Set<String>,
                            tag: (Int) -> TagInfo) -> Int?? {
        guard let incompatibleBits = data.incompatibleBits, let ownBits = own.bits else { return nil }
        for j in 0..<n where tag(j).bits == nil { return nil }
        /// The bits of `gs`; nil when one of them has no number, so that no tag has it.
        func bits(_ gs: some Sequence<String>) -> GrammemeBits? {
            var b = GrammemeBits()
            for g in gs {
                guard let k = data.grammemeIndex[g], k < GrammemeBits.capacity else { return nil }
                b.insert(k)
            }
            return b
        }
        func anyForm(with required: GrammemeBits?) -> Bool {
            guard let required else { return false }
            for j in 0..<n where required.isSubset(of: tag(j).bits ?? GrammemeBits()) { return true }
            return false
        }
        var required = bits(grammemes)
        var requiredNames = Array(grammemes)
        if !anyForm(with: required) {
            requiredNames = grammemes.map { Grammemes.rareCases[$0] ?? $0 }
            required = bits(requiredNames)
            guard anyForm(with: required) else { return .some(nil) }
        }
        guard let required else { return .some(nil) }
        var target = ownBits.union(required)
        for g in requiredNames {
            if let k = data.grammemeIndex[g], k < incompatibleBits.count { target = target.subtracting(incompatibleBits[k]) }
        }
        var best = -1
        var bestScore = -Double.infinity
        for j in 0..<n {
            guard let g = tag(j).bits, required.isSubset(of: g) else { continue }
            let s = Double(target.intersection(g).count) - 0.1 * Double(target.symmetricDifference(g).count)
            if s > bestScore { bestScore = s; best = j }
        }
        return .some(best >= 0 ? best : nil)
    }

    /// Whether `g` is a grammeme this dictionary knows.
    public func isKnownGrammeme(_ g: String) -> Bool { data.knownGrammemes.contains(g) }
}

/// The parses of the capital letters that may be initials, indexed by scalar value - U+0400.
private final class InitialTable: @unchecked Sendable {
    // @unchecked: `parses` is written once, in MorphAnalyzer.init before the analyzer is
    // returned, and only read afterwards.
    static let size = 0x30
    var parses: [[Parse]] = []

    static func slot(_ c: Unicode.Scalar) -> Int? {
        let k = Int(c.value) - 0x400
        return k >= 0 && k < size ? k : nil
    }
}

/// Holds the lazily loaded default analyzer.
private final class SharedBox: @unchecked Sendable {
    // @unchecked: `value` is only read or written while holding `lock`.
    private let lock = NSLock()
    private var value: MorphAnalyzer?

    func get() throws(MorphologyError) -> MorphAnalyzer {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let loaded = try MorphAnalyzer(dictionaryDirectory: MorphAnalyzer.locateDictionary())
        value = loaded
        return loaded
    }
}

/// Scalar-exact string helpers (pymorphy slices by code points; Swift's Character-based
/// operations would treat combining marks differently).
enum Text {
    static func hasPrefix(_ s: String, _ p: String) -> Bool { s.utf8.starts(with: p.utf8) }
    static func hasSuffix(_ s: String, _ p: String) -> Bool {
        let a = s.utf8, b = p.utf8
        return a.count >= b.count && a.suffix(b.count).elementsEqual(b)
    }
    static func dropFirstScalars(_ s: String, _ n: Int) -> String {
        String(Substring(s.unicodeScalars.dropFirst(n)))
    }
    static func dropLastScalars(_ s: String, _ n: Int) -> String {
        String(Substring(s.unicodeScalars.dropLast(n)))
    }
}
