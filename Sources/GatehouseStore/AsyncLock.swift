/// A first-come, first-served lock for async code: SQLite's write transactions queue here instead of
/// spinning in SQLite's busy handler.
public actor AsyncLock {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// One lock for every SQLite write transaction of this process (SQLite has one writer anyway).
    public static let sqliteWriter = AsyncLock()

    public init() {}

    public func lock() async {
        guard locked else {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    public func unlock() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `body` holding the lock, and lets go of it however `body` ends.
    public nonisolated func holding<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await lock()
        do {
            let result = try await body()
            await unlock()
            return result
        } catch {
            await unlock()
            throw error
        }
    }
}
