import Fluent
import SQLKit

/// Indexes for the look-ups every request makes: users by blind index and scope, checkpoints by community.
struct M003CreateIndexes: AsyncMigration {
    private let statements = [
        ("idx_users_community", "users", "community_id"),
        ("idx_users_user_code_index", "users", "user_code_index"),
        ("idx_users_phone_index", "users", "phone_index"),
        ("idx_checkpoints_community", "checkpoints", "community_id"),
        ("idx_communities_district", "communities", "district_id"),
        ("idx_api_tokens_user", "api_tokens", "user_id"),
    ]

    func prepare(on db: Database) async throws {
        let sql = db as! SQLDatabase
        for (name, table, column) in statements {
            try await sql.create(index: name).on(table).column(column).run()
        }
    }

    func revert(on db: Database) async throws {
        let sql = db as! SQLDatabase
        for (name, _, _) in statements { try await sql.drop(index: name).run() }
    }
}
