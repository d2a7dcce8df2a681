import Foundation
@testable import Parsing

/// The models, loaded once for all tests from where scripts/setup.sh puts them.
enum Fixture {
    static let loaded: Result<NatashaModels, ModelError> = Result { () throws(ModelError) in try NatashaModels() }

    static func models() throws -> NatashaModels { try loaded.get() }

    static func file(_ name: String) -> String {
        (NatashaModels.defaultDirectory() as NSString).appendingPathComponent(name)
    }
}

/// A ustar archive in memory, for the reader's tests.
func makeTar(_ files: [(name: String, contents: [UInt8])]) -> [UInt8] {
    var out: [UInt8] = []
    for file in files {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) {
            for (i, b) in text.utf8.enumerated() { header[offset + i] = b }
        }
        put(file.name, at: 0)
        put("0000644", at: 100)
        put("0000000", at: 108)
        put("0000000", at: 116)
        put(String(String(file.contents.count, radix: 8).reversed()).padding(toLength: 11, withPad: "0", startingAt: 0).reversed().map(String.init).joined(), at: 124)
        put("00000000000", at: 136)
        put("0", at: 156)
        put("ustar", at: 257)
        put("00", at: 263)
        for i in 148..<156 { header[i] = 32 }
        let sum = header.reduce(0) { $0 + Int($1) }
        put(String(String(sum, radix: 8).reversed()).padding(toLength: 6, withPad: "0", startingAt: 0).reversed().map(String.init).joined(), at: 148)
        header[154] = 0
        out += header
        out += file.contents
        out += [UInt8](repeating: 0, count: (512 - file.contents.count % 512) % 512)
    }
    return out + [UInt8](repeating: 0, count: 1024)
}
