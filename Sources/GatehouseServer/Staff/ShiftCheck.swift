import Fluent
import Foundation
import GatehouseCore

/// A gate operator's start-of-shift checklist, done once a day per checkpoint before the gate screen opens.
final class ShiftCheck: Model, @unchecked Sendable {
    static let schema = "shift_checks"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "checkpoint_id") var checkpointID: UUID
    /// China date (`yyyy-MM-dd`).
    @Field(key: "day") var day: String
    /// The `ShiftCheckItem`s ticked, comma-separated.
    @Field(key: "items") var items: String
    @Field(key: "checked_at") var checkedAt: Date

    init() {}

    /// A completed checklist (every item ticked).
    init(userID: UUID, checkpointID: UUID, day: String, at date: Date) {
        self.userID = userID
        self.checkpointID = checkpointID
        self.day = day
        self.items = ShiftCheckItem.allCases.map(\.rawValue).joined(separator: ",")
        self.checkedAt = date
    }
}
