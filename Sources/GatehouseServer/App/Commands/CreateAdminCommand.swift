import Fluent
import GatehouseCore
import Vapor

/// `gatehouse create-admin --username NAME --password-stdin [--district NAME] [--name NAME]`: a district admin.
struct CreateAdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Login name of the new district admin")
        var username: String?
        @Flag(name: "password-stdin", help: "Read the password from standard input (required)")
        var passwordStdin: Bool
        @Option(name: "district", help: "District name (created when absent; default 默认区)")
        var district: String?
        @Option(name: "name", help: "The admin's own name (default 管理员)")
        var name: String?
    }

    var help: String { "Creates a district admin account." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let username = signature.username else { throw ConfigurationError("--username is required") }
        guard signature.passwordStdin, let password = readLine(strippingNewline: true) else {
            throw ConfigurationError("give the password on standard input with --password-stdin, e.g. echo 'secret' | gatehouse create-admin --username admin --password-stdin")
        }
        try await app.autoMigrate()
        let services = app.gatehouse
        let districtName = signature.district ?? "默认区"
        let district: District
        if let existing = try await District.query(on: app.db).filter(\.$name == districtName).first() {
            district = existing
        } else {
            district = District(name: districtName, divisionCode: nil, createdAt: services.clock.now())
            try await district.create(on: app.db)
        }
        let input = AccountCreation.Input(username: username, password: password, name: signature.name ?? "管理员",
                                          phone: nil, role: Role.districtAdmin.rawValue)
        do {
            let user = try await AccountCreation(services: services, db: app.db)
                .create(input, placement: (district.id, nil, nil), createdBy: nil, language: .en, hasher: app.password.async)
            context.console.print("Created district admin \(user.username) for \(district.name).")
        } catch let invalid as OperatorRegistration.Invalid {
            throw ConfigurationError(invalid.errors.values.sorted().joined(separator: "; "))
        }
    }
}
