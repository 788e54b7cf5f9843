import Fluent
import Foundation
import PostgresKit
import SQLKit

/// One instance at a time for each scheduled step: on PostgreSQL a session advisory lock named after the step, taken
/// without waiting on a connection kept for the step's length and released on it afterwards — an instance that dies
/// mid-step loses its connection and with it the lock, so another instance takes the step on its next tick. SQLite
/// serves one process: the step simply runs.
struct ScheduledStepLock {
    let db: any Database

    /// The lock's key: a fixed number per step name (FNV-1a, so every instance and version agrees).
    static func key(_ step: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ("gatehouse.scheduled." + step).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// Runs `body` if no other instance is running the step now; false when another one is.
    @discardableResult
    func run(_ step: String, _ body: @escaping @Sendable () async throws -> Void) async throws -> Bool {
        guard let sql = db as? any SQLDatabase, sql.dialect.name != "sqlite" else {
            try await body()
            return true
        }
        let key = Self.key(step)
        return try await db.withConnection { connection in
            let one = connection as! any SQLDatabase
            struct Taken: Decodable { let taken: Bool }
            let taken = try await one.raw("SELECT pg_try_advisory_lock(\(bind: key)) AS taken").first(decoding: Taken.self)?.taken ?? false
            guard taken else { return false }
            do {
                try await body()
            } catch {
                _ = try? await one.raw("SELECT pg_advisory_unlock(\(bind: key))").run()
                throw error
            }
            try await one.raw("SELECT pg_advisory_unlock(\(bind: key))").run()
            return true
        }
    }
}
