import Fluent
import Foundation
import GatehouseCore

/// A gate of a community (卡点, e.g. 幸福小区北门) where passages are checked and recorded.
final class Checkpoint: Model, @unchecked Sendable {
    static let schema = "checkpoints"

    @ID(key: .id) var id: UUID?
    @Parent(key: "community_id") var community: Community
    @Field(key: "name") var name: String
    /// Only one gate per community should be open (Henan guide); others are closed.
    @Field(key: "is_open") var isOpen: Bool
    /// Code that gate staff enter to register as operators of this checkpoint.
    @Field(key: "enrolment_code") var enrolmentCode: String
    /// Public code of the gate's self-registration poster (`/r/{code}`); knowing it only opens the form.
    @OptionalField(key: "registration_code") var registrationCode: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID? = nil, communityID: UUID, name: String, isOpen: Bool, enrolmentCode: String, createdAt: Date) {
        self.id = id
        self.$community.id = communityID
        self.name = name
        self.isOpen = isOpen
        self.enrolmentCode = enrolmentCode
        self.registrationCode = EnrolmentCode.generate(length: 10)
        self.createdAt = createdAt
    }
}
