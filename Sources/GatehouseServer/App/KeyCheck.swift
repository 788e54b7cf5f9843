import Fluent
import Foundation
import GatehouseCore
import SQLKit
import Vapor

/// Whether this start created the secret key file (it was missing).
struct KeyFileCreated: StorageKey { typealias Value = Bool }

/// The key file must be the one this database's data was sealed with. Each key id's check value is kept in the
/// database; at start a key the database knows but the file lacks, or a key whose value differs (another
/// installation's file), stops the server with what to restore. A new key file is accepted only for an empty database
/// (or, once, for a database from before the checks, with the key file it was running with); keys appended to the
/// file (rotation) are recorded.
enum KeyCheck {
    /// The key file's check at `serve`: against the ring the app was configured with.
    static func verify(_ app: Application) async throws {
        try await verify(ring: app.gatehouse.keyRing, keyFile: app.gatehouse.configuration.secretKeyPath,
                         keyFileCreated: app.storage[KeyFileCreated.self] ?? false, now: app.gatehouse.clock.now(), on: app.db)
    }

    static func verify(ring: SecretKeyRing, keyFile: String, keyFileCreated: Bool, now: Date, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw("SELECT key_id, check_value FROM key_checks").all()
        var known: [String: String] = [:]
        for row in rows { known[try row.decode(column: "key_id", as: String.self)] = try row.decode(column: "check_value", as: String.self) }
        if known.isEmpty, keyFileCreated, try await holdsData(sql) {
            try? FileManager.default.removeItem(atPath: keyFile)
            throw ConfigurationError("""
                the secret key file \(keyFile) was missing, but this database holds data sealed with its key. \
                The server does not start with a new key (the new file was removed): restore the key file from its backup \
                to \(keyFile) (or set GATEHOUSE_SECRET_KEY_FILE to it) and start again.
                """)
        }
        let ids = Set(ring.entries.map(\.id))
        for (id, value) in known.sorted(by: { $0.key < $1.key }) {
            guard ids.contains(id) else {
                throw ConfigurationError("the secret key file \(keyFile) lacks key \(id), which this database's data is sealed with: restore the complete key file from its backup")
            }
            guard ring.checkValue(keyID: id) == value else {
                throw ConfigurationError("key \(id) in \(keyFile) is not the key this database was sealed with (another installation's key file?): restore this installation's key file from its backup")
            }
        }
        for entry in ring.entries where known[entry.id] == nil {
            try await sql.insert(into: "key_checks").columns("id", "key_id", "check_value", "created_at")
                .values(SQLBind(UUID()), SQLBind(entry.id), SQLBind(ring.checkValue(keyID: entry.id)!), SQLBind(now))
                // Several instances starting together record each key once.
                .ignoringConflicts(with: ["key_id"]).run()
        }
    }

    /// Whether anything was ever recorded: an account, a community or a person.
    private static func holdsData(_ sql: any SQLDatabase) async throws -> Bool {
        for table in ["users", "communities", "persons"] {
            if try await sql.raw("SELECT 1 AS one FROM \(ident: table) LIMIT 1").first() != nil { return true }
        }
        return false
    }
}
