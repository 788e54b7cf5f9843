import Fluent
import GatehouseCore
import Vapor

/// Disinfection: the office's schedules and log (`/admin/communities/{id}/disinfection`), the gate staff's list of
/// what to disinfect at their gate (`/gate/disinfection`), and recording one done (`/disinfection/{id}/log`).
struct DisinfectionController: RouteCollection {

    struct HistoryRow: Encodable {
        let schedule: String
        let agent: String
        let note: String?
        let at: String
        let by: String
        let hasPhoto: Bool
    }

    struct Page: Encodable {
        let page: PageContext
        /// Set on the office's page (schedules can be added there).
        let community: CommunityHeading?
        let schedules: [DisinfectionScheduleView]
        let places: [SelectOption]
        let gates: [SelectOption]
        let history: [HistoryRow]
        let errors: FieldErrors
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.community(.key, .disinfection), use: office)
        routes.post(.community(.key, .disinfectionSchedules), use: addSchedule)
        routes.post(.disinfectionSchedule(.key, .edit), use: changeSchedule)
        routes.post(.disinfectionSchedule(.key, .end), use: endSchedule)
        routes.get(.gate(.disinfection), use: gate)
        routes.on(.POST, .disinfectionLog(.key), body: .collect(maxSize: "8mb"), use: log)
    }

    private func render(_ req: Request, community: Community, checkpoint: UUID?, forOffice: Bool, errors: FieldErrors,
                        status: HTTPStatus) async throws -> Response {
        let service = DisinfectionService(services: req.gatehouse, db: req.db)
        let lang = req.language.rawValue
        let gates = try await Checkpoint.query(on: req.db).filter(\.$community.$id == community.id!).sort(\.$name).all()
        let history = forOffice ? try await service.history(community: community.id!) : []
        let page = Page(page: PageContext(req, title: Strings.text("disinfection", req.language)), community: forOffice ? CommunityHeading(community) : nil,
                        schedules: try await service.schedules(community: community.id!, checkpoint: checkpoint, language: req.language),
                        places: DisinfectionPlace.allCases.map { SelectOption(value: $0.rawValue, label: $0.label.text(for: lang)) },
                        gates: gates.map { SelectOption(value: $0.id!.uuidString, label: $0.name) },
                        history: history.map { HistoryRow(schedule: $0.schedule, agent: $0.log.agent, note: $0.log.note,
                                                          at: ChinaTime.onScreen($0.log.doneAt, now: req.gatehouse.clock.now()), by: $0.by, hasPhoto: $0.log.photoID != nil) },
                        errors: errors)
        return try await req.view.render("disinfection/disinfection", page).encodeResponse(status: status, for: req)
    }

    func office(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        return try await render(req, community: community, checkpoint: nil, forOffice: true, errors: [:], status: .ok)
    }

    func addSchedule(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin)
        do {
            _ = try await DisinfectionService(services: req.gatehouse, db: req.db)
                .addSchedule(try req.content.decode(DisinfectionService.ScheduleInput.self), community: community.id!, by: try user.requireID())
        } catch let invalid as DisinfectionService.Invalid {
            return try await render(req, community: community, checkpoint: nil, forOffice: true,
                                    errors: invalid.messages.mapValues { $0.text(for: req.language.rawValue) }, status: .unprocessableEntity)
        }
        return req.redirect(to: .community(.value(community.id!), .disinfection))
    }

    private func schedule(_ req: Request) async throws -> (User, DisinfectionSchedule, Community) {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        guard let s = try await DisinfectionSchedule.find(req.parameters.get("scheduleID", as: UUID.self), on: req.db), s.endedAt == nil else {
            throw AppError.notFound
        }
        return (user, s, try await AccessScope(user).community(s.communityID, on: req.db))
    }

    func changeSchedule(req: Request) async throws -> Response {
        let (_, s, community) = try await schedule(req)
        do {
            try await DisinfectionService(services: req.gatehouse, db: req.db).change(s, try req.content.decode(DisinfectionService.ScheduleInput.self))
        } catch let invalid as DisinfectionService.Invalid {
            return try await render(req, community: community, checkpoint: nil, forOffice: true,
                                    errors: invalid.messages.mapValues { $0.text(for: req.language.rawValue) }, status: .unprocessableEntity)
        }
        return req.redirect(to: .community(.value(community.id!), .disinfection))
    }

    func endSchedule(req: Request) async throws -> Response {
        let (user, s, community) = try await schedule(req)
        do {
            try await DisinfectionService(services: req.gatehouse, db: req.db).end(s, by: try user.requireID())
        } catch let invalid as DisinfectionService.Invalid {
            return try await render(req, community: community, checkpoint: nil, forOffice: true,
                                    errors: invalid.messages.mapValues { $0.text(for: req.language.rawValue) }, status: .conflict)
        }
        return req.redirect(to: .community(.value(community.id!), .disinfection))
    }

    func gate(req: Request) async throws -> Response {
        let user = try req.requireUser(.operator)
        let (gate, community) = try await GateAccess.checkpoint(user.checkpointID, for: user, on: req.db)
        return try await render(req, community: community, checkpoint: gate.id, forOffice: false, errors: [:], status: .ok)
    }

    /// An operator logs a schedule of their gate (or a community-wide one); an admin any of their communities'.
    func log(req: Request) async throws -> Response {
        let user = try req.requireUser(.operator, .communityAdmin, .districtAdmin)
        guard let schedule = try await DisinfectionSchedule.find(req.parameters.get("scheduleID", as: UUID.self), on: req.db),
              schedule.endedAt == nil else {
            throw AppError.notFound
        }
        let community = try await AccessScope(user).community(schedule.communityID, on: req.db)
        let isOperator = user.roleValue == .operator
        if isOperator, let gate = schedule.checkpointID, gate != user.checkpointID { throw AppError.notFound }
        struct Form: Decodable { var agent: String?; var note: String?; var photo: File? }
        let form = try req.content.decode(Form.self)
        do {
            try await DisinfectionService(services: req.gatehouse, db: req.db).log(
                schedule, .init(agent: form.agent, note: form.note), photo: form.photo.map { Data(buffer: $0.data) }, by: try user.requireID())
        } catch let invalid as DisinfectionService.Invalid {
            return try await render(req, community: community, checkpoint: isOperator ? user.checkpointID : nil, forOffice: !isOperator,
                                    errors: invalid.messages.mapValues { $0.text(for: req.language.rawValue) }, status: .unprocessableEntity)
        }
        return req.redirect(to: isOperator ? .gate(.disinfection) : .community(.value(community.id!), .disinfection))
    }
}
