import Fluent
import Foundation
import GatehouseCore

/// One step in a quarantine order's history: ordered, in force, extended, released early, ended.
final class QuarantineOrderEvent: Model, @unchecked Sendable {
    static let schema = "quarantine_order_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "order_id") var orderID: UUID
    /// `QuarantineOrderEventKind` raw value.
    @Field(key: "kind") var kind: String
    /// The order's last day after this step.
    @Field(key: "ends_on") var endsOn: CalendarDate
    @OptionalField(key: "note") var note: String?
    @Field(key: "at") var at: Date
    /// Nil for the steps the server takes by itself (in force on the first day, ended after the last).
    @OptionalField(key: "by") var by: UUID?

    init() {}
}
