import Fluent
import Foundation

/// A person's photo (no-ID registration, card photo): metadata stripped, sealed with AES-GCM.
final class Photo: Model, @unchecked Sendable {
    static let schema = "photos"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "key_id") var keyID: String
    @Field(key: "sealed_box") var sealedBox: Data
    @Field(key: "content_type") var contentType: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: UUID

    init() {}
}
