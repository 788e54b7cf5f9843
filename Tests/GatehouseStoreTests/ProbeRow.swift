import Foundation
import GatehouseStore
import SQLKit

/// A row of the tests' `probe` table, batched as the store batches any row: a note that must be unique (a repeat is
/// left out, as a repeated request is) and not empty (an empty one fails its statement).
struct ProbeRow: BatchRow {
    let id: UUID
    let note: String

    init(_ note: String) {
        id = UUID()
        self.note = note
    }

    static let createTable: SQLQueryString = "CREATE TABLE probe (id TEXT PRIMARY KEY, note TEXT NOT NULL UNIQUE CHECK (note <> ''))"

    static func insert(_ rows: [ProbeRow], on sql: any SQLDatabase) async throws -> Set<UUID> {
        guard !rows.isEmpty else { return [] }
        var values: SQLQueryString = ""
        for (n, row) in rows.enumerated() {
            values = "\(values)\(unsafeRaw: n > 0 ? ", " : "")(\(bind: UUIDText.text(row.id)), \(bind: row.note))"
        }
        let inserted = try await sql.raw("INSERT INTO probe (id, note) VALUES \(values) ON CONFLICT (note) DO NOTHING RETURNING id").all()
        return Set(try inserted.compactMap { UUIDText.parse(try $0.decode(column: "id", as: String.self)) })
    }

    /// The notes stored, in the order they went in.
    static func notes(on sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw("SELECT note FROM probe ORDER BY rowid").all().map { try $0.decode(column: "note", as: String.self) }
    }
}
