import Fluent
import SQLKit

/// The shortest home quarantine a community orders without a second thought (default 14 days, the Inner Mongolia
/// notice's home medical observation): a shorter order asks for confirmation.
struct M028QuarantineMinimum: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("communities").field("quarantine_minimum_days", .int, .required, .sql(.default(14))).update()
    }

    func revert(on db: Database) async throws {
        try await db.schema("communities").deleteField("quarantine_minimum_days").update()
    }
}
