import Fluent
import Foundation

/// A tenant's or migrant's stay in a rented home, declared by the person (poster form) or reported by a rental
/// agency. It waits for the landlord; a temporary-resident pass is issued only once the landlord has confirmed —
/// in the app or present at the gate — and a proof (lease or other document photo) is attached.
final class Tenancy: Model, @unchecked Sendable {
    static let schema = "tenancies"

    enum Status: String {
        case pending, confirmed, rejected
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "household_id") var householdID: UUID
    @OptionalField(key: "registration_id") var registrationID: UUID?
    /// `self` (poster form) or `agency` (uploaded list).
    @Field(key: "source") var source: String
    @OptionalField(key: "reported_by") var reportedBy: UUID?
    @Field(key: "name_sealed") var nameSealed: String
    @Field(key: "name_masked") var nameMasked: String
    @Field(key: "id_number_sealed") var idNumberSealed: String
    @Field(key: "id_number_index") var idNumberIndex: String
    @Field(key: "phone_sealed") var phoneSealed: String
    @Field(key: "phone_masked") var phoneMasked: String
    @Field(key: "origin_code") var originCode: String
    @Field(key: "move_in") var moveIn: String
    @OptionalField(key: "move_out") var moveOut: String?
    @Field(key: "landlord_phone_index") var landlordPhoneIndex: String
    @Field(key: "status") var status: String
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decision_reason") var decisionReason: String?
    /// `app` or `gate` (the landlord's code scanned by an operator).
    @OptionalField(key: "confirmed_via") var confirmedVia: String?
    @OptionalField(key: "confirm_operator_id") var confirmOperatorID: UUID?
    @OptionalField(key: "proof_photo_id") var proofPhotoID: UUID?
    @OptionalField(key: "resident_id") var residentID: UUID?
    @OptionalField(key: "pass_id") var passID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var statusValue: Status { Status(rawValue: status) ?? .pending }
}
