import FluentKit
import Foundation
import SQLKit

/// A row the group commit writes in batches: it knows its id and how to insert many of its kind with one statement.
public protocol BatchRow: Sendable {
    var id: UUID { get }

    /// Inserts `rows` in their order with one statement on `sql` (the batch's connection, in its transaction or in
    /// autocommit) and returns the ids that went in: a row may be left out (a duplicate request, a refused write),
    /// and its caller then hears `false`. A failure fails the statement; the group commit then tries each row alone.
    static func insert(_ rows: [Self], on sql: any SQLDatabase) async throws -> Set<UUID>
}
