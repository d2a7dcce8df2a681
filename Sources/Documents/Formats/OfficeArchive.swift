import Foundation
import ZIPFoundation

/// The zip container of .docx and .odt files.
struct OfficeArchive {
    let archive: Archive
    let path: String
    let format: DocumentFormat

    init(_ data: Data, path: String, format: DocumentFormat) throws(DocumentError) {
        do {
            archive = try OfficeArchive.open(data)
        } catch {
            throw .damaged(path: path, format: format, reason: "its zip container cannot be opened")
        }
        self.path = path
        self.format = format
    }

    /// Whether a zip holds a Word document (`word/document.xml`).
    static func isWordprocessingML(_ data: Data) -> Bool {
        guard let archive = try? open(data) else { return false }
        return archive["word/document.xml"] != nil
    }

    /// Opens a zip held in memory, through a temporary file. ZIPFoundation's in-memory archive
    /// (`Archive(data:)`) crashes on a damaged zip whose directory points past the end of the data
    /// (it reads from a seek beyond the end); a file read there reads nothing, and the damage is
    /// an error. The file is unlinked at once: the archive keeps it open until it is released.
    static func open(_ data: Data) throws -> Archive {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("twingraph-zip-\(getpid())-\(UUID().uuidString).zip")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try Archive(url: url, accessMode: .read, pathEncoding: nil)
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
