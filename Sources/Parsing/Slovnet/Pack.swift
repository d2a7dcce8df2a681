import Foundation

/// A slovnet pack: `meta.json`, `model.json` (the module tree, with weights referring to
/// `arrays/N.bin`) and `vocabs/NAME.gz`.
struct SlovnetPack {
    let path: String
    let archive: TarArchive
    let model: [String: Any]

    init(path: String) throws(ModelError) {
        self.path = path
        archive = try TarArchive(path: path)
        let meta = try PackJSON.object(archive.data("meta.json"), name: "meta.json", archive: path)
        guard (meta["protocol"] as? Int) == 1 else {
            throw ModelError(path: path, problem: "meta.json has an unknown protocol")
        }
        model = try PackJSON.object(archive.data("model.json"), name: "model.json", archive: path)
    }

    /// The module at a dotted path of `model.json` ("encoder.layers" is reached with
    /// `["encoder", "layers"]`).
    func module(_ keys: [String], in root: [String: Any]? = nil) throws(ModelError) -> [String: Any] {
        var node: [String: Any] = root ?? model
        for key in keys {
            guard let next = node[key] as? [String: Any] else {
                throw ModelError(path: path, problem: "model.json has no \(keys.joined(separator: "."))")
            }
            node = next
        }
        return node
    }

    /// The float array of the weight at `keys`, checked against its declared shape.
    func weight(_ keys: [String], in root: [String: Any]? = nil) throws(ModelError) -> Tensor {
        let node = try module(keys, in: root)
        let name = keys.joined(separator: ".")
        guard let shape = node["shape"] as? [Int], (node["dtype"] as? String) == "float32",
              let id = node["array"] as? Int else {
            throw ModelError(path: path, problem: "model.json: \(name) is not a float32 weight")
        }
        let bytes = try archive.data("arrays/\(id).bin")
        let expected = shape.reduce(1, *) * 4
        guard bytes.count == expected else {
            throw ModelError(path: path, problem: "arrays/\(id).bin (\(name)) has \(bytes.count) bytes, expected \(expected)")
        }
        return Tensor(shape: shape, values: floats(bytes))
    }

    /// The lines of `vocabs/NAME.gz`.
    func vocabularyLines(_ name: String) throws(ModelError) -> [UInt8] {
        try Gzip.decompress(archive.data("vocabs/\(name).gz"), name: "vocabs/\(name).gz", archive: path)
    }
}

/// A float array with its shape (row-major).
struct Tensor {
    let shape: [Int]
    let values: [Float]
}

enum PackJSON {
    static func object(_ bytes: ArraySlice<UInt8>, name: String, archive: String) throws(ModelError) -> [String: Any] {
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes)), let object = value as? [String: Any] else {
            throw ModelError(path: archive, problem: "\(name) is not valid JSON (damaged)")
        }
        return object
    }
}
