import Fluent
import Foundation
import GatehouseCore
import Vapor

/// An account. Personal fields are sealed (AES-GCM) and looked up through blind indexes.
final class User: Model, Authenticatable, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    @OptionalField(key: "district_id") var districtID: UUID?
    @OptionalField(key: "subdistrict_id") var subdistrictID: UUID?
    @OptionalField(key: "community_id") var communityID: UUID?
    @OptionalField(key: "checkpoint_id") var checkpointID: UUID?
    /// 姓名, sealed.
    @Field(key: "name_sealed") var nameSealed: String
    /// 联系方式, sealed, with its blind index.
    @OptionalField(key: "phone_sealed") var phoneSealed: String?
    @OptionalField(key: "phone_index") var phoneIndex: String?
    /// 用户编码 (badge or ID number), sealed, with its blind index.
    @OptionalField(key: "user_code_sealed") var userCodeSealed: String?
    @OptionalField(key: "user_code_index") var userCodeIndex: String?
    /// 单位名称.
    @OptionalField(key: "unit_name") var unitName: String?
    @Field(key: "is_active") var isActive: Bool
    /// Moved on by a password change or "sign out everywhere": sessions of an earlier epoch are no longer signed in.
    @Field(key: "session_epoch") var sessionEpoch: Int
    @Field(key: "created_at") var createdAt: Date
    /// Who created the account (nil for self-registration and the command line).
    @OptionalField(key: "created_by") var createdBy: UUID?

    init() {}

    init(id: UUID? = nil, username: String, passwordHash: String, role: Role, nameSealed: String, createdAt: Date) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.role = role.rawValue
        self.nameSealed = nameSealed
        self.isActive = true
        self.sessionEpoch = 0
        self.createdAt = createdAt
    }

    /// The role as a type; unknown text (never written by this code) reads as the least powerful role.
    var roleValue: Role { Role(rawValue: role) ?? .resident }
}
