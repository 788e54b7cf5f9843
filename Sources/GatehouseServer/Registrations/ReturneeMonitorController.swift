import Fluent
import GatehouseCore
import Vapor

/// `/admin/communities/{id}/returnees`: returnees under monitoring, missed check-ins first, and today's check-in.
struct ReturneeMonitorController: RouteCollection {
    struct Page: Encodable {
        let page: PageContext
        let community: CommunityHeading
        let rows: [ReturneeMonitorBoard.Row]
        let symptoms: [SelectOption]
        let error: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.community(.key, .returnees), use: board)
        routes.post(.returneeCheckIn(.key), use: checkIn)
        routes.post(.checkInFeverCase(.key), use: feverCase)
    }

    private func render(_ req: Request, _ community: Community, error: String?, status: HTTPStatus) async throws -> Response {
        let lang = req.language.rawValue
        let rows = try await ReturneeMonitorBoard(services: req.gatehouse, db: req.db).rows(community: community.id!, language: req.language)
        let symptoms = [SelectOption(value: "none", label: Strings.text("none", req.language))]
            + Symptom.allCases.map { SelectOption(value: $0.rawValue, label: $0.label.text(for: lang)) }
        return try await req.view.render("registrations/returnees", Page(
            page: PageContext(req, title: Strings.text("returnee_monitoring", req.language)), community: CommunityHeading(community),
            rows: rows, symptoms: symptoms, error: error)).encodeResponse(status: status, for: req)
    }

    func board(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin, .health)
        return try await render(req, community, error: nil, status: .ok)
    }

    func checkIn(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin, .health)
        guard let report = try await ReturneeReport.find(req.parameters.get("reportID", as: UUID.self), on: req.db) else { throw AppError.notFound }
        let community = try await AccessScope(user).community(report.communityID, on: req.db)
        struct Form: Decodable { var temperature: String?; var symptoms: [String]?; var note: String? }
        let form = try req.content.decode(Form.self)
        do {
            try await ReturneeMonitorBoard(services: req.gatehouse, db: req.db).checkIn(
                report, temperature: form.temperature.flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) },
                symptoms: form.symptoms ?? [], note: form.note, by: try user.requireID())
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .conflict {
            return try await render(req, community, error: error.message.text(for: req.language.rawValue), status: error.status)
        }
        return req.redirect(to: .community(.value(community.id!), .returnees))
    }

    /// 转发热处置: a fever case from a check-in that needs attention, then its page.
    func feverCase(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin, .health)
        guard let checkIn = try await ReturneeCheckIn.find(req.parameters.get("checkInID", as: UUID.self), on: req.db) else { throw AppError.notFound }
        let community = try await AccessScope(user).community(checkIn.communityID, on: req.db)
        let c: FeverCase
        do {
            c = try await CheckInFeverCase(services: req.gatehouse, db: req.db).open(from: checkIn, by: user)
        } catch let error as AppError where error.status == .conflict {
            return try await render(req, community, error: error.message.text(for: req.language.rawValue), status: error.status)
        }
        let names = try await ReturneeNames(db: req.db).byCheckIn([checkIn.id!])
        await FeverCaseNotices.publish(.init(feverCaseId: c.id!, stage: c.status, stageLabel: FeverCaseStage.confirmed.label.text(for: req.language.rawValue),
                                             nameMasked: names[checkIn.id!] ?? "—", communityName: community.name,
                                             by: StaffNames.name(of: user, services: req.gatehouse)),
                                       community: community.id!, live: req.application.live, on: req.db)
        return req.redirect(to: .feverCase(.value(c.id!), .overview))
    }
}
