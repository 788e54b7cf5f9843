import Fluent
import Foundation

/// A roster member's shift at a gate: the day and the hours (`HH:mm`, China time).
final class RosterShift: Model, @unchecked Sendable {
    static let schema = "roster_shifts"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "checkpoint_id") var checkpointID: UUID
    /// `yyyy-MM-dd`.
    @Field(key: "day") var day: String
    @Field(key: "starts") var starts: String
    @Field(key: "ends") var ends: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
