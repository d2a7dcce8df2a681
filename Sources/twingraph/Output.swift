import Foundation

/// Where commands write: standard output or a file. A write that fails ends the command with a
/// message and exit code 1 (a full disk, a closed descriptor); a closed pipe (`| head`) ends it
/// quietly with exit code 1, as Unix tools stop when their reader has gone. Foundation's
/// `FileHandle.write` traps on such errors instead (SIGILL), so nothing here uses it.
enum Output {
    /// Call first thing in `main`: a closed pipe becomes an EPIPE error instead of a SIGPIPE, and
    /// closed standard descriptors are held by /dev/null so that no file the command opens
    /// takes their number (the graph JSON must not land in a store opened as descriptor 1). A
    /// closed stdout is held read-only, so writing to it fails as it would have.
    static func prepareStandardDescriptors() {
        signal(SIGPIPE, SIG_IGN)
        for (fd, flags) in [(Int32(0), O_RDONLY), (1, O_RDONLY), (2, O_WRONLY)] where fcntl(fd, F_GETFD) == -1 {
            let held = open("/dev/null", flags)
            if held >= 0 && held != fd {
                dup2(held, fd)
                close(held)
            }
        }
    }

    /// The failure for a write error `code` on `target` ("standard output", a path).
    static func failure(_ code: Int32, writing target: String) -> CLIFailure {
        if code == EPIPE { return CLIFailure(message: "") }
        return CLIFailure(message: "cannot write \(target): \(String(cString: strerror(code)))")
    }

    /// Writes all of `bytes` to `fd`; the errno of the write that failed, nil when all went.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            offset += n
        }
        return nil
    }

    /// Writes `data` to standard output.
    static func standardOutput(_ data: Data) throws(CLIFailure) {
        let code = data.withUnsafeBytes { writeAll(1, $0) }
        if let code { throw failure(code, writing: "standard output") }
    }

    /// Writes `data` to the file `path`: a regular file (or a new one) atomically, through a
    /// temporary file beside it; anything else (/dev/null, /dev/full, a FIFO, a terminal) in
    /// place, as replacing a device by a file is never what the user meant.
    static func file(_ data: Data, to path: String) throws(CLIFailure) {
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists && (info.st_mode & S_IFMT) != S_IFREG {
            let fd = open(path, O_WRONLY | O_TRUNC)
            guard fd >= 0 else { throw failure(errno, writing: path) }
            let code = data.withUnsafeBytes { writeAll(fd, $0) }
            let closed = close(fd) == 0 ? nil : errno
            if let code = code ?? closed { throw failure(code, writing: path) }
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIFailure(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}

extension Output {
    /// Refuses an output path that names one of the inputs (the same file under any name): the
    /// input would be lost before it is read, or the moment the output is written.
    static func refuseOverwriting(_ inputs: [String], with output: String?) throws {
        guard let output, output != "-" else { return }
        var out = stat()
        guard stat(output, &out) == 0, (out.st_mode & S_IFMT) == S_IFREG else { return }
        for input in inputs {
            var info = stat()
            if stat(input, &info) == 0 && info.st_dev == out.st_dev && info.st_ino == out.st_ino {
                throw CLIFailure(message: "the output \(output) is the input \(input); name another output file", exitCode: 2)
            }
        }
    }
}
