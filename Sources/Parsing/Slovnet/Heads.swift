/// A linear projection (`inputs × outputs` weight, as slovnet stores it).
struct LinearLayer: Sendable {
    let inputs: Int
    let outputs: Int
    let weight: Matrix
    let bias: [Float]

    init(pack: SlovnetPack, keys: [String]) throws(ModelError) {
        let weight = try pack.weight(keys + ["weight"])
        guard weight.shape.count == 2 else { throw ModelError(path: pack.path, problem: "model.json: \(keys.joined(separator: ".")) is not a matrix") }
        inputs = weight.shape[0]
        outputs = weight.shape[1]
        self.weight = Matrix(inner: inputs, columns: outputs, values: weight.values)
        bias = try pack.weight(keys + ["bias"]).values
    }

    func callAsFunction(_ x: [Float], rows: Int, relu: Bool = false) -> [Float] {
        var y = Kernels.affine(x, rows: rows, weight: weight, bias: bias)
        if relu { for i in y.indices where y[i] < 0 { y[i] = 0 } }
        return y
    }
}

/// NER head: emissions by a projection, tags by Viterbi decoding under the CRF's transitions.
struct NERHead: Sendable {
    let projection: LinearLayer
    /// `transitions[from * tags + to]`.
    let transitions: [Float]

    init(pack: SlovnetPack) throws(ModelError) {
        projection = try LinearLayer(pack: pack, keys: ["head", "proj"])
        transitions = try pack.weight(["head", "crf", "transitions"]).values
        guard transitions.count == projection.outputs * projection.outputs else {
            throw ModelError(path: pack.path, problem: "CRF transitions do not match the tags")
        }
    }

    /// The best tag sequence; ties go to the lowest tag id, as numpy's argmax does.
    func decode(_ encoded: [Float], count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let tags = projection.outputs
        let emissions = projection(encoded, rows: count)
        var score = Array(emissions[0..<tags])
        var next = score
        var history = [Int32](repeating: 0, count: max(count - 1, 0) * tags)
        for t in 1..<max(count, 1) {
            for to in 0..<tags {
                var best = 0
                var bestValue = -Float.infinity
                for from in 0..<tags {
                    let value = score[from] + transitions[from * tags + to] + emissions[t * tags + to]
                    if value > bestValue || from == 0 { best = from; bestValue = value }
                }
                next[to] = bestValue
                history[(t - 1) * tags + to] = Int32(best)
            }
            swap(&score, &next)
        }
        var best = score.withUnsafeBufferPointer { Kernels.argmax($0.baseAddress!, count: tags) }
        var path = [Int](repeating: 0, count: count)
        path[count - 1] = best
        for t in stride(from: count - 2, through: 0, by: -1) {
            best = Int(history[t * tags + best])
            path[t] = best
        }
        return path
    }
}

/// Morphology head: one projection to the tag set, argmax.
struct MorphHead: Sendable {
    let projection: LinearLayer

    init(pack: SlovnetPack) throws(ModelError) {
        projection = try LinearLayer(pack: pack, keys: ["head", "proj"])
    }

    func decode(_ encoded: [Float], count: Int) -> [Int] {
        guard count > 0 else { return [] }
        let tags = projection.outputs
        let logits = projection(encoded, rows: count)
        return logits.withUnsafeBufferPointer { p in
            (0..<count).map { Kernels.argmax(p.baseAddress! + $0 * tags, count: tags) }
        }
    }
}

/// Syntax heads: a biaffine scorer picks each token's head among the root and the tokens,
/// then a bilinear scorer picks the relation to that head.
struct SyntaxHeads: Sendable {
    let headDependent: LinearLayer
    let headCandidate: LinearLayer
    let headRoot: [Float]
    let headKernel: Matrix
    let relationHead: LinearLayer
    let relationDependent: LinearLayer
    let relationRoot: [Float]
    /// `hidden × (relations × hidden)`.
    let relationKernel: Matrix
    let relationCount: Int

    init(pack: SlovnetPack) throws(ModelError) {
        headDependent = try LinearLayer(pack: pack, keys: ["head", "head", "proj"])
        headCandidate = try LinearLayer(pack: pack, keys: ["head", "tail", "proj"])
        headRoot = try pack.weight(["head", "root"]).values
        let headKernel = try pack.weight(["head", "kernel"])
        relationHead = try LinearLayer(pack: pack, keys: ["rel", "head", "proj"])
        relationDependent = try LinearLayer(pack: pack, keys: ["rel", "tail", "proj"])
        relationRoot = try pack.weight(["rel", "root"]).values
        let kernel = try pack.weight(["rel", "kernel"])
        let hidden = relationHead.outputs
        guard kernel.shape == [hidden, kernel.shape[1]], kernel.shape[1] % hidden == 0,
              headKernel.shape == [headDependent.outputs, headCandidate.outputs] else {
            throw ModelError(path: pack.path, problem: "the syntax kernels do not match their projections")
        }
        self.headKernel = Matrix(inner: hidden, columns: headCandidate.outputs, values: headKernel.values)
        relationKernel = Matrix(inner: hidden, columns: kernel.shape[1], values: kernel.values)
        relationCount = kernel.shape[1] / hidden
    }

    /// Heads (0 the root, t + 1 token t) and relation ids for each token.
    func decode(_ encoded: [Float], count: Int) -> (heads: [Int], relations: [Int]) {
        guard count > 0 else { return ([], []) }
        let withRoot = headRoot + encoded
        let dependents = headDependent(withRoot, rows: count + 1, relu: true)
        let candidates = headCandidate(withRoot, rows: count + 1, relu: true)
        let hidden = headDependent.outputs, candidateWidth = headCandidate.outputs
        // (dependent · kernel) for the tokens (rows 1...count of `dependents`).
        var queries = [Float](repeating: 0, count: count * candidateWidth)
        queries.withUnsafeMutableBufferPointer { q in
            dependents.withUnsafeBufferPointer { d in
                Kernels.multiplyAccumulate(d.baseAddress! + hidden, inputStride: hidden, rows: count, inner: hidden,
                                           headKernel, into: q.baseAddress!, outputStride: candidateWidth)
            }
        }
        var heads = [Int](repeating: 0, count: count)
        var scores = [Float](repeating: 0, count: count + 1)
        queries.withUnsafeBufferPointer { q in candidates.withUnsafeBufferPointer { c in
            scores.withUnsafeMutableBufferPointer { s in
                for t in 0..<count {
                    let query = q.baseAddress! + t * candidateWidth
                    for j in 0...count {
                        let candidate = c.baseAddress! + j * candidateWidth
                        var sum: Float = 0
                        for h in 0..<candidateWidth { sum += query[h] * candidate[h] }
                        s[j] = sum
                    }
                    heads[t] = Kernels.argmax(s.baseAddress!, count: count + 1)
                }
            }
        } }
        // Relations: the head's representation (root included) against the dependent's.
        let relationInput = relationRoot + encoded
        let headRows = relationHead(relationInput, rows: count + 1, relu: true)
        let dependentRows = relationDependent(encoded, rows: count, relu: true)
        let relHidden = relationHead.outputs, relations = relationCount
        var relationIDs = [Int](repeating: 0, count: count)
        var projected = [Float](repeating: 0, count: relations * relHidden)
        var relationScores = [Float](repeating: 0, count: relations)
        headRows.withUnsafeBufferPointer { hr in
            dependentRows.withUnsafeBufferPointer { dr in
                projected.withUnsafeMutableBufferPointer { p in relationScores.withUnsafeMutableBufferPointer { r in
                    for t in 0..<count {
                        for i in 0..<p.count { p[i] = 0 }
                        Kernels.multiplyAccumulate(hr.baseAddress! + heads[t] * relHidden, inputStride: relHidden, rows: 1, inner: relHidden,
                                                   relationKernel, into: p.baseAddress!, outputStride: 0)
                        let dependent = dr.baseAddress! + t * relHidden
                        for rel in 0..<relations {
                            var sum: Float = 0
                            for h in 0..<relHidden { sum += p[rel * relHidden + h] * dependent[h] }
                            r[rel] = sum
                        }
                        relationIDs[t] = Kernels.argmax(r.baseAddress!, count: relations)
                    }
                } }
            }
        }
        return (heads, relationIDs)
    }
}
