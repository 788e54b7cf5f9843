import NIOConcurrencyHelpers
import NIOCore

/// Fails the write under way on a held PostgreSQL connection as soon as that connection closes. PostgresNIO can leave
/// a statement written to a connection that has just closed unanswered for ever (seen: a batch's row retried alone
/// right after the server ended the connection, in one run of ten or twenty under load; a statement after the
/// connection was closed from this side, every time), so a write that went on after its connection was lost would
/// wait for ever, and every row queued behind it on the lane. The write's own task is left where it waits: it
/// holds nothing the lane needs, and the lane goes on on a new connection.
public final class ConnectionLossWatch: Sendable {
    /// What a write gets when its connection closed under it.
    public struct Lost: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "the database connection closed during the write" }
    }

    private struct State {
        var closed = false
        /// Fails the write under way, if any.
        var underWay: (@Sendable (Lost) -> Void)?
    }

    private let state = NIOLockedValueBox(State())

    /// Watches the connection whose channel completes `closeFuture` when it closes.
    init(closeFuture: EventLoopFuture<Void>) {
        let state = self.state
        closeFuture.whenComplete { _ in
            let underWay = state.withLockedValue { s in
                s.closed = true
                return s.underWay
            }
            underWay?(Lost())
        }
    }

    /// Runs `work` on `executor` and returns its result — or throws `Lost` once the connection has closed, whether
    /// `work` has ended by then or not. One write at a time (the lane's lock).
    func run<T: Sendable>(on executor: any TaskExecutor, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let ended = NIOLockedValueBox(false)
        defer { state.withLockedValue { $0.underWay = nil } }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let finish: @Sendable (Result<T, any Error>) -> Void = { outcome in
                guard ended.withLockedValue({ done in defer { done = true }; return !done }) else { return }
                continuation.resume(with: outcome)
            }
            let closed = state.withLockedValue { s in
                s.underWay = { finish(.failure($0)) }
                return s.closed
            }
            guard !closed else { return finish(.failure(Lost())) }
            Task(executorPreference: executor) {
                do { finish(.success(try await work())) } catch { finish(.failure(error)) }
            }
        }
    }
}
