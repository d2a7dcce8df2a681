import Foundation
#if canImport(Glibc)
import Glibc
private let readBytes = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let readBytes = Darwin.read
#endif

/// Reading an input file whole, with a size limit checked before a byte is read, and a message
/// that says what the path really is when it cannot be read.
extension DocumentReader {
    /// The largest input read by default: 200 MB. Reports are a few megabytes; a larger file is
    /// more likely a mistake (a disk image, a video) than a report, and is read whole into memory.
    public static let defaultMaximumSize = 200 * 1_000_000

    /// The bytes of `path`. A regular file over `maximumSize` bytes is refused before it is read;
    /// a FIFO or a device (`<(…)`, /dev/stdin) is read up to the limit. Missing paths, folders
    /// and unreadable files say which they are.
    public static func contents(of path: String, maximumSize: Int = defaultMaximumSize) throws(DocumentError) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .unreadable(path: path, reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno)))
        }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { throw .unreadable(path: path, reason: "it is a folder; pass it to extract or ingest, which walk folders") }
        if kind == S_IFSOCK { throw .unreadable(path: path, reason: "it is a socket, not a file") }
        if kind == S_IFREG && Int(info.st_size) > maximumSize {
            throw .unreadable(path: path, reason: "\(megabytes(Int(info.st_size))) is over the limit of \(megabytes(maximumSize)); "
                              + "pass --max-size MB to read it anyway")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = errno == EACCES ? "permission denied; check the file's permissions" : String(cString: strerror(errno))
            throw .unreadable(path: path, reason: reason)
        }
        defer { close(fd) }
        var data = Data()
        if kind == S_IFREG { data.reserveCapacity(Int(info.st_size)) }
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[..<n])
            // a FIFO or a growing file: stop as soon as it passes the limit
            if data.count > maximumSize {
                throw .unreadable(path: path, reason: "more than the limit of \(megabytes(maximumSize)); pass --max-size MB to read it anyway")
            }
        }
        return data
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\((bytes + 999_999) / 1_000_000) MB" : "\(bytes) bytes"
    }
}
