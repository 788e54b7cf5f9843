import Fluent
import Foundation
import GatehouseCore

/// A household put under home medical observation: the days, the reason, who ordered it and who recorded it.
/// While it is in force `households.home_quarantine` is set (the gate reads only the flag).
final class QuarantineOrder: Model, @unchecked Sendable {
    static let schema = "quarantine_orders"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "household_id") var householdID: UUID
    /// First and last day (China dates, both included); the last day moves when extended.
    @Field(key: "starts_on") var startsOn: CalendarDate
    @Field(key: "ends_on") var endsOn: CalendarDate
    @Field(key: "reason") var reason: String
    /// Who ordered it (a doctor, the health department, the command post).
    @Field(key: "ordered_by") var orderedBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: UUID
    /// Set when it ended: at the end date (automatic, no user) or early.
    @OptionalField(key: "released_at") var releasedAt: Date?
    @OptionalField(key: "released_by") var releasedBy: UUID?

    init() {}
}
