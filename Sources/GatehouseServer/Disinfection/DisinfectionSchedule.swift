import Fluent
import Foundation

/// A place of a community (or of one of its gates) to disinfect every so many minutes.
final class DisinfectionSchedule: Model, @unchecked Sendable {
    static let schema = "disinfection_schedules"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    /// The gate it belongs to, if any (its operators see it).
    @OptionalField(key: "checkpoint_id") var checkpointID: UUID?
    @Field(key: "name") var name: String
    /// `DisinfectionPlace` raw value.
    @Field(key: "place") var place: String
    @Field(key: "interval_minutes") var intervalMinutes: Int
    @OptionalField(key: "last_done_at") var lastDoneAt: Date?
    /// An observation room's last use (a person left it): due for disinfection at once if not done since.
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    /// Ended by the office: no longer listed or due (its log stays).
    @OptionalField(key: "ended_at") var endedAt: Date?
    @OptionalField(key: "ended_by") var endedBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: UUID

    init() {}
}
