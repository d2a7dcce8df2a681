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

/// Runs `work` on another thread and waits at most `seconds` for it; past that the request is
/// answered with `RequestError.tooSlow`. At most `limit.maximum` such works run at a time.
func withTimeLimit<T: Sendable>(_ seconds: Double, limit: RunningLimit, what: String,
                                _ work: @escaping @Sendable () throws -> T) async throws -> T {
    guard limit.enter() else {
        throw RequestError.tooSlow("the server is busy with other \(what)es; try again in a few seconds")
    }
    let once = ResumeOnce<T>()
    return try await withCheckedThrowingContinuation { continuation in
        once.set(continuation)
        DispatchQueue.global().async {
            defer { limit.leave() }
            once.resume(with: Result { try work() })
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            once.resume(with: .failure(RequestError.tooSlow(
                "the \(what) took longer than \(Int(seconds)) s and was stopped; narrow it (fewer paths, --max-hops, relation filters)")))
        }
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
