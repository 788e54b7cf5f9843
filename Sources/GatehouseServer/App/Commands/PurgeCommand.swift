import Fluent
import GatehouseCore
import Vapor

/// `gatehouse purge [--community ID] [--stand-down --yes]`: purges personal data older than each community's
/// retention period now (the server also does it daily), or stands one community down.
struct PurgeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "community", help: "Only this community (its id); default: every community")
        var community: String?
        @Flag(name: "stand-down", help: "Purge ALL personal data of --community: the epidemic is over for it")
        var standDown: Bool
        @Flag(name: "yes", help: "Confirm --stand-down")
        var yes: Bool
    }

    var help: String { "Purges personal data past its retention period, or all of one community's (--stand-down)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let purge = PersonalDataPurge(services: app.gatehouse, db: app.db)
        var community: Community?
        if let text = signature.community {
            guard let id = UUID(uuidString: text), let found = try await Community.find(id, on: app.db) else {
                throw ConfigurationError("--community must be the id of a community (got \"\(text)\")")
            }
            community = found
        }
        if signature.standDown {
            guard let community else { throw ConfigurationError("--stand-down needs --community ID") }
            guard signature.yes else {
                throw ConfigurationError("--stand-down deletes all personal data of \(community.name) for good: add --yes to confirm")
            }
            let counts = try await purge.standDown(community, by: nil)
            context.console.print("\(community.name) stood down; purged \(counts.total) row(s): \(counts.summary)")
            return
        }
        let results: [(Community, PurgeCounts)]
        if let community {
            results = [(community, try await purge.purgeExpired(community))]
        } else {
            results = try await purge.purgeExpiredEverywhere()
        }
        for (c, counts) in results {
            context.console.print("\(c.name) (\(c.retentionDays) days): purged \(counts.total) row(s)\(counts.total > 0 ? ": " + counts.summary : "")")
        }
    }
}
