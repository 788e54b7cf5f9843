import Fluent
import GatehouseCore
import Vapor

/// `/admin/communities/{id}/staff-roster`: volunteers at the gate without accounts — name, phone, duty, shifts and
/// training (recorded on the training page) — so the community's records cover everyone at the gate.
struct RosterController: RouteCollection {
    struct Page: Encodable {
        let page: PageContext
        let community: CommunityHeading
        let members: [StaffRoster.Row]
        let gates: [SelectOption]
        let today: String
        let errors: FieldErrors
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.community(.key, .staffRoster), use: show)
        routes.post(.community(.key, .staffRoster), use: add)
        routes.post(.community(.key, .rosterShifts), use: addShift)
        routes.post(.rosterMemberLeave(.key), use: leave)
    }

    private func render(_ req: Request, _ community: Community, errors: FieldErrors, status: HTTPStatus) async throws -> Response {
        let gates = try await Checkpoint.query(on: req.db).filter(\.$community.$id == community.id!).sort(\.$name).all()
        return try await req.view.render("staff/roster", Page(
            page: PageContext(req, title: Strings.text("staff_roster", req.language)), community: CommunityHeading(community),
            members: try await StaffRoster(services: req.gatehouse, db: req.db).rows(community: community.id!),
            gates: gates.map { SelectOption(value: $0.id!.uuidString, label: $0.name) }, today: req.gatehouse.today.description,
            errors: errors)).encodeResponse(status: status, for: req)
    }

    func show(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        return try await render(req, community, errors: [:], status: .ok)
    }

    func add(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin)
        do {
            _ = try await StaffRoster(services: req.gatehouse, db: req.db).add(try req.content.decode(StaffRoster.Input.self), community: community.id!,
                                                                               by: try user.requireID())
        } catch let invalid as StaffRoster.Invalid {
            return try await render(req, community, errors: invalid.messages.mapValues { $0.text(for: req.language.rawValue) }, status: .unprocessableEntity)
        }
        return req.redirect(to: .community(.value(community.id!), .staffRoster))
    }

    func addShift(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin)
        do {
            try await StaffRoster(services: req.gatehouse, db: req.db).addShift(try req.content.decode(StaffRoster.ShiftInput.self),
                                                                                community: community.id!, by: try user.requireID())
        } catch let invalid as StaffRoster.Invalid {
            return try await render(req, community, errors: invalid.messages.mapValues { $0.text(for: req.language.rawValue) }, status: .unprocessableEntity)
        }
        return req.redirect(to: .community(.value(community.id!), .staffRoster))
    }

    func leave(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        guard let member = try await RosterMember.find(req.parameters.get("memberID", as: UUID.self), on: req.db) else { throw AppError.notFound }
        let community = try await AccessScope(user).community(member.communityID, on: req.db)
        try await StaffRoster(services: req.gatehouse, db: req.db).leave(member)
        return req.redirect(to: .community(.value(community.id!), .staffRoster))
    }
}
