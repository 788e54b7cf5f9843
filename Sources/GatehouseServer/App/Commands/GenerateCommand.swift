import Fluent
import Vapor

/// `gatehouse generate [--communities N] [--residents N] [--passages N] [--days N] [--seed N] [--busy-day N]`: fills an empty database
/// with generated communities, residents, passes and passages for the scale measurements (`BENCHMARKS.md`). The
/// defaults make 1 million residents in 100 communities and 10 million passages over 30 days.
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "communities", help: "Communities (default 100)") var communities: Int?
        @Option(name: "residents", help: "Residents per community (default 10000)") var residents: Int?
        @Option(name: "passages", help: "Passages in all (default 10000000)") var passages: Int?
        @Option(name: "days", help: "Days the passages spread over, ending now (default 30)") var days: Int?
        @Option(name: "seed", help: "Random seed (default 1)") var seed: Int?
        @Option(name: "busy-day", help: "Extra passages at the first community's gate in the last 24 hours (default 0)") var busyDay: Int?
    }

    var help: String { "Fills an empty database with generated data for the scale measurements." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var plan = DataGenerator.Plan()
        plan.communities = signature.communities ?? plan.communities
        plan.residentsPerCommunity = signature.residents ?? plan.residentsPerCommunity
        plan.passages = signature.passages ?? plan.passages
        plan.days = signature.days ?? plan.days
        plan.seed = UInt64(signature.seed ?? 1)
        plan.busyDay = signature.busyDay ?? 0
        guard plan.communities > 0, plan.residentsPerCommunity >= 3, plan.passages >= 0, plan.days > 0, plan.busyDay >= 0 else {
            throw ConfigurationError("--communities and --days must be positive, --residents at least 3, --passages and --busy-day not negative")
        }
        // One process filling an empty database: it migrates it first, as `demo` and `create-admin` do.
        try await app.autoMigrate()
        let console = context.console
        let summary = try await DataGenerator(services: app.gatehouse, db: app.db, hasher: app.password.async,
                                              log: { console.print($0) }).run(plan)
        console.print("Generated \(summary.communities) communities, \(summary.residents) residents, \(summary.passes) passes, \(summary.passages) passages. Operators gen-op-1 … gen-op-\(summary.communities), password \(DataGenerator.password).")
    }
}
