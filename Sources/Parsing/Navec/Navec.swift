/// Navec word embeddings: a vocabulary and product-quantised vectors.
///
/// Each vector of `dimension` floats is cut into `subvectorCount` pieces; each piece is stored as
/// the one-byte index of its nearest centroid in that piece's codebook. A vector is rebuilt by
/// concatenating the chosen centroids.
public struct NavecEmbeddings: Sendable {
    /// The id in `meta.json`; slovnet packs name the navec they were trained with.
    public let id: String
    /// The words, by id; `<unk>` and `<pad>` come last.
    public let words: WordTable
    /// Corpus counts of the words, in id order.
    public let counts: [UInt32]
    /// The vectors, by word id.
    public let vectors: QuantisedVectors

    /// Reads a navec tar (`meta.json`, `vocab.bin`, `pq.bin`).
    public init(path: String) throws(ModelError) {
        let archive = try TarArchive(path: path)
        let meta = try PackJSON.object(archive.data("meta.json"), name: "meta.json", archive: path)
        guard let id = meta["id"] as? String, (meta["protocol"] as? Int) == 1 else {
            throw ModelError(path: path, problem: "meta.json has no id or an unknown protocol")
        }
        self.id = id
        let vocab = try Gzip.decompress(archive.data("vocab.bin"), name: "vocab.bin", archive: path)
        guard vocab.count >= 4 else { throw ModelError(path: path, problem: "vocab.bin is truncated") }
        let size = Int(littleEndianUInt32(vocab, at: 0))
        guard vocab.count >= 4 + 4 * size else { throw ModelError(path: path, problem: "vocab.bin is truncated") }
        counts = (0..<size).map { littleEndianUInt32(vocab, at: 4 + 4 * $0) }
        words = WordTable(text: Array(vocab[(4 + 4 * size)...]))
        guard words.count == size else {
            throw ModelError(path: path, problem: "vocab.bin has \(words.count) words for \(size) counts")
        }
        vectors = try QuantisedVectors(archive.data("pq.bin"), archive: path)
        guard vectors.count == size else {
            throw ModelError(path: path, problem: "pq.bin has \(vectors.count) vectors for \(size) words")
        }
    }
}

/// Product-quantised vectors (`pq.bin`): a header of four little-endian UInt32 (vectors,
/// dimension, pieces, centroids), then one byte per vector and piece, then the codebooks
/// (pieces × centroids × piece length, Float32).
public struct QuantisedVectors: Sendable {
    /// How many vectors (one per word).
    public let count: Int
    /// Floats per vector (300).
    public let dimension: Int
    /// Pieces each vector is cut into (100).
    public let subvectorCount: Int
    /// Centroids in each piece's codebook (256).
    public let centroidCount: Int
    /// `count × subvectorCount` centroid indexes.
    let indexes: [UInt8]
    /// `subvectorCount × centroidCount × subvectorLength` floats.
    let codebooks: [Float]

    /// Floats per piece.
    public var subvectorLength: Int { dimension / subvectorCount }

    init(_ data: ArraySlice<UInt8>, archive: String) throws(ModelError) {
        let bytes = Array(data)
        guard bytes.count >= 16 else { throw ModelError(path: archive, problem: "pq.bin is truncated") }
        count = Int(littleEndianUInt32(bytes, at: 0))
        dimension = Int(littleEndianUInt32(bytes, at: 4))
        subvectorCount = Int(littleEndianUInt32(bytes, at: 8))
        centroidCount = Int(littleEndianUInt32(bytes, at: 12))
        guard subvectorCount > 0, dimension % subvectorCount == 0, centroidCount <= 256 else {
            throw ModelError(path: archive, problem: "pq.bin has an impossible header")
        }
        let indexBytes = count * subvectorCount
        let codeFloats = subvectorCount * centroidCount * (dimension / subvectorCount)
        guard bytes.count == 16 + indexBytes + 4 * codeFloats else {
            throw ModelError(path: archive, problem: "pq.bin has \(bytes.count) bytes, expected \(16 + indexBytes + 4 * codeFloats)")
        }
        indexes = Array(bytes[16..<16 + indexBytes])
        codebooks = floats(bytes[(16 + indexBytes)...])
    }

    /// Writes vector `id` into `output[0..<dimension]`.
    @inline(__always)
    func write(_ id: Int, into output: UnsafeMutablePointer<Float>) {
        let length = subvectorLength
        indexes.withUnsafeBufferPointer { index in
            codebooks.withUnsafeBufferPointer { code in
                for piece in 0..<subvectorCount {
                    let centroid = Int(index[id * subvectorCount + piece])
                    let source = (piece * centroidCount + centroid) * length
                    for k in 0..<length { output[piece * length + k] = code[source + k] }
                }
            }
        }
    }

    /// Vector `id`, rebuilt from its centroids.
    public func vector(_ id: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: dimension) { buffer, initialised in
            write(id, into: buffer.baseAddress!)
            initialised = dimension
        }
    }
}

@inline(__always)
func littleEndianUInt32<C: RandomAccessCollection>(_ bytes: C, at offset: Int) -> UInt32 where C.Element == UInt8, C.Index == Int {
    let base = bytes.startIndex + offset
    return UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8 | UInt32(bytes[base + 2]) << 16 | UInt32(bytes[base + 3]) << 24
}

/// Little-endian Float32s.
func floats(_ bytes: ArraySlice<UInt8>) -> [Float] {
    let n = bytes.count / 4
    return [Float](unsafeUninitializedCapacity: n) { buffer, initialised in
        bytes.withUnsafeBytes { raw in
            for i in 0..<n { buffer[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))) }
        }
        initialised = n
    }
}

/// Lines of UTF-8 text split on "\n" (as Python's `splitlines` does for these files).
func splitLines(_ bytes: ArraySlice<UInt8>) -> [String] {
    var lines: [String] = []
    var start = bytes.startIndex
    for i in bytes.indices where bytes[i] == 0x0A {
        lines.append(String(decoding: bytes[start..<i], as: UTF8.self))
        start = i + 1
    }
    if start < bytes.endIndex { lines.append(String(decoding: bytes[start...], as: UTF8.self)) }
    return lines
}
