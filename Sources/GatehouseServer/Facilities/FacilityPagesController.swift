import Fluent
import GatehouseCore
import Vapor

/// The community office's register of facilities (`/admin/communities/{id}/facilities`): add, close, reopen, with
/// the history of changes. Residents see the closed ones on `/me`.
struct FacilityPagesController: RouteCollection {
    struct HistoryRow: Encodable {
        let facility: String
        let statusLabel: String
        let at: String
        let by: String
        let note: String?
    }

    struct Page: Encodable {
        let page: PageContext
        let community: CommunityHeading
        let facilities: [FacilityView]
        let kinds: [SelectOption]
        let history: [HistoryRow]
        let values: FacilityRegister.Input
        let errors: FieldErrors
    }


    struct StatusForm: Content {
        var status: String?
        var note: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.community(.key, .facilities), use: list)
        routes.post(.community(.key, .facilities), use: add)
        routes.post(.facilityStatus(.key), use: status)
    }

    func list(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        return try await render(req, community, values: FacilityRegister.Input(), errors: [:], status: .ok)
    }

    private func render(_ req: Request, _ community: Community, values: FacilityRegister.Input, errors: FieldErrors,
                        status: HTTPStatus) async throws -> Response {
        let register = FacilityRegister(services: req.gatehouse, db: req.db)
        let lang = req.language.rawValue
        let history = try await register.history(community: community.id!)
        let users = try await User.query(on: req.db).filter(\.$id ~~ Set(history.map(\.change.changedBy))).all()
        let names = StaffNames.byID(users, services: req.gatehouse)
        let page = Page(page: PageContext(req, title: Strings.text("facilities", req.language)), community: CommunityHeading(community),
                        facilities: try await register.list(community: community.id!, language: req.language),
                        kinds: FacilityKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label.text(for: lang)) },
                        history: history.map { HistoryRow(facility: $0.facility,
                                                          statusLabel: (FacilityStatus(rawValue: $0.change.status) ?? .closed).label.text(for: lang),
                                                          at: ChinaTime.onScreen($0.change.changedAt, now: req.gatehouse.clock.now()),
                                                          by: names[$0.change.changedBy] ?? "", note: $0.change.note) },
                        values: values, errors: errors)
        return try await req.view.render("facilities/facilities", page).encodeResponse(status: status, for: req)
    }

    func add(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin)
        let input = try req.content.decode(FacilityRegister.Input.self)
        do {
            _ = try await FacilityRegister(services: req.gatehouse, db: req.db).add(input, community: community.id!, by: try user.requireID())
        } catch let invalid as FacilityRegister.Invalid {
            return try await render(req, community, values: input, errors: invalid.messages.mapValues { $0.text(for: req.language.rawValue) },
                                    status: .unprocessableEntity)
        }
        return req.redirect(to: .community(.value(community.id!), .facilities))
    }

    func status(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        guard let f = try await Facility.find(req.parameters.get("facilityID", as: UUID.self), on: req.db) else { throw AppError.notFound }
        let community = try await AccessScope(user).community(f.communityID, on: req.db)
        let form = try req.content.decode(StatusForm.self)
        guard let status = form.status.flatMap(FacilityStatus.init(rawValue:)) else { throw AppError(.unprocessableEntity, "invalid_status", zh: "状态无效", en: "Unknown status") }
        try await FacilityRegister(services: req.gatehouse, db: req.db).change(f, to: status, note: form.note, by: try user.requireID())
        return req.redirect(to: .community(.value(community.id!), .facilities))
    }
}
