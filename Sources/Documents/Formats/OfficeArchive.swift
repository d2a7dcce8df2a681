import Foundation
import ZIPFoundation

/// The zip container of .docx and .odt files.
struct OfficeArchive {
    let archive: Archive
    let path: String
    let format: DocumentFormat

    init(_ data: Data, path: String, format: DocumentFormat) throws(DocumentError) {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .damaged(path: path, format: format, reason: "its zip container cannot be opened")
        }
        self.path = path
        self.format = format
    }

    /// Whether a zip holds a Word document (`word/document.xml`).
    static func isWordprocessingML(_ data: Data) -> Bool {
        guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else { return false }
        return archive["word/document.xml"] != nil
    }

    /// The bytes of a member, nil when there is none.
    func member(_ name: String) throws(DocumentError) -> Data? {
        guard let entry = archive[name] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw .damaged(path: path, format: format, reason: "its part \(name) cannot be unpacked")
        }
        return data
    }

    /// A member that must be there.
    func requiredMember(_ name: String) throws(DocumentError) -> Data {
        guard let data = try member(name) else {
            throw .damaged(path: path, format: format, reason: "it has no \(name)")
        }
        return data
    }
}
