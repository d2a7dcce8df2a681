import Testing
@testable import Parsing

@Suite struct KernelTests {
    /// The kernel in use (AVX2 where the CPU has it) against the portable one and against a
    /// plain triple loop, on shapes with partial column strips, leftover rows and a row prefix of the weight.
    @Test(arguments: [(1, 3, 1), (5, 7, 17), (9, 33, 64), (4, 300, 256), (7, 64, 753)])
    func kernelsAgree(rows: Int, inner: Int, columns: Int) {
        var seed: UInt64 = 42
        func random() -> Float {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int(seed >> 40) % 2001 - 1000) / 1000
        }
        let a = (0..<rows * inner).map { _ in random() }
        let weight = Matrix(inner: inner + 2, columns: columns, values: (0..<(inner + 2) * columns).map { _ in random() })
        let start = (0..<rows * columns).map { _ in random() }
        var expected = start
        for r in 0..<rows { for c in 0..<columns { for i in 0..<inner {
            expected[r * columns + c] += a[r * inner + i] * weight.values[i * columns + c]
        } } }
        var chosen = start, portable = start
        a.withUnsafeBufferPointer { a in
            chosen.withUnsafeMutableBufferPointer { out in
                Kernels.multiplyAccumulate(a.baseAddress!, inputStride: inner, rows: rows, inner: inner, weight,
                                           into: out.baseAddress!, outputStride: columns)
            }
            weight.values.withUnsafeBufferPointer { w in
                portable.withUnsafeMutableBufferPointer { out in
                    Kernels.portableMultiplyAccumulate(a.baseAddress!, inputStride: inner, rows: rows, inner: inner,
                                                       w.baseAddress!, columns: columns, into: out.baseAddress!, outputStride: columns)
                }
            }
        }
        let tolerance: Float = 1e-4 * Float(inner)
        #expect(zip(chosen, expected).allSatisfy { abs($0 - $1) <= tolerance })
        #expect(zip(portable, expected).allSatisfy { abs($0 - $1) <= tolerance })
    }
}
