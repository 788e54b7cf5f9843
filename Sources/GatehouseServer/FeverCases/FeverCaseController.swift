import Fluent
import GatehouseCore
import Vapor

/// `/fever-cases`: open fever cases in the user's scope (late steps first) and `/fever-cases/{id}`: one case, its
/// history and the form for the next step. For community admins, gate staff, the property company, health staff
/// and the police (read only).
struct FeverCaseController: RouteCollection {
    struct ListPage: Encodable {
        let page: PageContext
        let open: [FeverCaseRow]
        let closed: [FeverCaseRow]
    }

    struct CasePage: Encodable {
        let page: PageContext
        let detail: FeverCaseDesk.Detail
        let error: String?
        let input: FeverCaseStepInput
        /// Whether this user may see the person in full (with a reason), and what they saw.
        let canReveal: Bool
        let revealed: PersonReveal?
        let revealError: String?
    }

    /// Who may see a fever case's person in full: those who must reach or hand them over.
    static let revealers: [Role] = [.health, .communityAdmin, .districtAdmin]

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.feverCases, use: list)
        routes.get(.feverCase(.key, .overview), use: show)
        routes.post(.feverCase(.key, .steps), use: step)
        routes.post(.feverCase(.key, .reveal), use: reveal)
    }

    private func desk(_ req: Request) -> FeverCaseDesk {
        FeverCaseDesk(services: req.gatehouse, db: req.db, language: req.language)
    }

    func list(req: Request) async throws -> View {
        let user = try req.requireUser(.communityAdmin, .districtAdmin, .operator, .property, .health, .police)
        let scope = AccessScope(user)
        return try await req.view.render("fever-cases/fever-cases", ListPage(
            page: PageContext(req, title: Strings.text("fever_cases", req.language)),
            open: try await desk(req).rows(in: scope), closed: try await desk(req).rows(in: scope, open: false, limit: 20)))
    }

    private func render(_ req: Request, error: String?, input: FeverCaseStepInput, status: HTTPStatus,
                        revealed: PersonReveal? = nil, revealError: String? = nil) async throws -> Response {
        let user = try req.requireUser()
        let (c, community) = try await FeverCaseAccess.find(req.parameters.get("caseID", as: UUID.self), for: user, on: req.db)
        let detail = try await desk(req).detail(c, community: community, for: user)
        try await AuditLog(services: req.gatehouse, db: req.db).policeView("fever case", by: user, community: community.id,
                                                                          target: "feverCaseID=\(c.id!)")
        return try await req.view.render("fever-cases/fever-case", CasePage(
            page: PageContext(req, title: Strings.text("fever_case", req.language)), detail: detail, error: error, input: input,
            canReveal: c.personID != nil && Self.revealers.contains(user.roleValue), revealed: revealed, revealError: revealError))
            .encodeResponse(status: status, for: req)
    }

    /// The case's person in full, after a stated reason; audited, and visible to the person in their data report.
    func reveal(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard Self.revealers.contains(user.roleValue) else { throw AppError.forbidden }
        let (c, community) = try await FeverCaseAccess.find(req.parameters.get("caseID", as: UUID.self), for: user, on: req.db)
        guard let pid = c.personID, let person = try await Person.find(pid, on: req.db) else { throw AppError.notFound }
        guard let reason = PersonReveal.reason(of: req) else {
            return try await render(req, error: nil, input: FeverCaseStepInput(), status: .unprocessableEntity,
                                    revealError: Strings.text("reveal_reason_required", req.language))
        }
        let revealed = try await PersonReveal.open(person, reason: reason, by: user, community: community.id!,
                                                   target: "feverCaseID=\(c.id!),personID=\(pid)", services: req.gatehouse, db: req.db)
        return try await render(req, error: nil, input: FeverCaseStepInput(), status: .ok, revealed: revealed)
    }

    func show(req: Request) async throws -> Response {
        try await render(req, error: nil, input: FeverCaseStepInput(), status: .ok)
    }

    func step(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (c, community) = try await FeverCaseAccess.find(req.parameters.get("caseID", as: UUID.self), for: user, on: req.db)
        struct Form: Decodable {
            var stage: String?; var roomId: String?; var roomName: String?; var subject: String?; var escort: String?
            var releaseReason: String?; var temperature: String?; var note: String?
            var householdQuarantine: String?; var quarantineEndsOn: String?; var quarantineReason: String?; var quarantineOrderedBy: String?
            var quarantineConfirmShort: String?
        }
        let form = try req.content.decode(Form.self)
        let input = FeverCaseStepInput(stage: form.stage, roomId: form.roomId.flatMap(UUID.init(uuidString:)), roomName: form.roomName,
                                       subject: form.subject, escort: form.escort, releaseReason: form.releaseReason,
                                       temperature: form.temperature.flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) },
                                       householdQuarantine: form.householdQuarantine, quarantineEndsOn: form.quarantineEndsOn,
                                       quarantineReason: form.quarantineReason, quarantineOrderedBy: form.quarantineOrderedBy,
                                       quarantineConfirmShort: form.quarantineConfirmShort, note: form.note)
        do {
            let notice = try await desk(req).advance(c, input, by: user)
            await FeverCaseNotices.publish(notice, community: community.id!, live: req.live, on: req.db)
        } catch let e as AppError where [.unprocessableEntity, .conflict, .forbidden].contains(e.status) {
            return try await render(req, error: e.message.text(for: req.language.rawValue), input: input, status: e.status)
        }
        return req.redirect(to: .feverCase(.value(c.id!), .overview))
    }
}
