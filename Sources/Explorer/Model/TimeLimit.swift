import Foundation

/// How many expensive searches may run at once. A search past its time limit is abandoned by
/// the request but goes on computing until it ends (the graph algorithms cannot be
/// interrupted), so this bound keeps abandoned work from piling up.
final class RunningLimit: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0
    let maximum: Int

    init(maximum: Int) { self.maximum = maximum }

    func enter() -> Bool {
        lock.withLock {
            guard running < maximum else { return false }
            running += 1
            return true
        }
    }

    func leave() { lock.withLock { running -= 1 } }
}

/// Runs `work` on a thread of its own and waits at most `seconds` for it; past that the request
/// is answered with `RequestError.tooSlow`. At most `limit.maximum` such works run at a time.
/// The work and its timer have threads of their own, not Dispatch's or Swift's shared pools,
/// so that neither waits behind other busy work.
func withTimeLimit<T: Sendable>(_ seconds: Double, limit: RunningLimit, what: String,
                                _ work: @escaping @Sendable () throws -> T) async throws -> T {
    guard limit.enter() else {
        throw RequestError.tooSlow("the server is busy with other long queries; try again in a few seconds")
    }
    let once = ResumeOnce<T>()
    return try await withCheckedThrowingContinuation { continuation in
        once.set(continuation)
        let finished = DispatchSemaphore(value: 0)
        Thread {
            defer { limit.leave() }
            once.resume(with: Result { try work() })
            finished.signal()
        }.start()
        Thread {
            // ends with the work, or at the time limit: never more timers than works
            guard finished.wait(timeout: .now() + seconds) == .timedOut else { return }
            once.resume(with: .failure(RequestError.tooSlow(
                "the \(what) took longer than \(String(format: "%g", seconds)) s and was stopped; narrow it (fewer paths, max-hops, relation filters)")))
        }.start()
    }
}

/// A continuation resumed by whichever comes first, the work or the timer.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?

    func set(_ c: CheckedContinuation<T, any Error>) { lock.withLock { continuation = c } }

    func resume(with result: Result<T, any Error>) {
        let c: CheckedContinuation<T, any Error>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        c?.resume(with: result)
    }
}
