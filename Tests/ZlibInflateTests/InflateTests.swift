import CSystemZlib
import Testing
import ZlibInflate

/// Whole-stream inflating: what zlib's deflate made comes back, in both framings; a stream cut
/// short, damaged or too large is an error at once.
@Suite struct InflateTests {
    static let text = Array(String(repeating: "Делегация города посетила город-побратим. ", count: 400).utf8)

    /// `bytes` deflated by zlib with the window bits of `framing` (raw -15, gzip 31).
    static func deflated(_ bytes: [UInt8], framing: Inflate.Framing) -> [UInt8] {
        var stream = z_stream()
        let bits: Int32 = framing == .gzip ? 16 + MAX_WBITS : -MAX_WBITS
        guard deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count + 1024)
        let written = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_FINISH) == Z_STREAM_END ? target.count - Int(stream.avail_out) : 0
            }
        }
        return Array(output[0..<written])
    }

    @Test(arguments: [Inflate.Framing.gzip, .raw])
    func whatDeflateMadeComesBack(framing: Inflate.Framing) throws {
        let packed = Self.deflated(Self.text, framing: framing)
        #expect(!packed.isEmpty && packed.count < Self.text.count / 10)
        #expect(try Inflate.bytes(packed[...], framing: framing) == Self.text)
    }

    @Test(arguments: [Inflate.Framing.gzip, .raw])
    func aStreamCutShortIsAnError(framing: Inflate.Framing) {
        let packed = Self.deflated(Self.text, framing: framing)
        for length in [1, packed.count / 3, packed.count - 6] {
            #expect(throws: Inflate.Failure.cutShort, "cut at \(length)") { try Inflate.bytes(packed[0..<length], framing: framing) }
        }
    }

    @Test func theWrongFramingIsDamage() {
        let raw = Self.deflated(Self.text, framing: .raw)
        #expect(throws: Inflate.Failure.damaged) { try Inflate.bytes(raw[...], framing: .gzip) }
    }

    @Test func unpackingStopsAtTheLimit() throws {
        let packed = Self.deflated(Self.text, framing: .raw)
        #expect(try Inflate.bytes(packed[...], framing: .raw, limit: Self.text.count).count == Self.text.count)
        #expect(throws: Inflate.Failure.tooLarge(limit: 1000)) { try Inflate.bytes(packed[...], framing: .raw, limit: 1000) }
    }
}
