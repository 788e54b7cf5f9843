import FluentKit
import SQLKit

extension Database {
    /// A transaction that will write. On SQLite, transactions queue for the process's one writer and start with
    /// `BEGIN IMMEDIATE`, taking the write lock before
    /// its first read: a deferred transaction that reads and then writes fails with "database is locked"
    /// when another connection wrote in between, whatever the busy handler does. PostgreSQL uses an ordinary transaction.
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard engine == .sqlite else { return try await transaction(body) }
        return try await AsyncLock.sqliteWriter.holding {
            try await withConnection { connection in try await connection.explicitTransaction(begin: "BEGIN IMMEDIATE", body) }
        }
    }

    /// On this connection: `begin` (SQLite: `BEGIN IMMEDIATE`, the writer's lock at once), `body`, `COMMIT` — or
    /// `ROLLBACK` when either fails. Also for a PostgreSQL connection held outside Fluent's pool, which Fluent takes to
    /// be in a transaction already (its `transaction` would not begin one).
    public func explicitTransaction<T: Sendable>(begin: SQLQueryString,
                                          _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let raw = self as! any SQLDatabase
        try await raw.raw(begin).run()
        do {
            let result = try await body(self)
            try await raw.raw("COMMIT").run()
            return result
        } catch {
            try? await raw.raw("ROLLBACK").run()
            throw error
        }
    }
}
