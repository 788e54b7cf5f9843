import Fluent
import GatehouseCore
import Vapor

/// `/admin/communities/{id}/supervision`: the office grants police read-only access for a range of days (ending by
/// itself), sees the police spot checks of its gates, and reads the community's audit log — who viewed, exported,
/// traced or granted what, and when.
struct SupervisionAdminController: RouteCollection {
    /// One line of the audit log: when, the sentence (who, as which role, did what to what), and the reason given.
    struct AuditRow: Encodable {
        let at: String
        /// The staff member's login, for a tooltip.
        let login: String
        let action: String
        let sentence: String
        let reason: String?
    }

    struct Page: Encodable {
        let page: PageContext
        let community: CommunityHeading
        let police: [SelectOption]
        let grants: [PoliceGrants.Row]
        let checks: [SpotChecks.Row]
        let audit: [AuditRow]
        let today: String
        let error: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.community(.key, .supervision), use: page)
        routes.post(.community(.key, .policeGrants), use: grant)
        routes.post(.revokePoliceGrant(.key), use: revoke)
    }

    static func audit(community: UUID, language: Language, services: GatehouseServices, on db: any Database) async throws -> [AuditRow] {
        let events = try await AuditEvent.query(on: db).filter(\.$communityID == community).sort(\.$at, .descending).limit(200).all()
        let sentences = try await AuditSentences(services: services, db: db).build(events, language: language)
        let users = try await User.query(on: db).filter(\.$id ~~ Set(events.map(\.userID))).all()
        let logins = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, $0.username) })
        return events.map { e in
            AuditRow(at: ChinaTime.onScreen(e.at, now: services.clock.now(), seconds: true), login: logins[e.userID] ?? "", action: e.action,
                     sentence: sentences[e.id!] ?? "", reason: e.reason)
        }
    }

    private func render(_ req: Request, _ community: Community, error: String?, status: HTTPStatus) async throws -> Response {
        let grants = PoliceGrants(services: req.gatehouse, db: req.db)
        return try await req.view.render("supervision/supervision", Page(
            page: PageContext(req, title: Strings.text("police_supervision", req.language)), community: CommunityHeading(community),
            police: try await grants.candidates(for: community).map {
                SelectOption(value: $0.id!.uuidString, label: StaffNames.name(of: $0, services: req.gatehouse))
            },
            grants: try await grants.rows(community: community.id!),
            checks: try await SpotChecks(services: req.gatehouse, db: req.db).rows(communities: [community.id!], language: req.language),
            audit: try await Self.audit(community: community.id!, language: req.language, services: req.gatehouse, on: req.db),
            today: req.gatehouse.today.description, error: error)).encodeResponse(status: status, for: req)
    }

    func page(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        return try await render(req, community, error: nil, status: .ok)
    }

    func grant(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin)
        struct Form: Decodable { var policeUserId: UUID?; var startsOn: String?; var endsOn: String? }
        let form = try req.content.decode(Form.self)
        do {
            _ = try await PoliceGrants(services: req.gatehouse, db: req.db).grant(community, police: form.policeUserId, from: form.startsOn,
                                                                                  to: form.endsOn, by: user)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await render(req, community, error: e.message.text(for: req.language.rawValue), status: e.status)
        }
        return req.redirect(to: .community(.value(community.id!), .supervision))
    }

    func revoke(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        guard let g = try await PoliceGrant.find(req.parameters.get("grantID", as: UUID.self), on: req.db) else { throw AppError.notFound }
        let community = try await AccessScope(user).community(g.communityID, on: req.db)
        try await PoliceGrants(services: req.gatehouse, db: req.db).revoke(g, by: user)
        return req.redirect(to: .community(.value(community.id!), .supervision))
    }
}
