import Fluent
import Foundation

/// Someone seen at a community's gate. Identified by ID number (through its blind index) or, without a
/// document, by phone. Personal fields are sealed; lists use the stored masked forms.
final class Person: Model, @unchecked Sendable {
    static let schema = "persons"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @OptionalField(key: "id_number_index") var idNumberIndex: String?
    @OptionalField(key: "id_number_sealed") var idNumberSealed: String?
    @OptionalField(key: "document_kind") var documentKind: String?
    @OptionalField(key: "name_sealed") var nameSealed: String?
    @Field(key: "name_masked") var nameMasked: String
    @OptionalField(key: "phone_sealed") var phoneSealed: String?
    @OptionalField(key: "phone_index") var phoneIndex: String?
    @Field(key: "phone_masked") var phoneMasked: String
    /// Sealed JSON of the card's other fields (`CardDetails`).
    @OptionalField(key: "card_sealed") var cardSealed: String?
    /// Last day of the card's validity (`yyyy-MM-dd`), for the expired-card warning.
    @OptionalField(key: "card_valid_until") var cardValidUntil: String?
    @OptionalField(key: "photo_id") var photoID: UUID?
    /// Registered with the community (登记备案): passes without registering again.
    @Field(key: "is_registered") var isRegistered: Bool
    @OptionalField(key: "registered_at") var registeredAt: Date?
    @OptionalField(key: "registered_by") var registeredBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: UUID
    @OptionalField(key: "last_seen_at") var lastSeenAt: Date?

    init() {}

    init(communityID: UUID, createdAt: Date, createdBy: UUID) {
        self.communityID = communityID
        self.nameMasked = ""
        self.phoneMasked = ""
        self.isRegistered = false
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
