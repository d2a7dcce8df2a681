import Foundation
import Testing
@testable import Documents

/// The zip reader under .docx and .odt: a sound archive reads whole; a damaged one is an error
/// at once, never a crash, a read past the end or a loop.
@Suite struct ZipArchiveTests {
    static func sample() throws -> [UInt8] { [UInt8](try Fixture.data("sample.docx")) }

    /// Where the central directory's entry for `name` starts.
    static func directoryEntry(_ name: String, in bytes: [UInt8]) -> Int? {
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02], nameBytes = Array(name.utf8)
        return (0..<(bytes.count - 46)).first { at in
            Array(bytes[at..<(at + 4)]) == signature && Array(bytes[(at + 46)..<min(bytes.count, at + 46 + nameBytes.count)]) == nameBytes
        }
    }

    static func setUInt32(_ value: UInt32, at i: Int, in bytes: inout [UInt8]) {
        for k in 0..<4 { bytes[i + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
    }

    @Test func aSoundArchiveReadsWhole() throws {
        let zip = try ZipArchive(Data(try Self.sample()))
        #expect(zip.members.count == 11)
        let body = try #require(try zip.member("word/document.xml"))
        #expect(body.count == 5559)
        #expect(body.starts(with: Array("<?xml".utf8)))
        #expect(try zip.member("word/no-such-part.xml") == nil)
    }

    /// A member whose compressed bytes end before its deflate stream does (its directory entry
    /// claims fewer bytes): cut short, whatever the length.
    @Test(arguments: [10, 300, 900, 1300])
    func aDeflateStreamCutShortIsAnError(keeping length: UInt32) throws {
        var bytes = try Self.sample()
        let entry = try #require(Self.directoryEntry("word/document.xml", in: bytes))
        Self.setUInt32(length, at: entry + 20, in: &bytes)
        let zip = try ZipArchive(Data(bytes))
        #expect(throws: ZipArchive.ZipError.damagedMember("word/document.xml", reason: "its compressed data is cut short")) {
            try zip.member("word/document.xml")
        }
    }

    @Test func aDirectoryOutsideTheFileIsNotAZip() throws {
        var bytes = try Self.sample()
        Self.setUInt32(0x7FFF_0000, at: bytes.count - 22 + 16, in: &bytes)
        #expect(throws: ZipArchive.ZipError.self) { try ZipArchive(Data(bytes)) }
        // a member whose local header lies past the end
        bytes = try Self.sample()
        let entry = try #require(Self.directoryEntry("word/styles.xml", in: bytes))
        Self.setUInt32(UInt32(bytes.count - 10), at: entry + 42, in: &bytes)
        #expect(throws: ZipArchive.ZipError.self) { try ZipArchive(Data(bytes)).member("word/styles.xml") }
    }

    /// Bytes changed inside the compressed data: a damaged block or a checksum that does not
    /// match, for every position tried.
    @Test func changedCompressedBytesAreCaught() throws {
        let sound = try Self.sample()
        let zip = try ZipArchive(Data(sound))
        let member = try #require(zip.members["word/document.xml"])
        let start = member.localHeaderOffset + 30 + "word/document.xml".utf8.count
        for offset in stride(from: 5, to: member.compressedSize, by: 37) {
            var bytes = sound
            bytes[start + offset] ^= 0x5A
            #expect(throws: ZipArchive.ZipError.self, "a change at \(offset)") {
                try ZipArchive(Data(bytes)).member("word/document.xml")
            }
        }
    }

    /// Every prefix of an archive is refused or read, never a crash.
    @Test func everyTruncationIsHandled() throws {
        let bytes = try Self.sample()
        for length in stride(from: 0, to: bytes.count, by: 61) {
            guard let zip = try? ZipArchive(Data(bytes[0..<length])) else { continue }
            for name in zip.members.keys { _ = try? zip.member(name) }
        }
    }
}
