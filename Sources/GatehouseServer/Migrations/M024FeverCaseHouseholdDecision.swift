import Fluent

/// A fever case transferred to hospital records whether its household went into home quarantine, as the health
/// worker decided at the transfer: `household_decision` (`ordered`, `alreadyOrdered`, `declined`) and the order.
struct M024FeverCaseHouseholdDecision: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("fever_cases").field("household_decision", .string).update()
        try await db.schema("fever_cases").field("quarantine_order_id", .uuid).update()
    }

    func revert(on db: Database) async throws {
        try await db.schema("fever_cases").deleteField("quarantine_order_id").update()
        try await db.schema("fever_cases").deleteField("household_decision").update()
    }
}
