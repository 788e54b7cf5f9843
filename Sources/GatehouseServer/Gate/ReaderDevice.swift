import Fluent
import Foundation
import Vapor

/// An ID card reader (desktop or NFC bridge) registered to one checkpoint; it posts with its own token.
final class ReaderDevice: Model, Authenticatable, @unchecked Sendable {
    static let schema = "reader_devices"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "checkpoint_id") var checkpointID: UUID
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: UUID
    @OptionalField(key: "last_seen_at") var lastSeenAt: Date?

    init() {}
}
