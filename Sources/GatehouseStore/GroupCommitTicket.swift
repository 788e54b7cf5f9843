import NIOConcurrencyHelpers

/// A job handed to the group commit whose outcome is awaited later (`GroupCommit.submit`): jobs submitted one after
/// another keep their order in the queue without waiting for each other's commit, as a batch of passages must.
public final class GroupCommitTicket: Sendable {
    private struct State {
        var outcome: Result<Bool, any Error>?
        var waiter: CheckedContinuation<Bool, any Error>?
    }

    private let state = NIOLockedValueBox(State())

    init() {}

    /// Told by the group commit once the job's batch has committed (or failed).
    func finish(_ outcome: Result<Bool, any Error>) {
        let waiter = state.withLockedValue { s -> CheckedContinuation<Bool, any Error>? in
            if let waiter = s.waiter {
                s.waiter = nil
                return waiter
            }
            s.outcome = outcome
            return nil
        }
        waiter?.resume(with: outcome)
    }

    /// Whether the row went in, once its batch has committed; throws the job's error or the commit's.
    public func value() async throws -> Bool {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Bool, any Error>) in
            let done = state.withLockedValue { s -> Result<Bool, any Error>? in
                if let outcome = s.outcome { return outcome }
                s.waiter = continuation
                return nil
            }
            if let done { continuation.resume(with: done) }
        }
    }
}
