import Fluent
import Foundation

/// A person's own registration from a gate's poster (进出人员自助登记). It never creates a passage by itself: an
/// operator at that gate scans its code. Personal fields are sealed; the answers of the category are one sealed JSON.
final class SelfRegistration: Model, @unchecked Sendable {
    static let schema = "self_registrations"

    enum Status: String {
        /// Waiting: for a host, the office, the landlord, or the gate.
        case pending
        /// A pass application or a stay that was confirmed (a pass was issued).
        case approved
        /// Refused by the office, the landlord or the host (with a reason).
        case rejected
        /// Done: the visit ended, the parcel was logged, the report was filed.
        case closed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Field(key: "checkpoint_id") var checkpointID: UUID
    /// `RegistrationCategory` raw value.
    @Field(key: "category") var category: String
    /// 6 digits, unique among the community's registrations whose code has not expired.
    @Field(key: "code") var code: String
    @Field(key: "code_expires_at") var codeExpiresAt: Date
    /// SHA-256 of the secret in the person's status link; the secret itself sealed, to give the same link on a merge.
    @Field(key: "status_token_hash") var statusTokenHash: String
    @Field(key: "status_token_sealed") var statusTokenSealed: String
    @Field(key: "status") var status: String
    @Field(key: "name_sealed") var nameSealed: String
    @Field(key: "name_masked") var nameMasked: String
    @Field(key: "phone_sealed") var phoneSealed: String
    @Field(key: "phone_index") var phoneIndex: String
    @Field(key: "phone_masked") var phoneMasked: String
    @OptionalField(key: "id_number_sealed") var idNumberSealed: String?
    @OptionalField(key: "id_number_index") var idNumberIndex: String?
    /// The household as written (`3栋2单元301室`) and, when it exists in the community, its id.
    @OptionalField(key: "household_label") var householdLabel: String?
    @OptionalField(key: "household_id") var householdID: UUID?
    /// A tenant's or migrant's landlord (blind index of the phone they gave).
    @OptionalField(key: "landlord_phone_index") var landlordPhoneIndex: String?
    @Field(key: "answers_sealed") var answersSealed: String
    /// The China date of submission (`yyyy-MM-dd`): repeated submissions that day are merged.
    @Field(key: "day") var day: String
    @Field(key: "submissions") var submissions: Int
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: UUID?
    @OptionalField(key: "decision_reason") var decisionReason: String?
    @OptionalField(key: "pass_id") var passID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var statusValue: Status { Status(rawValue: status) ?? .pending }

    /// Records who decided what, when and why (a pass, when one was issued).
    func decide(_ status: Status, by user: UUID?, at date: Date, reason: String? = nil, pass: UUID? = nil) {
        self.status = status.rawValue
        decisionReason = reason
        passID = pass ?? passID
        decidedAt = date
        decidedBy = user
        updatedAt = date
    }
}
