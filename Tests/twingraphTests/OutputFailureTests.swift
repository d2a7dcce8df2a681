import Foundation
import Testing

/// Output that cannot be written (a full disk, a closed stdout, a reader that went away) ends a
/// command with a message and exit code 1, or quietly on a closed pipe; never with a signal.
@Suite struct OutputFailureTests {
    /// Runs `script` in bash with `$0` the twingraph binary; its status and stderr.
    func shell(_ script: String) throws -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script, CLI.binary.path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, p.terminationReason, String(decoding: e, as: UTF8.self))
    }

    @Test func aFullDiskIsAMessageAndExitOne() throws {
        let store = try TG.store()
        for command in ["export --store '\(store)'", "stats --store '\(store)'", "text '\(TG.fixture)'"] {
            let r = try shell("\"$0\" \(command) > /dev/full")
            #expect(r.reason == .exit && r.status == 1, "\(command): \(r.status)")
            #expect(r.stderr.contains("cannot write standard output: No space left on device"), "\(command): \(r.stderr)")
        }
        let o = try shell("\"$0\" export --store '\(store)' -o /dev/full")
        #expect(o.status == 1 && o.stderr.contains("cannot write /dev/full"))
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "the device is still a device")
    }

    @Test func aClosedStdoutIsAMessageAndExitOne() throws {
        let store = try TG.store()
        let r = try shell("\"$0\" stats --store '\(store)' >&-")
        #expect(r.reason == .exit && r.status == 1)
        #expect(r.stderr.contains("cannot write standard output"), "\(r.stderr)")
        // the store was not written through the closed descriptor
        let after = try TG.run(["stats", "--store", store])
        #expect(after.status == 0 && after.text.contains("documents: 5"), "\(after.stderr)")
    }

    @Test func aReaderThatGoesAwayEndsTheCommandQuietly() throws {
        let store = try TG.store()
        // a pipe whose reader is closed before the command starts: its first write gets EPIPE
        let out = Pipe(), err = Pipe()
        try out.fileHandleForReading.close()
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["export", "--store", store]
        p.standardOutput = out.fileHandleForWriting
        p.standardError = err
        try p.run()
        try out.fileHandleForWriting.close()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 1)
        #expect(e.isEmpty, "\(String(decoding: e, as: UTF8.self))")
    }

    @Test func morphReportsALostOutput() throws {
        let r = try shell("\"$0\" morph Детско > /dev/full")
        #expect(r.reason == .exit && r.status == 1)
        #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
    }
}
