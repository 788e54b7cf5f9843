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
}
