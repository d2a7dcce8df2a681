import Foundation
import Testing
@testable import Morphology

/// A damaged dictionary file fails at load, naming the file, instead of answering wrongly or
/// walking in circles.
@Suite struct DamagedDictionaryTests {
    /// A copy of the installed dictionary with `damage` applied to the bytes of `file`.
    static func damagedCopy(_ file: String, _ damage: (inout [UInt8]) -> Void) throws -> URL {
        let source = try MorphAnalyzer.locateDictionary()
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("twingraph-dict-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: copy)
        let url = copy.appendingPathComponent(file)
        var bytes = [UInt8](try Data(contentsOf: url))
        damage(&bytes)
        try Data(bytes).write(to: url)
        return copy
    }

    static func expectCorrupt(_ dictionary: URL, naming file: String) {
        do {
            _ = try MorphAnalyzer(dictionaryDirectory: dictionary)
            Issue.record("a damaged \(file) was loaded")
        } catch {
            guard case .corrupt(let path, _) = error else { Issue.record("\(error)"); return }
            #expect(path.hasSuffix("/" + file))
            #expect(error.description.contains(file) && error.description.contains("damaged"))
        }
    }

    /// Byte offset of the guide's entries (after the units and the guide's count).
    static func guideStart(_ bytes: [UInt8]) -> Int {
        let n = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
        return 4 + 4 * n + 4
    }

    @Test func siblingsThatGoRoundInACircleAreCaught() throws {
        // every sibling label the same: chains that never end
        let dict = try Self.damagedCopy("prediction-suffixes-0.dawg") { b in
            var k = Self.guideStart(b) + 1
            while k < b.count { if b[k] != 0 { b[k] = 0xD0 }; k += 2 }
        }
        Self.expectCorrupt(dict, naming: "prediction-suffixes-0.dawg")
    }

    @Test func scrambledUnitsAreCaught() throws {
        let dict = try Self.damagedCopy("words.dawg") { b in
            var k = 4 + 1_000
            while k < Self.guideStart(b) - 4 { b[k] ^= 0x5A; k += 997 }
        }
        Self.expectCorrupt(dict, naming: "words.dawg")
    }

    @Test func aTruncatedOrExtendedFileIsCaught() throws {
        let cut = try Self.damagedCopy("prediction-suffixes-1.dawg") { b in b.removeLast(100) }
        Self.expectCorrupt(cut, naming: "prediction-suffixes-1.dawg")
        let longer = try Self.damagedCopy("p_t_given_w.intdawg") { b in b += [0, 0, 0, 0] }
        Self.expectCorrupt(longer, naming: "p_t_given_w.intdawg")
    }

    @Test func theInstalledDictionaryPassesTheChecks() throws {
        let morph = try MorphAnalyzer(dictionaryDirectory: try MorphAnalyzer.locateDictionary())
        #expect(morph.best("городов")?.normalForm == "город")
    }
}
