import Fluent
import GatehouseCore
import Vapor

/// What part of the organisation a user may see: every query goes through this.
enum AccessScope: Equatable {
    case district(UUID)
    case subdistrict(UUID)
    case community(UUID)
    /// Police: only the communities whose office granted them access for today, inside their own area.
    indirect case granted(police: UUID, within: AccessScope)
    case nothing

    init(_ user: User) {
        switch user.roleValue {
        case .districtAdmin:
            self = user.districtID.map(AccessScope.district) ?? .nothing
        case .health:
            if let s = user.subdistrictID { self = .subdistrict(s) } else { self = user.districtID.map(AccessScope.district) ?? .nothing }
        case .police:
            let area: AccessScope = user.subdistrictID.map(AccessScope.subdistrict) ?? user.districtID.map(AccessScope.district) ?? .nothing
            self = user.id.map { .granted(police: $0, within: area) } ?? .nothing
        case .communityAdmin, .operator, .resident, .landlord, .agency, .property:
            self = user.communityID.map(AccessScope.community) ?? .nothing
        }
    }

    /// Whether `community` lies inside this scope (for police: inside their area; the grant is checked on top).
    func contains(_ community: Community) -> Bool {
        switch self {
        case .district(let d): return community.districtID == d
        case .subdistrict(let s): return community.$subdistrict.id == s
        case .community(let c): return community.id == c
        case .granted(_, let area): return area.contains(community)
        case .nothing: return false
        }
    }

    /// The communities a police account may read now.
    func grantedCommunities(_ police: UUID, on db: any Database) async throws -> Set<UUID> {
        Set(try await PoliceGrant.query(on: db).filter(\.$policeUserID == police).filter(\.$active == true).all(\.$communityID))
    }

    /// The communities in scope, by name.
    func communities(on db: any Database) async throws -> [Community] {
        let query = Community.query(on: db).sort(\.$name)
        switch self {
        case .district(let d): query.filter(\.$districtID == d)
        case .subdistrict(let s): query.filter(\.$subdistrict.$id == s)
        case .community(let c): query.filter(\.$id == c)
        case .granted(let police, let area):
            let ids = try await grantedCommunities(police, on: db)
            return try await area.communities(on: db).filter { ids.contains($0.id!) }
        case .nothing: return []
        }
        return try await query.all()
    }

    /// The community with `id`, or 404 when it does not exist *or* lies outside the scope (no existence leak).
    func community(_ id: UUID?, on db: any Database) async throws -> Community {
        guard let id, let community = try await Community.find(id, on: db), contains(community) else {
            throw AppError.notFound
        }
        if case .granted(let police, _) = self, !(try await grantedCommunities(police, on: db).contains(id)) {
            throw AppError.notFound
        }
        return community
    }
}

extension Request {
    /// The signed-in user, or 401.
    func requireUser() throws -> User {
        guard let user = auth.get(User.self) else { throw AppError.notSignedIn }
        return user
    }

    /// The signed-in user if their role is one of `roles`, else 403.
    func requireUser(_ roles: Role...) throws -> User {
        let user = try requireUser()
        guard roles.contains(user.roleValue) else { throw AppError.forbidden }
        return user
    }
}
