/// The dense kernels of the models, on row-major float buffers. The inner loop runs along
/// the output row so the compiler vectorises it; rows are taken four at a time so each
/// weight row loaded serves four outputs.
enum Kernels {
    /// `output[r] += input[r] · weight` for `rows` rows; `weight` is `inner × columns`.
    static func multiplyAccumulate(
        _ input: UnsafePointer<Float>, inputStride: Int, rows: Int, inner: Int,
        _ weight: UnsafePointer<Float>, columns: Int,
        into output: UnsafeMutablePointer<Float>, outputStride: Int
    ) {
        var r = 0
        while r + 4 <= rows {
            let a0 = input + r * inputStride, a1 = a0 + inputStride, a2 = a1 + inputStride, a3 = a2 + inputStride
            let o0 = output + r * outputStride, o1 = o0 + outputStride, o2 = o1 + outputStride, o3 = o2 + outputStride
            for i in 0..<inner {
                let w = weight + i * columns
                let x0 = a0[i], x1 = a1[i], x2 = a2[i], x3 = a3[i]
                for c in 0..<columns {
                    let wc = w[c]
                    o0[c] += x0 * wc
                    o1[c] += x1 * wc
                    o2[c] += x2 * wc
                    o3[c] += x3 * wc
                }
            }
            r += 4
        }
        while r < rows {
            let a = input + r * inputStride, o = output + r * outputStride
            for i in 0..<inner {
                let w = weight + i * columns
                let x = a[i]
                for c in 0..<columns { o[c] += x * w[c] }
            }
            r += 1
        }
    }

    /// `output = bias + input · weight`, rows by rows.
    static func affine(_ input: [Float], rows: Int, inner: Int, weight: [Float], bias: [Float]) -> [Float] {
        let columns = bias.count
        var output = [Float](repeating: 0, count: rows * columns)
        output.withUnsafeMutableBufferPointer { out in
            for r in 0..<rows { for c in 0..<columns { out[r * columns + c] = bias[c] } }
            input.withUnsafeBufferPointer { a in
                weight.withUnsafeBufferPointer { w in
                    multiplyAccumulate(a.baseAddress!, inputStride: inner, rows: rows, inner: inner,
                                       w.baseAddress!, columns: columns, into: out.baseAddress!, outputStride: columns)
                }
            }
        }
        return output
    }

    /// Index of the first largest value of `values[start..<start+count]` (numpy's argmax).
    @inline(__always)
    static func argmax(_ values: UnsafePointer<Float>, count: Int) -> Int {
        var best = 0
        var bestValue = values[0]
        for i in 1..<max(count, 1) where values[i] > bestValue {
            best = i
            bestValue = values[i]
        }
        return best
    }
}
