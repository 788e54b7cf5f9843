import Foundation

/// A user's row as plain values (the hot path reads it with SQLKit and caches it): becomes a fresh `User` model
/// for each request, so no request shares a model with another.
struct UserRow: Codable, Sendable {
    var id: UUID
    var username: String
    var passwordHash: String
    var role: String
    var districtId: UUID?
    var subdistrictId: UUID?
    var communityId: UUID?
    var checkpointId: UUID?
    var nameSealed: String
    var phoneSealed: String?
    var phoneIndex: String?
    var userCodeSealed: String?
    var userCodeIndex: String?
    var unitName: String?
    var isActive: Bool
    var sessionEpoch: Int
    var createdAt: Date
    var createdBy: UUID?

    /// The columns, in the order of the table (qualified by `table` for joins).
    static func columns(of table: String) -> String {
        ["id", "username", "password_hash", "role", "district_id", "subdistrict_id", "community_id", "checkpoint_id",
         "name_sealed", "phone_sealed", "phone_index", "user_code_sealed", "user_code_index", "unit_name", "is_active",
         "session_epoch", "created_at", "created_by"].map { "\(table).\($0)" }.joined(separator: ", ")
    }

    /// A new model holding these values, marked as stored (saving it updates the row).
    func model() -> User {
        let user = User()
        user.id = id
        user.username = username
        user.passwordHash = passwordHash
        user.role = role
        user.districtID = districtId
        user.subdistrictID = subdistrictId
        user.communityID = communityId
        user.checkpointID = checkpointId
        user.nameSealed = nameSealed
        user.phoneSealed = phoneSealed
        user.phoneIndex = phoneIndex
        user.userCodeSealed = userCodeSealed
        user.userCodeIndex = userCodeIndex
        user.unitName = unitName
        user.isActive = isActive
        user.sessionEpoch = sessionEpoch
        user.createdAt = createdAt
        user.createdBy = createdBy
        user.$id.exists = true
        return user
    }
}
