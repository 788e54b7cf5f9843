import Fluent
import Foundation
import GatehouseCore

/// Read-only access for police, granted by a community office for a range of days and ending by itself: `sync`
/// (every minute, and at once when a grant is made or revoked) keeps `active` true exactly while a grant holds.
struct PoliceGrants {
    let services: GatehouseServices
    let db: any Database

    struct Row: Encodable {
        let id: UUID
        let police: String
        let startsOn: String
        let endsOn: String
        let active: Bool
        let revoked: Bool
        let grantedBy: String
    }

    /// Police accounts whose area covers `community` (those a grant can name).
    func candidates(for community: Community) async throws -> [User] {
        try await User.query(on: db).filter(\.$role == Role.police.rawValue).filter(\.$isActive == true).all()
            .filter { u in u.subdistrictID.map { $0 == community.$subdistrict.id } ?? (u.districtID == community.districtID) }
            .sorted { $0.username < $1.username }
    }

    func grant(_ community: Community, police: UUID?, from: String?, to: String?, by user: User) async throws -> PoliceGrant {
        guard let police, let officer = try await candidates(for: community).first(where: { $0.id == police }) else {
            throw AppError(.unprocessableEntity, "unknown_police", zh: "请选择本辖区的公安督导账号", en: "Choose a police account of this area")
        }
        let today = services.today
        guard let start = from.flatMap({ CalendarDate(parsing: $0) }), let end = to.flatMap({ CalendarDate(parsing: $0) }) else {
            throw AppError(.unprocessableEntity, "invalid_date", zh: "请填写开始和结束日期", en: "Enter the first and last day")
        }
        guard start <= end, end >= today, start.days(until: end) < 90 else {
            throw AppError(.unprocessableEntity, "invalid_range", zh: "日期范围应不早于今天、最长90天", en: "A range ending today or later, at most 90 days")
        }
        let g = PoliceGrant()
        g.communityID = community.id!
        g.policeUserID = officer.id!
        g.startsOn = start
        g.endsOn = end
        g.active = start <= today && today <= end
        g.grantedAt = services.clock.now()
        g.grantedBy = try user.requireID()
        try await g.create(on: db)
        try await AuditLog(services: services, db: db).record(.policeGrant, by: user, community: community.id, target: "user:\(officer.id!)",
                                                              detail: "\(officer.username) \(g.startsOn)…\(g.endsOn)")
        return g
    }

    func revoke(_ g: PoliceGrant, by user: User) async throws {
        guard g.revokedAt == nil else { return }
        g.revokedAt = services.clock.now()
        g.revokedBy = try user.requireID()
        g.active = false
        try await g.save(on: db)
        try await AuditLog(services: services, db: db).record(.policeGrantRevoked, by: user, community: g.communityID,
                                                              target: "user:\(g.policeUserID)", detail: "\(g.startsOn)…\(g.endsOn)")
    }

    /// Turns grants on on their first day and off after their last. Returns how many changed.
    @discardableResult
    func sync() async throws -> Int {
        let today = services.today
        var changed = 0
        for g in try await PoliceGrant.query(on: db).filter(\.$revokedAt == nil).filter(\.$endsOn >= today.adding(days: -2)).all() {
            let should = g.startsOn <= today && today <= g.endsOn
            if g.active != should {
                g.active = should
                try await g.save(on: db)
                changed += 1
            }
        }
        return changed
    }

    func rows(community: UUID) async throws -> [Row] {
        let grants = try await PoliceGrant.query(on: db).filter(\.$communityID == community).sort(\.$grantedAt, .descending).limit(50).all()
        let users = try await User.query(on: db).filter(\.$id ~~ Set(grants.flatMap { [$0.policeUserID, $0.grantedBy] })).all()
        let names = StaffNames.byID(users, services: services)
        return grants.map { Row(id: $0.id!, police: names[$0.policeUserID] ?? "", startsOn: $0.startsOn.description, endsOn: $0.endsOn.description,
                                active: $0.active, revoked: $0.revokedAt != nil, grantedBy: names[$0.grantedBy] ?? "") }
    }
}
