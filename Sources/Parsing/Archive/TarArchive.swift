import Foundation

/// The regular files of a ustar (POSIX tar) archive, read whole into memory.
///
/// Natasha's packs are plain uncompressed tars written by Python's `tarfile`; only regular
/// files matter, so links, directories and extended headers are skipped.
public struct TarArchive: Sendable {
    /// Where the archive was read from, for error messages.
    public let path: String
    private let bytes: [UInt8]
    private let members: [String: Range<Int>]

    /// Reads the archive at `path`.
    public init(path: String) throws(ModelError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelError(path: path, problem: "missing or unreadable")
        }
        try self.init(bytes: [UInt8](data), path: path)
    }

    /// Parses an archive already in memory; `path` only names it in errors.
    public init(bytes: [UInt8], path: String) throws(ModelError) {
        self.path = path
        self.bytes = bytes
        var members: [String: Range<Int>] = [:]
        var offset = 0
        while offset + 512 <= bytes.count {
            let header = bytes[offset..<offset + 512]
            if header.allSatisfy({ $0 == 0 }) { break }  // end-of-archive marker
            guard let size = Self.octal(header, at: 124, length: 12) else {
                throw ModelError(path: path, problem: "damaged tar header at byte \(offset)")
            }
            if !Self.checksumMatches(header) {
                throw ModelError(path: path, problem: "damaged tar header at byte \(offset) (bad checksum)")
            }
            let dataStart = offset + 512
            guard dataStart + size <= bytes.count else {
                throw ModelError(path: path, problem: "truncated: a member runs past the end of the file")
            }
            let type = header[header.startIndex + 156]
            if type == UInt8(ascii: "0") || type == 0 {
                var name = Self.string(header, at: 0, length: 100)
                let prefix = Self.string(header, at: 345, length: 155)
                if !prefix.isEmpty { name = prefix + "/" + name }
                members[name] = dataStart..<dataStart + size
            }
            offset = dataStart + (size + 511) / 512 * 512
        }
        if members.isEmpty {
            throw ModelError(path: path, problem: "not a tar archive (no files in it)")
        }
        self.members = members
    }

    /// The names of the regular files, sorted.
    public var names: [String] { members.keys.sorted() }

    /// The bytes of the member `name`.
    public func data(_ name: String) throws(ModelError) -> ArraySlice<UInt8> {
        guard let range = members[name] else {
            throw ModelError(path: path, problem: "has no \(name) in it (damaged or not a Natasha model)")
        }
        return bytes[range]
    }

    private static func string(_ header: ArraySlice<UInt8>, at field: Int, length: Int) -> String {
        let start = header.startIndex + field
        let slice = header[start..<start + length]
        let end = slice.firstIndex(of: 0) ?? slice.endIndex
        return String(decoding: slice[start..<end], as: UTF8.self)
    }

    private static func octal(_ header: ArraySlice<UInt8>, at field: Int, length: Int) -> Int? {
        let start = header.startIndex + field
        var value = 0
        var sawDigit = false
        for byte in header[start..<start + length] {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7") {
                value = value * 8 + Int(byte - UInt8(ascii: "0"))
                sawDigit = true
            } else if byte == 0 || byte == UInt8(ascii: " ") {
                if sawDigit { break }
            } else {
                return nil
            }
        }
        return sawDigit ? value : nil
    }

    /// The header checksum: the byte sum with the checksum field itself counted as spaces.
    private static func checksumMatches(_ header: ArraySlice<UInt8>) -> Bool {
        guard let stored = octal(header, at: 148, length: 8) else { return false }
        var sum = 0
        for (i, byte) in header.enumerated() {
            sum += (148..<156).contains(i) ? 32 : Int(byte)
        }
        return sum == stored
    }
}
