import Fluent
import Vapor

/// The `gatehouse` command line: Vapor's `serve` and Fluent's `migrate`, plus `create-admin`, `demo`, `qr` and `purge`.
public enum GatehouseCommands {
    public static func register(_ app: Application) {
        app.asyncCommands.use(CreateAdminCommand(), as: "create-admin")
        app.asyncCommands.use(DemoCommand(), as: "demo")
        app.asyncCommands.use(QRCommand(), as: "qr")
        app.asyncCommands.use(PurgeCommand(), as: "purge")
        app.asyncCommands.use(GenerateCommand(), as: "generate")
    }

    /// Before `serve`: SQLite (the embedded default) is migrated in place; PostgreSQL must be migrated
    /// with `gatehouse migrate` first, so that several instances never race to change the schema; its connections
    /// are opened before the first request (`DatabaseWarmup`).
    public static func prepare(_ app: Application) async throws {
        let arguments = app.environment.arguments.dropFirst()
        let command = arguments.first(where: { !$0.hasPrefix("-") }) ?? "serve"
        guard command == "serve" else { return }
        switch app.gatehouse.configuration.database {
        case .sqliteFile, .sqliteMemory:
            try await app.autoMigrate()
        case .postgres:
            let pending = try await app.migrator.previewPrepareBatch().get()
            if !pending.isEmpty {
                throw ConfigurationError("the PostgreSQL database has \(pending.count) pending migration(s): run `gatehouse migrate --yes` once before starting the servers")
            }
        }
        try await GatehouseApp.prepareDatabase(app)
        try await KeyCheck.verify(app)
        try await DatabaseWarmup.run(app)
    }
}
