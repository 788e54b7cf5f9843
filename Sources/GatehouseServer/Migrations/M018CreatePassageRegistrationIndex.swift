import Fluent
import SQLKit

/// The passages made with a self-registration's code — a few among millions, so a partial index. The daily purge keeps
/// a self-registration while a passage still points to it; without this index each check read the whole table
/// (and PostgreSQL compiled that plan, 0.35 s a community, even with no registration to check).
struct M018CreatePassageRegistrationIndex: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            CREATE INDEX idx_passages_registration ON passages (registration_id) WHERE registration_id IS NOT NULL
            """).run()
    }

    func revert(on db: Database) async throws {
        try await (db as! any SQLDatabase).drop(index: "idx_passages_registration").run()
    }
}
