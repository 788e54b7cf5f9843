import Fluent
import SQLKit

/// A fever case can be opened from a returnee's daily check-in as well as at the gate: `passage_id` and
/// `checkpoint_id` become optional and `check_in_id` names the check-in (each check-in opens one case at most).
///
/// SQLite cannot drop a NOT NULL, so there the table is rebuilt (`SQLiteTableRebuild`); PostgreSQL alters the columns
/// in place.
struct M025FeverCaseFromCheckIn: AsyncMigration {
    private static let columns = [
        "id", "community_id", "checkpoint_id", "passage_id", "person_id", "status", "temperature_tenths", "opened_at",
        "opened_by", "household_id", "stage_since", "room_schedule_id", "closed_at", "household_decision", "quarantine_order_id",
    ]

    func prepare(on db: Database) async throws {
        let sql = db as! SQLDatabase
        guard sql.dialect.name == "sqlite" else {
            try await sql.raw("""
                ALTER TABLE fever_cases ALTER COLUMN passage_id DROP NOT NULL, ALTER COLUMN checkpoint_id DROP NOT NULL,
                ADD COLUMN check_in_id UUID UNIQUE REFERENCES returnee_check_ins(id)
                """).run()
            return
        }
        try await SQLiteTableRebuild(table: "fever_cases", create: """
            CREATE TABLE "fever_cases_new" (
                "id" UUID PRIMARY KEY NOT NULL,
                "community_id" UUID NOT NULL REFERENCES "communities" ("id"),
                "checkpoint_id" UUID REFERENCES "checkpoints" ("id"),
                "passage_id" UUID UNIQUE REFERENCES "passages" ("id"),
                "person_id" UUID REFERENCES "persons" ("id"),
                "status" TEXT NOT NULL,
                "temperature_tenths" INTEGER NOT NULL,
                "opened_at" REAL NOT NULL,
                "opened_by" UUID NOT NULL REFERENCES "users" ("id"),
                "household_id" UUID REFERENCES "households" ("id"),
                "stage_since" REAL,
                "room_schedule_id" UUID REFERENCES "disinfection_schedules" ("id"),
                "closed_at" REAL,
                "household_decision" TEXT,
                "quarantine_order_id" UUID,
                "check_in_id" UUID UNIQUE REFERENCES "returnee_check_ins" ("id")
            )
            """, columns: Self.columns, indexes: ["CREATE INDEX idx_fever_cases_community ON fever_cases (community_id, status)"]).run(on: db)
    }

    func revert(on db: Database) async throws {
        // Cases opened from a check-in have no passage to go back to.
        let sql = db as! SQLDatabase
        try await sql.raw("DELETE FROM fever_case_events WHERE case_id IN (SELECT id FROM fever_cases WHERE passage_id IS NULL)").run()
        try await sql.raw("DELETE FROM fever_cases WHERE passage_id IS NULL").run()
        // On SQLite the columns stay as they are (optional, and `check_in_id` unused): undoing them is another rebuild
        // for no gain, since every remaining case has its passage.
        if sql.dialect.name != "sqlite" {
            try await sql.raw("""
                ALTER TABLE fever_cases DROP COLUMN check_in_id, ALTER COLUMN passage_id SET NOT NULL,
                ALTER COLUMN checkpoint_id SET NOT NULL
                """).run()
        }
    }
}
