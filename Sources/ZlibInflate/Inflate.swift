import CSystemZlib

/// Inflates a whole deflate stream held in memory: the gzip files of Natasha's packs and the
/// members of .docx and .odt zips.
///
/// It stops at the stream's end, at the end of the input (a stream cut short is an error, never
/// a loop), at the first damaged block, or once the output passes `limit` bytes.
public enum Inflate {
    /// What wraps the deflate stream.
    public enum Framing: Sendable {
        /// A gzip header and trailer (a .gz file).
        case gzip
        /// No header: a zip member's data.
        case raw

        var windowBits: Int32 { self == .gzip ? 16 + MAX_WBITS : -MAX_WBITS }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case cannotStart
        case cutShort
        case damaged
        case tooLarge(limit: Int)

        public var description: String {
            switch self {
            case .cannotStart: "zlib cannot start"
            case .cutShort: "its compressed data is cut short"
            case .damaged: "its compressed data is damaged"
            case let .tooLarge(limit): "it unpacks to more than \(limit >> 20) MB"
            }
        }
    }

    public static func bytes(_ packed: ArraySlice<UInt8>, framing: Framing, limit: Int = .max) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, framing.windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .cannotStart
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, packed.count * 4))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        var input = Array(packed)
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while status == Z_OK && output.count <= limit {
                chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: buffer[0..<(buffer.count - Int(stream.avail_out))])
                }
            }
        }
        if output.count > limit { throw .tooLarge(limit: limit) }
        switch status {
        case Z_STREAM_END: return output
        case Z_BUF_ERROR: throw .cutShort
        default: throw .damaged
        }
    }
}
