import Fluent
import Foundation

/// A pass a community issued: the signed token carries its id; this row says whether it still holds.
final class Pass: Model, @unchecked Sendable {
    static let schema = "passes"

    enum Status: String, Codable { case active, suspended, revoked }

    @ID(key: .id) var id: UUID?
    @Field(key: "community_id") var communityID: UUID
    @Parent(key: "household_id") var household: Household
    @OptionalParent(key: "resident_id") var resident: Resident?
    /// `PassKind.code`.
    @Field(key: "kind") var kind: String
    @Field(key: "status") var status: String
    /// `PassShortCode.value`, typed at the gate when the QR cannot be scanned.
    @Field(key: "short_code") var shortCode: String
    @Field(key: "issued_at") var issuedAt: Date
    @Field(key: "issued_by") var issuedBy: UUID
    @Field(key: "expires_at") var expiresAt: Date
    /// The pass this one replaced (reissue).
    @OptionalField(key: "replaces_id") var replacesID: UUID?
    @OptionalField(key: "status_reason") var statusReason: String?
    @OptionalField(key: "status_changed_at") var statusChangedAt: Date?
    @OptionalField(key: "status_changed_by") var statusChangedBy: UUID?

    init() {}

    var statusValue: Status { Status(rawValue: status) ?? .revoked }
}
