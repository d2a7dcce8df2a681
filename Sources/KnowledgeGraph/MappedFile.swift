import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file's bytes mapped into memory, all pages read in at once.
///
/// A graph JSON is read front to back once and then only where a report looks: mapping it
/// saves copying it into a buffer, and asking for every page up front (`MAP_POPULATE`) saves a
/// page fault per 4 KB as the reader advances.
enum MappedFile {
    /// The file's bytes; an empty file gives empty data. Errors are Foundation's reading errors.
    static func data(at path: String) throws -> Data {
        #if canImport(Glibc)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return try Data(contentsOf: URL(fileURLWithPath: path)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let size = Int(info.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), base != MAP_FAILED else {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
        return Data(bytesNoCopy: base, count: size, deallocator: .custom { pointer, count in munmap(pointer, count) })
        #else
        return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        #endif
    }
}
