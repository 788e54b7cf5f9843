import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit

/// The database engine behind a connection. The store's types take care of the two engines' differences where they
/// can (transactions, keyset times, fast row reads); a feature asks only where its SQL must differ.
public enum StoreEngine: Sendable, Equatable {
    case sqlite
    case postgres

    /// The engine `db` speaks to.
    public init(_ db: any Database) {
        self = (db as? any SQLDatabase)?.engine ?? .postgres
    }
}

extension Database {
    /// The engine this database speaks to.
    public var engine: StoreEngine { StoreEngine(self) }
}

extension SQLDatabase {
    /// The engine this database speaks to.
    public var engine: StoreEngine { dialect.name == "sqlite" ? .sqlite : .postgres }
}
