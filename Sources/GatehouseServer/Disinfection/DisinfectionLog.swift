import Fluent
import Foundation

/// One disinfection done: where, with what agent, when, by whom, optionally a photo.
final class DisinfectionLog: Model, @unchecked Sendable {
    static let schema = "disinfection_logs"

    @ID(key: .id) var id: UUID?
    @Field(key: "schedule_id") var scheduleID: UUID
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "agent") var agent: String
    @OptionalField(key: "note") var note: String?
    @OptionalField(key: "photo_id") var photoID: UUID?
    @Field(key: "done_at") var doneAt: Date
    @Field(key: "done_by") var doneBy: UUID

    init() {}
}
