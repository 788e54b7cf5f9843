import Fluent
import Foundation
import GatehouseCore
import SQLKit

/// Home quarantine as orders (days, reason, who ordered it) with their history and the twice-daily health reports.
/// Households flagged before orders existed get an order from the day they were flagged, 14 days long.
struct M012CreateQuarantineOrders: AsyncMigration {
    func prepare(on db: Database) async throws {
        try await db.schema("quarantine_orders")
            .id()
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("household_id", .uuid, .required, .references("households", "id"))
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("reason", .string, .required)
            .field("ordered_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("released_at", .datetime)
            .field("released_by", .uuid, .references("users", "id"))
            .create()
        try await db.schema("quarantine_order_events")
            .id()
            .field("order_id", .uuid, .required, .references("quarantine_orders", "id"))
            .field("kind", .string, .required)
            .field("ends_on", .string, .required)
            .field("note", .string)
            .field("at", .datetime, .required)
            .field("by", .uuid, .references("users", "id"))
            // The server's own steps are taken once even when several instances run them at the same moment.
            .unique(on: "order_id", "kind", "ends_on")
            .create()
        try await db.schema("quarantine_health_reports")
            .id()
            .field("order_id", .uuid, .required, .references("quarantine_orders", "id"))
            .field("community_id", .uuid, .required, .references("communities", "id"))
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("round", .string, .required)
            .field("temperature_tenths", .int, .required)
            .field("symptoms", .string, .required)
            .field("note", .string)
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .unique(on: "order_id", "resident_id", "round")
            .create()
        let sql = db as! SQLDatabase
        try await sql.create(index: "idx_quarantine_orders_open").on("quarantine_orders").column("released_at").column("community_id").run()
        try await sql.create(index: "idx_quarantine_orders_household").on("quarantine_orders").column("household_id").run()

        for household in try await Household.query(on: db).filter(\.$homeQuarantine == true).all() {
            let at = household.quarantineChangedAt ?? household.createdAt
            let start = CalendarDate(at)
            let order = QuarantineOrder()
            order.communityID = household.communityID
            order.householdID = household.id!
            order.startsOn = start
            order.endsOn = start.adding(days: 13)
            order.reason = "系统升级前已设为居家隔离"
            order.orderedBy = "—"
            order.createdAt = at
            order.createdBy = household.quarantineChangedBy ?? household.createdBy
            try await order.create(on: db)
            let event = QuarantineOrderEvent()
            event.orderID = order.id!
            event.kind = QuarantineOrderEventKind.ordered.rawValue
            event.endsOn = order.endsOn
            event.at = at
            event.by = order.createdBy
            try await event.create(on: db)
        }
    }

    func revert(on db: Database) async throws {
        try await db.schema("quarantine_health_reports").delete()
        try await db.schema("quarantine_order_events").delete()
        try await db.schema("quarantine_orders").delete()
    }
}
