import CSystemZlib
import Foundation
import ZlibInflate

/// A zip archive held in memory, read as far as .docx and .odt files need: the central
/// directory, and members stored or deflated.
///
/// Every offset and size is checked against the data before it is used, and inflating stops at
/// the end of the member's bytes, at `maximumMemberSize`, or at the first damaged block: a
/// damaged zip is an error, never a crash or a loop. (ZIPFoundation, used before, read past the
/// end of a damaged in-memory archive and looped for ever on a deflate stream cut short; both
/// were found by the docx fuzz target.)
struct ZipArchive {
    struct Member {
        let name: String
        let method: UInt16
        let flags: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    enum ZipError: Error, Equatable {
        /// The archive's directory cannot be read.
        case notAZip(String)
        /// One member cannot be unpacked.
        case damagedMember(String, reason: String)
    }

    /// A member may unpack to at most this many bytes (a zip bomb stops here).
    static let maximumMemberSize = 512 << 20

    let bytes: [UInt8]
    private(set) var members: [String: Member] = [:]

    init(_ data: Data) throws(ZipError) {
        bytes = [UInt8](data)
        let end = try Self.endOfDirectory(in: bytes)
        let count = Int(bytes.uint16(at: end + 10))
        let directorySize = Int(bytes.uint32(at: end + 12)), directoryStart = Int(bytes.uint32(at: end + 16))
        guard directoryStart <= end, directorySize <= end - directoryStart else {
            throw .notAZip("its directory lies outside the file")
        }
        var at = directoryStart
        for _ in 0..<count {
            guard at + 46 <= end, bytes.uint32(at: at) == 0x0201_4B50 else {
                throw .notAZip("its directory is damaged")
            }
            let nameLength = Int(bytes.uint16(at: at + 28)), extraLength = Int(bytes.uint16(at: at + 30))
            let commentLength = Int(bytes.uint16(at: at + 32))
            guard at + 46 + nameLength <= end else { throw .notAZip("its directory is damaged") }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            let member = Member(
                name: name, method: bytes.uint16(at: at + 10), flags: bytes.uint16(at: at + 8),
                crc32: bytes.uint32(at: at + 16), compressedSize: Int(bytes.uint32(at: at + 20)),
                uncompressedSize: Int(bytes.uint32(at: at + 24)), localHeaderOffset: Int(bytes.uint32(at: at + 42)))
            if members[name] == nil { members[name] = member }
            at += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The end-of-central-directory record: the last one in the final 64 KiB + 22 bytes.
    private static func endOfDirectory(in bytes: [UInt8]) throws(ZipError) -> Int {
        guard bytes.count >= 22 else { throw .notAZip("it is too short") }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var at = bytes.count - 22
        while at >= lowest {
            if bytes.uint32(at: at) == 0x0605_4B50 { return at }
            at -= 1
        }
        throw .notAZip("it has no zip directory")
    }

    /// The unpacked bytes of the member called `name`, nil when there is none.
    func member(_ name: String) throws(ZipError) -> Data? {
        guard let m = members[name] else { return nil }
        func damaged(_ reason: String) -> ZipError { .damagedMember(name, reason: reason) }
        if m.flags & 1 != 0 { throw damaged("it is encrypted") }
        if [m.compressedSize, m.uncompressedSize, m.localHeaderOffset].contains(0xFFFF_FFFF) {
            throw damaged("it is a zip64 member, which TwinGraph does not read")
        }
        let header = m.localHeaderOffset
        guard header + 30 <= bytes.count, bytes.uint32(at: header) == 0x0403_4B50 else { throw damaged("its header is missing") }
        let start = header + 30 + Int(bytes.uint16(at: header + 26)) + Int(bytes.uint16(at: header + 28))
        guard start <= bytes.count, m.compressedSize <= bytes.count - start else { throw damaged("it runs past the end of the file") }
        let packed = bytes[start..<(start + m.compressedSize)]
        let unpacked: [UInt8]
        switch m.method {
        case 0: unpacked = Array(packed)
        case 8:
            do { unpacked = try Inflate.bytes(packed, framing: .raw, limit: Self.maximumMemberSize) } catch { throw damaged(error.description) }
        default: throw damaged("it is compressed with method \(m.method), which TwinGraph does not read")
        }
        if unpacked.count != m.uncompressedSize { throw damaged("it unpacks to \(unpacked.count) bytes, not \(m.uncompressedSize)") }
        let crc = unpacked.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        if crc != m.crc32 { throw damaged("its checksum does not match") }
        return Data(unpacked)
    }
}

private extension [UInt8] {
    func uint16(at i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    func uint32(at i: Int) -> UInt32 {
        UInt32(self[i]) | UInt32(self[i + 1]) << 8 | UInt32(self[i + 2]) << 16 | UInt32(self[i + 3]) << 24
    }
}
