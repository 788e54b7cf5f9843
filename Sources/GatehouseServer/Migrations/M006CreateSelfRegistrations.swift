import Fluent
import GatehouseCore
import SQLKit

/// Self-registration from a gate's poster: registrations, visits, deliveries, returnee reports, tenancies; each checkpoint's
/// poster code; each community's pickup point and windows and returnee monitoring days; passages name the
/// registration scanned; residents may be expected back on a day.
struct M006CreateSelfRegistrations: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("checkpoints").field("registration_code", .string).update()
        for gate in try await Checkpoint.query(on: db).all() {
            gate.registrationCode = EnrolmentCode.generate(length: 10)
            try await gate.save(on: db)
        }
        try await db.schema("communities").field("pickup_point", .string).update()
        try await db.schema("communities").field("pickup_slot_minutes", .int, .required, .sql(.default(30))).update()
        try await db.schema("communities").field("pickup_slot_capacity", .int, .required, .sql(.default(10))).update()
        try await db.schema("communities").field("returnee_monitoring_days", .int, .required, .sql(.default(14))).update()
        try await db.schema("residents").field("returning_on", .string).update()
        try await db.schema("self_registrations")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("checkpoint_id", .uuid, .required, .references("checkpoints", "id"))
            .field("category", .string, .required)
            .field("code", .string, .required)
            .field("code_expires_at", .datetime, .required)
            .field("status_token_hash", .string, .required)
            .field("status_token_sealed", .string, .required)
            .field("status", .string, .required)
            .field("name_sealed", .string, .required)
            .field("name_masked", .string, .required)
            .field("phone_sealed", .string, .required)
            .field("phone_index", .string, .required)
            .field("phone_masked", .string, .required)
            .field("id_number_sealed", .string)
            .field("id_number_index", .string)
            .field("household_label", .string)
            .field("household_id", .uuid, .references("households", "id"))
            .field("landlord_phone_index", .string)
            .field("answers_sealed", .string, .required)
            .field("day", .string, .required)
            .field("submissions", .int, .required)
            .field("decided_at", .datetime)
            .field("decided_by", .uuid, .references("users", "id"))
            .field("decision_reason", .string)
            .field("pass_id", .uuid, .references("passes", "id"))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "status_token_hash")
            .create()
        try await db.schema("visits")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("registration_id", .uuid, .required, .references("self_registrations", "id"))
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("day", .string, .required)
            .field("vouched_via", .string)
            .field("vouched_at", .datetime)
            .field("vouched_by_resident_id", .uuid, .references("residents", "id"))
            .field("vouched_by_user_id", .uuid, .references("users", "id"))
            .field("vouch_pass_id", .uuid, .references("passes", "id"))
            .field("vouch_operator_id", .uuid, .references("users", "id"))
            .field("declined_at", .datetime)
            .field("declined_by", .uuid, .references("users", "id"))
            .field("entry_passage_id", .uuid, .references("passages", "id"))
            .field("entered_at", .datetime)
            .field("exit_passage_id", .uuid, .references("passages", "id"))
            .field("exited_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "registration_id")
            .create()
        try await db.schema("deliveries")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("checkpoint_id", .uuid, .required, .references("checkpoints", "id"))
            .field("registration_id", .uuid, .references("self_registrations", "id"))
            .field("passage_id", .uuid, .references("passages", "id"))
            .field("platform", .string, .required)
            .field("rider_name_masked", .string, .required)
            .field("rider_phone_masked", .string, .required)
            .field("pickup_point", .string, .required)
            .field("window_start", .datetime, .required)
            .field("window_end", .datetime, .required)
            .field("logged_at", .datetime, .required)
            .field("logged_by", .uuid, .required, .references("users", "id"))
            .field("picked_up_at", .datetime)
            .field("picked_up_by", .uuid, .references("users", "id"))
            .create()
        try await db.schema("returnee_reports")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("household_id", .uuid, .references("households", "id"))
            .field("resident_id", .uuid, .references("residents", "id"))
            .field("registration_id", .uuid, .references("self_registrations", "id"))
            .field("name_sealed", .string, .required)
            .field("name_masked", .string, .required)
            .field("phone_sealed", .string, .required)
            .field("phone_masked", .string, .required)
            .field("origin_code", .string, .required)
            .field("arrival_date", .string, .required)
            .field("transport", .string, .required)
            .field("transport_number_sealed", .string)
            .field("symptoms", .string, .required)
            .field("monitoring_until", .string, .required)
            .field("filed_at", .datetime, .required)
            .field("filed_by", .uuid, .references("users", "id"))
            .create()
        try await db.schema("tenancies")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("registration_id", .uuid, .references("self_registrations", "id"))
            .field("source", .string, .required)
            .field("reported_by", .uuid, .references("users", "id"))
            .field("name_sealed", .string, .required)
            .field("name_masked", .string, .required)
            .field("id_number_sealed", .string, .required)
            .field("id_number_index", .string, .required)
            .field("phone_sealed", .string, .required)
            .field("phone_masked", .string, .required)
            .field("origin_code", .string, .required)
            .field("move_in", .string, .required)
            .field("move_out", .string)
            .field("landlord_phone_index", .string, .required)
            .field("status", .string, .required)
            .field("decided_at", .datetime)
            .field("decided_by", .uuid, .references("users", "id"))
            .field("decision_reason", .string)
            .field("confirmed_via", .string)
            .field("confirm_operator_id", .uuid, .references("users", "id"))
            .field("proof_photo_id", .uuid, .references("photos", "id"))
            .field("resident_id", .uuid, .references("residents", "id"))
            .field("pass_id", .uuid, .references("passes", "id"))
            .field("created_at", .datetime, .required)
            .create()
        try await db.schema("passages").field("registration_id", .uuid, .references("self_registrations", "id")).update()
        let sql = db as! SQLDatabase
        try await sql.create(index: "idx_checkpoints_registration_code").unique().on("checkpoints").column("registration_code").run()
        for (name, table, columns) in [
            ("idx_registrations_code", "self_registrations", ["community_id", "code"]),
            ("idx_registrations_merge", "self_registrations", ["checkpoint_id", "category", "phone_index", "day"]),
            ("idx_registrations_household", "self_registrations", ["household_id", "category", "status"]),
            ("idx_registrations_review", "self_registrations", ["community_id", "category", "status"]),
            ("idx_visits_household", "visits", ["household_id", "day"]),
            ("idx_visits_inside", "visits", ["community_id", "exited_at", "entered_at"]),
            ("idx_deliveries_household", "deliveries", ["household_id", "picked_up_at"]),
            ("idx_deliveries_window", "deliveries", ["community_id", "window_start"]),
            ("idx_returnee_household", "returnee_reports", ["household_id", "arrival_date"]),
            ("idx_tenancies_landlord", "tenancies", ["landlord_phone_index", "status"]),
            ("idx_tenancies_household", "tenancies", ["household_id", "status"]),
            ("idx_tenancies_resident", "tenancies", ["resident_id", "status"]),
        ] {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("passages").deleteField("registration_id").update()
        for table in ["tenancies", "returnee_reports", "deliveries", "visits", "self_registrations"] { try await db.schema(table).delete() }
        try await db.schema("residents").deleteField("returning_on").update()
        for field in ["pickup_point", "pickup_slot_minutes", "pickup_slot_capacity", "returnee_monitoring_days"] {
            try await db.schema("communities").deleteField(.string(field)).update()
        }
        try await (db as! SQLDatabase).drop(index: "idx_checkpoints_registration_code").run()
        try await db.schema("checkpoints").deleteField("registration_code").update()
    }
}
