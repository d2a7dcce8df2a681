import CKernels
import Foundation

/// The dense kernels of the models, on row-major float buffers.
///
/// `multiplyAccumulate` is a register-blocked kernel: a 4-row × 8-column block of the output
/// stays in SIMD registers for the whole inner dimension, so each weight vector loaded serves
/// four rows and the output is loaded and stored once. Sums run over the inner index in order,
/// as in the plain loop it replaced.
/// A weight matrix (`inner × columns`, row-major) with the strip-packed copy the AVX2 kernel reads.
struct Matrix: Sendable {
    let inner: Int
    let columns: Int
    let values: [Float]
    let packed: [Float]

    init(inner: Int, columns: Int, values: [Float]) {
        precondition(values.count == inner * columns)
        self.inner = inner
        self.columns = columns
        self.values = values
        let count = twingraph_packed_count(inner, columns)
        packed = [Float](unsafeUninitializedCapacity: count) { buffer, initialised in
            values.withUnsafeBufferPointer { twingraph_pack($0.baseAddress!, inner, columns, buffer.baseAddress!) }
            initialised = count
        }
    }
}

enum Kernels {
    /// Which matrix kernel runs: the AVX2/FMA one in C where the CPU has it, else the portable
    /// SIMD4 one below. `TWINGRAPH_KERNEL=simd4` forces the portable one (to compare them).
    static let useAVX2: Bool = twingraph_has_avx2_fma() != 0
        && ProcessInfo.processInfo.environment["TWINGRAPH_KERNEL"] != "simd4"

    @inline(__always) private static func load(_ p: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always) private static func store(_ v: SIMD4<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Float>.self)
    }

    /// `output[r] += input[r] · weight[0..<inner]` for `rows` rows (`inner` at most `weight.inner`:
    /// a prefix of the weight's rows may be used).
    static func multiplyAccumulate(
        _ input: UnsafePointer<Float>, inputStride: Int, rows: Int, inner: Int,
        _ weight: Matrix,
        into output: UnsafeMutablePointer<Float>, outputStride: Int
    ) {
        precondition(inner <= weight.inner)
        guard rows > 0 else { return }
        if useAVX2 {
            weight.packed.withUnsafeBufferPointer { w in
                twingraph_multiply_accumulate_avx2(input, inputStride, rows, inner, w.baseAddress!, weight.inner,
                                                   weight.columns, output, outputStride)
            }
        } else {
            weight.values.withUnsafeBufferPointer { w in
                portableMultiplyAccumulate(input, inputStride: inputStride, rows: rows, inner: inner,
                                           w.baseAddress!, columns: weight.columns, into: output, outputStride: outputStride)
            }
        }
    }

    /// The portable kernel (SIMD4): `output[r] += input[r] · weight`, `weight` row-major `inner × columns`.
    static func portableMultiplyAccumulate(
        _ input: UnsafePointer<Float>, inputStride: Int, rows: Int, inner: Int,
        _ weight: UnsafePointer<Float>, columns: Int,
        into output: UnsafeMutablePointer<Float>, outputStride: Int
    ) {
        let blocked = columns & ~7
        var r = 0
        while r + 4 <= rows {
            let a0 = input + r * inputStride, a1 = a0 + inputStride, a2 = a1 + inputStride, a3 = a2 + inputStride
            let o0 = output + r * outputStride, o1 = o0 + outputStride, o2 = o1 + outputStride, o3 = o2 + outputStride
            var c = 0
            while c < blocked {
                var s00 = load(o0 + c), s01 = load(o0 + c + 4)
                var s10 = load(o1 + c), s11 = load(o1 + c + 4)
                var s20 = load(o2 + c), s21 = load(o2 + c + 4)
                var s30 = load(o3 + c), s31 = load(o3 + c + 4)
                var w = weight + c
                for i in 0..<inner {
                    let w0 = load(w), w1 = load(w + 4)
                    let x0 = SIMD4(repeating: a0[i]), x1 = SIMD4(repeating: a1[i])
                    let x2 = SIMD4(repeating: a2[i]), x3 = SIMD4(repeating: a3[i])
                    s00 += x0 * w0; s01 += x0 * w1
                    s10 += x1 * w0; s11 += x1 * w1
                    s20 += x2 * w0; s21 += x2 * w1
                    s30 += x3 * w0; s31 += x3 * w1
                    w += columns
                }
                store(s00, o0 + c); store(s01, o0 + c + 4)
                store(s10, o1 + c); store(s11, o1 + c + 4)
                store(s20, o2 + c); store(s21, o2 + c + 4)
                store(s30, o3 + c); store(s31, o3 + c + 4)
                c += 8
            }
            if blocked < columns {
                for (a, o) in [(a0, o0), (a1, o1), (a2, o2), (a3, o3)] {
                    for c in blocked..<columns {
                        var s = o[c]
                        for i in 0..<inner { s += a[i] * weight[i * columns + c] }
                        o[c] = s
                    }
                }
            }
            r += 4
        }
        while r < rows {
            let a = input + r * inputStride, o = output + r * outputStride
            var c = 0
            while c < blocked {
                var s0 = load(o + c), s1 = load(o + c + 4)
                var w = weight + c
                for i in 0..<inner {
                    let x = SIMD4(repeating: a[i])
                    s0 += x * load(w); s1 += x * load(w + 4)
                    w += columns
                }
                store(s0, o + c); store(s1, o + c + 4)
                c += 8
            }
            for c in blocked..<columns {
                var s = o[c]
                for i in 0..<inner { s += a[i] * weight[i * columns + c] }
                o[c] = s
            }
            r += 1
        }
    }

    /// `output = bias + input · weight`, rows by rows.
    static func affine(_ input: [Float], rows: Int, weight: Matrix, bias: [Float]) -> [Float] {
        let columns = bias.count, inner = weight.inner
        var output = [Float](repeating: 0, count: rows * columns)
        output.withUnsafeMutableBufferPointer { out in
            for r in 0..<rows { for c in 0..<columns { out[r * columns + c] = bias[c] } }
            input.withUnsafeBufferPointer { a in
                multiplyAccumulate(a.baseAddress!, inputStride: inner, rows: rows, inner: inner,
                                   weight, into: out.baseAddress!, outputStride: columns)
            }
        }
        return output
    }

    /// Index of the first largest value of `values[0..<count]` (numpy's argmax).
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
