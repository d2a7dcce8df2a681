/// A sentence as the models see it: word ids (lowercased form in the navec vocabulary) and
/// shape ids.
struct EncodedSentence {
    var wordIDs: [Int32]
    var shapeIDs: [Int32]
    var count: Int { wordIDs.count }
}

/// How the first convolution is computed.
public enum FirstLayerPath: Sendable {
    /// Builds each token's 330-float embedding and convolves it, as slovnet does.
    case plain
    /// Projects each distinct word's navec vector through the three kernel taps once per batch
    /// of sentences, and each shape once at load; a token's output is then a sum of cached rows.
    case cachedProjections
}

/// One layer: a width-3 convolution (padding 1), ReLU, then batch norm with frozen statistics.
struct ConvolutionLayer: Sendable {
    let inputs: Int
    let filters: Int
    /// `taps[k]` is `inputs × filters`: the kernel tap applied to position t + k - 1.
    let taps: [Matrix]
    let bias: [Float]
    let normMean: [Float]
    let normStd: [Float]
    let normWeight: [Float]
    let normBias: [Float]

    init(pack: SlovnetPack, node: [String: Any]) throws(ModelError) {
        let weight = try pack.weight(["conv", "weight"], in: node)
        guard weight.shape.count == 3, weight.shape[2] == 3, (node["conv"] as? [String: Any])?["padding"] as? Int == 1 else {
            throw ModelError(path: pack.path, problem: "model.json: an encoder layer is not a width-3 convolution")
        }
        filters = weight.shape[0]
        inputs = weight.shape[1]
        let (inputs, filters) = (weight.shape[1], weight.shape[0])
        var taps = [[Float]](repeating: [Float](repeating: 0, count: inputs * filters), count: 3)
        for f in 0..<filters { for c in 0..<inputs { for k in 0..<3 {
            taps[k][c * filters + f] = weight.values[(f * inputs + c) * 3 + k]
        } } }
        self.taps = taps.map { Matrix(inner: inputs, columns: filters, values: $0) }
        bias = try pack.weight(["conv", "bias"], in: node).values
        normMean = try pack.weight(["norm", "mean"], in: node).values
        normStd = try pack.weight(["norm", "std"], in: node).values
        normWeight = try pack.weight(["norm", "weight"], in: node).values
        normBias = try pack.weight(["norm", "bias"], in: node).values
    }

    /// Convolves `input` (`count × inputs`), zero beyond both ends.
    func convolve(_ input: [Float], count: Int) -> [Float] {
        var output = [Float](repeating: 0, count: count * filters)
        output.withUnsafeMutableBufferPointer { out in
            for t in 0..<count { for f in 0..<filters { out[t * filters + f] = bias[f] } }
            input.withUnsafeBufferPointer { a in
                for k in 0..<3 where count > 0 {
                    // Output rows t whose input row t + k - 1 exists.
                    let first = max(0, 1 - k), last = min(count, count + 1 - k)
                    guard last > first else { continue }
                    Kernels.multiplyAccumulate(
                        a.baseAddress! + (first + k - 1) * inputs, inputStride: inputs, rows: last - first, inner: inputs,
                        taps[k], into: out.baseAddress! + first * filters, outputStride: filters)
                }
            }
        }
        return output
    }

    /// ReLU then batch norm, in place, in numpy's order of operations.
    func activate(_ x: inout [Float]) {
        let filters = self.filters
        x.withUnsafeMutableBufferPointer { v in
            normMean.withUnsafeBufferPointer { mean in normStd.withUnsafeBufferPointer { std in
            normWeight.withUnsafeBufferPointer { weight in normBias.withUnsafeBufferPointer { bias in
                var base = 0
                while base < v.count {
                    for f in 0..<filters {
                        let r = max(v[base + f], 0)
                        v[base + f] = (r - mean[f]) / std[f] * weight[f] + bias[f]
                    }
                    base += filters
                }
            } } } }
        }
    }
}

/// Word and shape embeddings followed by the CNN encoder (three layers: 330 → 256 → 128 → 64).
struct CNNEncoder: Sendable {
    let navec: QuantisedVectors
    let shapeDimension: Int
    let shapeEmbedding: [Float]
    let layers: [ConvolutionLayer]
    /// Rows `3s..<3s+3` (each `filters` wide) are shape s's embedding through the three taps of
    /// the first layer: the shape half of the first convolution.
    let shapeProjections: [Float]

    var wordDimension: Int { navec.dimension }
    var outputDimension: Int { layers.last?.filters ?? 0 }

    init(pack: SlovnetPack, navec: NavecEmbeddings) throws(ModelError) {
        let word = try pack.module(["emb", "word"])
        guard (word["id"] as? String) == navec.id else {
            throw ModelError(path: pack.path, problem: "was trained with navec \(word["id"] ?? "?"), not \(navec.id)")
        }
        self.navec = navec.vectors
        let shape = try pack.weight(["emb", "shape", "weight"])
        shapeDimension = shape.shape[1]
        shapeEmbedding = shape.values
        guard let layerNodes = try pack.module(["encoder"])["layers"] as? [[String: Any]], !layerNodes.isEmpty else {
            throw ModelError(path: pack.path, problem: "model.json has no encoder layers")
        }
        var layers: [ConvolutionLayer] = []
        for node in layerNodes { layers.append(try ConvolutionLayer(pack: pack, node: node)) }
        guard layers[0].inputs == navec.vectors.dimension + shapeDimension else {
            throw ModelError(path: pack.path, problem: "the first layer takes \(layers[0].inputs) inputs, not navec + shape")
        }
        self.layers = layers
        let first = layers[0]
        let wordDimension = navec.vectors.dimension
        shapeProjections = (0..<shape.shape[0]).flatMap { s in
            var rows = [Float](repeating: 0, count: 3 * first.filters)
            for k in 0..<3 {
                for c in 0..<shape.shape[1] {
                    let x = shape.values[s * shape.shape[1] + c]
                    for f in 0..<first.filters { rows[k * first.filters + f] += x * first.taps[k].values[(wordDimension + c) * first.filters + f] }
                }
            }
            return rows
        }
    }

    /// The embedding of each token, `count × (navec + shape)`.
    func embed(_ sentence: EncodedSentence) -> [Float] {
        let width = wordDimension + shapeDimension
        var rows = [Float](repeating: 0, count: sentence.count * width)
        rows.withUnsafeMutableBufferPointer { out in
            for t in 0..<sentence.count {
                navec.write(Int(sentence.wordIDs[t]), into: out.baseAddress! + t * width)
                let s = Int(sentence.shapeIDs[t])
                for c in 0..<shapeDimension { out[t * width + wordDimension + c] = shapeEmbedding[s * shapeDimension + c] }
            }
        }
        return rows
    }

    /// The three taps of the first layer applied to the navec vectors of `wordIDs`:
    /// `wordIDs.count × 3 × filters`.
    func projectWords(_ wordIDs: [Int32]) -> [Float] {
        let first = layers[0]
        let filters = first.filters, dimension = wordDimension
        var vectors = [Float](repeating: 0, count: wordIDs.count * dimension)
        vectors.withUnsafeMutableBufferPointer { v in
            for (i, id) in wordIDs.enumerated() { navec.write(Int(id), into: v.baseAddress! + i * dimension) }
        }
        var projections = [Float](repeating: 0, count: wordIDs.count * 3 * filters)
        projections.withUnsafeMutableBufferPointer { out in
            vectors.withUnsafeBufferPointer { a in
                for k in 0..<3 {
                    // Only the first `dimension` input rows of the tap belong to the word.
                    Kernels.multiplyAccumulate(
                        a.baseAddress!, inputStride: dimension, rows: wordIDs.count, inner: dimension,
                        first.taps[k], into: out.baseAddress! + k * filters, outputStride: 3 * filters)
                }
            }
        }
        return projections
    }

    /// The encoder's output for one sentence, `count × outputDimension`. With `projections`
    /// (from `projectWords`, and `slots[t]` the row of token t in it) the first layer is a sum
    /// of cached rows; without, it is the plain convolution.
    func encode(_ sentence: EncodedSentence, projections: [Float]? = nil, slots: [Int32] = []) -> [Float] {
        let count = sentence.count
        guard count > 0 else { return [] }
        var x: [Float]
        let first = layers[0]
        if let projections {
            let filters = first.filters
            x = [Float](repeating: 0, count: count * filters)
            x.withUnsafeMutableBufferPointer { out in
                projections.withUnsafeBufferPointer { p in shapeProjections.withUnsafeBufferPointer { s in
                first.bias.withUnsafeBufferPointer { bias in
                    for t in 0..<count {
                        let o = out.baseAddress! + t * filters
                        for f in 0..<filters { o[f] = bias[f] }
                        for k in 0..<3 {
                            let source = t + k - 1
                            guard source >= 0 && source < count else { continue }
                            let word = p.baseAddress! + (Int(slots[source]) * 3 + k) * filters
                            let shape = s.baseAddress! + (Int(sentence.shapeIDs[source]) * 3 + k) * filters
                            for f in 0..<filters { o[f] += word[f] + shape[f] }
                        }
                    }
                } } }
            }
        } else {
            x = first.convolve(embed(sentence), count: count)
        }
        first.activate(&x)
        for layer in layers.dropFirst() {
            x = layer.convolve(x, count: count)
            layer.activate(&x)
        }
        return x
    }
}
