import Foundation
import Testing
@testable import Parsing

@Suite struct ArchiveTests {
    @Test func readsTheFilesOfATar() throws {
        let tar = makeTar([("meta.json", Array("{\"id\": 1}".utf8)), ("arrays/0.bin", [1, 2, 3])])
        let archive = try TarArchive(bytes: tar, path: "test.tar")
        #expect(archive.names == ["arrays/0.bin", "meta.json"])
        #expect(Array(try archive.data("arrays/0.bin")) == [1, 2, 3])
        #expect(String(decoding: try archive.data("meta.json"), as: UTF8.self) == "{\"id\": 1}")
    }

    @Test func aMissingMemberIsAnErrorNamingIt() throws {
        let archive = try TarArchive(bytes: makeTar([("a", [0])]), path: "test.tar")
        #expect(throws: ModelError.self) { try archive.data("model.json") }
        do { _ = try archive.data("model.json") } catch { #expect(error.description.contains("model.json")) }
    }

    @Test func aDamagedHeaderIsAnError() {
        var tar = makeTar([("meta.json", Array("{}".utf8))])
        tar[10] ^= 0x41  // the name changes, the checksum no longer matches
        #expect(throws: ModelError.self) { try TarArchive(bytes: tar, path: "bad.tar") }
        #expect(throws: ModelError.self) { try TarArchive(bytes: Array("not a tar at all".utf8), path: "text.tar") }
    }

    @Test func aTruncatedArchiveIsAnError() {
        let tar = makeTar([("big.bin", [UInt8](repeating: 7, count: 2000))])
        #expect(throws: ModelError.self) { try TarArchive(bytes: Array(tar.prefix(1200)), path: "cut.tar") }
    }
}

@Suite struct NavecTests {
    @Test func loadsTheVocabularyAndVectors() throws {
        let navec = try Fixture.models().navec
        #expect(navec.id == "news_v1_1B_250K_300d_100q")
        #expect(navec.words.count == 250_002)
        #expect(navec.words.word(250_000) == "<unk>" && navec.words.word(250_001) == "<pad>")
        #expect(navec.words.id(of: "<pad>") == 250_001)
        #expect(navec.words.id(of: "москва").map(navec.words.word) == "москва")
        #expect(navec.words.id(of: "несуществующееслово") == nil)
        #expect(navec.vectors.dimension == 300)
        #expect(navec.vectors.subvectorCount == 100)
        // Padding embeds to zeros (so slovnet's batch padding changes nothing).
        #expect(navec.vectors.vector(250_001).allSatisfy { $0 == 0 })
    }

    @Test func relatedWordsHaveCloserVectors() throws {
        let navec = try Fixture.models().navec
        func vector(_ word: String) throws -> [Float] {
            let id = try #require(navec.words.id(of: word))
            return navec.vectors.vector(id)
        }
        func cosine(_ a: [Float], _ b: [Float]) -> Float {
            let dot = zip(a, b).map(*).reduce(0, +)
            return dot / (a.map { $0 * $0 }.reduce(0, +).squareRoot() * b.map { $0 * $0 }.reduce(0, +).squareRoot())
        }
        let city = try vector("город"), town = try vector("посёлок"), verb = try vector("съесть")
        #expect(cosine(city, town) > cosine(city, verb) + 0.1)
    }
}

@Suite struct WordTableTests {
    @Test func findsEveryWordAndKeepsTheLastIdOfARepeat() {
        let table = WordTable(text: Array("а\nб\nмосква\n\nб\nz".utf8))
        #expect(table.count == 6)
        #expect(table.id(of: "а") == 0)
        #expect(table.id(of: "москва") == 2)
        #expect(table.id(of: "") == 3)
        #expect(table.id(of: "б") == 4)
        #expect(table.id(of: "z") == 5)
        #expect(table.id(of: "в") == nil)
        #expect((0..<6).map(table.word) == ["а", "б", "москва", "", "б", "z"])
    }
}
