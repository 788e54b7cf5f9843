import Fluent
import Foundation

/// One audited action: an export, a contact trace, a reveal. Says who, as which role, what, where and why — with
/// counts and ranges, never personal data.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "user_id") var userID: UUID
    @Field(key: "role") var role: String
    /// `AuditAction` raw value.
    @Field(key: "action") var action: String
    @OptionalField(key: "community_id") var communityID: UUID?
    /// What it was about (`checkpoint:<id>`, `community:<id>`).
    @OptionalField(key: "target") var target: String?
    /// The parameters and the size of the result (`csv 2026-11-20…2026-11-22, 312 rows`).
    @Field(key: "detail") var detail: String
    /// The reason the user stated, where one is required.
    @OptionalField(key: "reason") var reason: String?

    init() {}
}
