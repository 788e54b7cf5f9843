import Fluent
import GatehouseCore
import Vapor

/// `gatehouse demo`: a realistic demo district with two communities, their gates, admins and operators.
/// It prints the logins, and refuses to touch a database that holds anything but demo data.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Fills an empty database with a demo district and prints its logins." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let districts = try await District.query(on: app.db).all()
        if districts.contains(where: { !$0.isDemo }) {
            throw ConfigurationError("this database holds real (non-demo) data: gatehouse demo will not touch it")
        }
        if districts.isEmpty {
            try await DemoData(services: app.gatehouse, db: app.db, hasher: app.password.async).create()
        }
        context.console.print(DemoData.loginsText())
    }
}
