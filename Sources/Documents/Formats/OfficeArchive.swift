import Foundation

/// The zip container of .docx and .odt files.
struct OfficeArchive {
    let archive: ZipArchive
    let path: String
    let format: DocumentFormat

    init(_ data: Data, path: String, format: DocumentFormat) throws(DocumentError) {
        do {
            archive = try ZipArchive(data)
        } catch .notAZip(let why) {
            throw .damaged(path: path, format: format, reason: "its zip container cannot be opened: \(why)")
        } catch {
            throw .damaged(path: path, format: format, reason: "its zip container cannot be opened")
        }
        self.path = path
        self.format = format
    }

    /// Whether a zip holds a Word document (`word/document.xml`).
    static func isWordprocessingML(_ data: Data) -> Bool {
        (try? ZipArchive(data))?.members["word/document.xml"] != nil
    }

    /// The bytes of a member, nil when there is none.
    func member(_ name: String) throws(DocumentError) -> Data? {
        do {
            return try archive.member(name)
        } catch .damagedMember(_, let why) {
            throw .damaged(path: path, format: format, reason: "its part \(name) cannot be unpacked: \(why)")
        } catch {
            throw .damaged(path: path, format: format, reason: "its part \(name) cannot be unpacked")
        }
    }

    /// A member that must be there.
    func requiredMember(_ name: String) throws(DocumentError) -> Data {
        guard let data = try member(name) else {
            throw .damaged(path: path, format: format, reason: "it has no \(name)")
        }
        return data
    }
}
