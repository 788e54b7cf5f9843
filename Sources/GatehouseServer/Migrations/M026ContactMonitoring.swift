import Fluent

/// Contacts found by a trace can be put under the same daily health monitoring as returnees: a returnee report of
/// `source` `contact` names the traced person it was made for (`person_id`), so a contact is not monitored twice.
struct M026ContactMonitoring: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("returnee_reports").field("source", .string).update()
        try await db.schema("returnee_reports").field("person_id", .uuid, .references("persons", "id")).update()
    }

    func revert(on db: Database) async throws {
        try await db.schema("returnee_reports").deleteField("person_id").update()
        try await db.schema("returnee_reports").deleteField("source").update()
    }
}
