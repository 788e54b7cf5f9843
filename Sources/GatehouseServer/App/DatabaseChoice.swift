/// Where the data lives.
public enum DatabaseChoice: Sendable, Equatable {
    /// The embedded default: one SQLite file.
    case sqliteFile(path: String)
    /// SQLite in memory: every test gets its own.
    case sqliteMemory
    /// PostgreSQL, for a city-scale deployment with several server instances.
    case postgres(url: String)

    /// "sqlite" or "postgres", as `/healthz` reports it.
    public var kindName: String {
        switch self {
        case .sqliteFile, .sqliteMemory: return "sqlite"
        case .postgres: return "postgres"
        }
    }
}
