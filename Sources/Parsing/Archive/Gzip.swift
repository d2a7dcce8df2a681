import ZlibInflate

/// Decompresses a gzip stream (the vocabularies in Natasha's packs are gzipped text).
enum Gzip {
    static func decompress(_ input: ArraySlice<UInt8>, name: String, archive: String) throws(ModelError) -> [UInt8] {
        do {
            return try Inflate.bytes(input, framing: .gzip)
        } catch .cannotStart {
            throw ModelError(path: archive, problem: "cannot start zlib for \(name)")
        } catch {
            throw ModelError(path: archive, problem: "\(name) is not valid gzip data (damaged)")
        }
    }
}
