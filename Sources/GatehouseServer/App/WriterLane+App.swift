import GatehouseStore
import SQLKit
import Vapor

extension WriterLane.Target {
    /// The lane's target for `choice`: none for SQLite in memory (the tests' database: one connection, nothing to gain).
    static func of(_ choice: DatabaseChoice) throws -> WriterLane.Target? {
        switch choice {
        case .sqliteMemory: nil
        case .sqliteFile(let path): .sqliteFile(path: path)
        case .postgres(let url): .postgres(try GatehouseApp.postgresConfiguration(url))
        }
    }
}

/// Starts a writer lane with the server (its WAL checkpoints read through the application's database) and shuts it
/// down with it.
struct WriterLaneLifecycle: LifecycleHandler {
    let lane: WriterLane

    func didBootAsync(_ application: Application) async throws {
        try await lane.start(checkpointingFrom: application.db as! any SQLDatabase, on: application.eventLoopGroup.next())
    }

    func shutdownAsync(_ application: Application) async {
        await lane.shutdown()
    }
}
