import Fluent
import GatehouseCore
import Vapor

/// Ending an account's access, and giving it back: a password change, "sign out everywhere", an admin disabling an
/// account. Every web session of the account ends at its next request on any instance (sessions are checked against
/// the account's row, `SignIn.holds`), and its bearer tokens are deleted (another instance may honour a token it
/// has cached for up to `HotPathCaches.lifetime`).
struct AccountAccess {
    let db: any Database

    /// Ends every session and token of `user` (the caller starts a new session afterwards if it should go on).
    func endEverywhere(_ user: User) async throws {
        try await db.transaction { db in
            user.sessionEpoch += 1
            try await user.save(on: db)
            try await APIToken.query(on: db).filter(\.$user.$id == user.requireID()).delete()
        }
    }

    func disable(_ user: User) async throws {
        user.isActive = false
        try await endEverywhere(user)
    }

    func enable(_ user: User) async throws {
        user.isActive = true
        try await user.save(on: db)
    }

    /// Changes the password after checking the current one; a sentence for what is wrong, nil when changed.
    func changePassword(_ user: User, current: String, new: String, again: String,
                        hasher: AsyncPasswordHasher) async throws -> (field: String, problem: LocalizedText)? {
        guard !current.isEmpty, try await hasher.verify(current, created: user.passwordHash) else {
            return ("current", LocalizedText(zh: "当前密码不正确", en: "The current password is wrong"))
        }
        if let problem = AccountRules.passwordProblem(new, again: again) { return ("password", problem) }
        guard new != current else {
            return ("password", LocalizedText(zh: "新密码不能与当前密码相同", en: "Choose a password other than the current one"))
        }
        user.passwordHash = try await hasher.hash(new)
        try await endEverywhere(user)
        return nil
    }

    /// The account `id`, when `admin` may disable, enable or unlock it: an account of a community in the admin's
    /// scope, or (for a district admin) a district- or subdistrict-level account of their district; never their own.
    static func manageable(_ id: UUID?, by admin: User, on db: any Database) async throws -> User {
        guard admin.roleValue.isAdmin else { throw AppError.forbidden }
        guard let id, let user = try await User.find(id, on: db) else { throw AppError.notFound }
        guard user.id != admin.id else {
            throw AppError(.unprocessableEntity, "own_account", zh: "不能停用或解锁自己的账号", en: "You cannot disable or unlock your own account")
        }
        if let community = user.communityID {
            _ = try await AccessScope(admin).community(community, on: db)
        } else {
            guard admin.roleValue == .districtAdmin, admin.districtID != nil, user.districtID == admin.districtID else {
                throw AppError.notFound
            }
        }
        return user
    }
}
