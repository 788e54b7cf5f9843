import Fluent
import Foundation

/// A household (户): a flat in a building or a house in a village group; its members share a household pass,
/// its outing quota and, when ordered, home quarantine.
final class Household: Model, @unchecked Sendable {
    static let schema = "households"

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    /// `3栋2单元301室` / `二组15号`, unique in the community.
    @Field(key: "label") var label: String
    @OptionalField(key: "building") var building: String?
    @OptionalField(key: "unit") var unit: String?
    @OptionalField(key: "room") var room: String?
    @OptionalField(key: "village_group") var villageGroup: String?
    @OptionalField(key: "house_number") var houseNumber: String?
    /// A rented home's landlord: name and phone sealed, phone with blind index; the account once it exists.
    @OptionalField(key: "landlord_name_sealed") var landlordNameSealed: String?
    @OptionalField(key: "landlord_phone_sealed") var landlordPhoneSealed: String?
    @OptionalField(key: "landlord_phone_index") var landlordPhoneIndex: String?
    @OptionalField(key: "landlord_phone_masked") var landlordPhoneMasked: String?
    @OptionalField(key: "landlord_user_id") var landlordUserID: UUID?
    /// Under home medical observation: no member may go out.
    @Field(key: "home_quarantine") var homeQuarantine: Bool
    @OptionalField(key: "quarantine_changed_at") var quarantineChangedAt: Date?
    @OptionalField(key: "quarantine_changed_by") var quarantineChangedBy: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: UUID

    init() {}

    var isRented: Bool { landlordPhoneIndex != nil || landlordUserID != nil }
}
