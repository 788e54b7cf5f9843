import Fluent
import SQLKit

/// Changes a SQLite table the way SQLite documents it (a column cannot drop NOT NULL in place): foreign keys off on
/// one connection, then inside one transaction create the new table, copy the rows, drop the old one, rename, make
/// its indexes again and check every foreign key before committing; foreign keys on again whatever happened.
struct SQLiteTableRebuild {
    let table: String
    /// `CREATE TABLE "<table>_new" (…)` with the new definition.
    let create: String
    /// The columns copied, in both tables.
    let columns: [String]
    /// `CREATE INDEX …` statements for the rebuilt table.
    let indexes: [String]

    func run(on db: any Database) async throws {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        try await db.withConnection { connection in
            let one = connection as! any SQLDatabase
            try await one.raw("PRAGMA foreign_keys = OFF").run()
            do {
                try await connection.transaction { tx in
                    let sql = tx as! any SQLDatabase
                    try await sql.raw("\(unsafeRaw: create)").run()
                    try await sql.raw("INSERT INTO \(ident: table + "_new") (\(unsafeRaw: list)) SELECT \(unsafeRaw: list) FROM \(ident: table)").run()
                    try await sql.raw("DROP TABLE \(ident: table)").run()
                    try await sql.raw("ALTER TABLE \(ident: table + "_new") RENAME TO \(ident: table)").run()
                    for index in indexes { try await sql.raw("\(unsafeRaw: index)").run() }
                    let broken = try await sql.raw("PRAGMA foreign_key_check").all()
                    guard broken.isEmpty else { throw BrokeKeys(table: table, count: broken.count) }
                }
            } catch {
                try? await one.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
            try await one.raw("PRAGMA foreign_keys = ON").run()
        }
    }

    struct BrokeKeys: Error, CustomStringConvertible {
        let table: String
        let count: Int
        var description: String { "Rebuilding \(table) left \(count) broken foreign keys; nothing was changed" }
    }
}
