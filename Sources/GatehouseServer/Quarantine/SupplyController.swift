import Fluent
import GatehouseCore
import Vapor

/// Supplies for households under home quarantine: residents ask on `/me`; the office works the delivery tasks at
/// `/admin/communities/{id}/supplies` and logs each contactless hand-over.
struct SupplyController: RouteCollection {
    struct Page: Encodable {
        let page: PageContext
        let community: CommunityHeading
        let tasks: [SupplyDesk.Task]
        let error: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.community(.key, .supplies), use: list)
        routes.on(.POST, .supplyDelivered(.key), body: .collect(maxSize: "8mb"), use: delivered)
        routes.post(.me(.supplies), use: request)
    }

    private func render(_ req: Request, _ community: Community, error: String?, status: HTTPStatus) async throws -> Response {
        let tasks = try await SupplyDesk(services: req.gatehouse, db: req.db).tasks(community: community.id!)
        return try await req.view.render("quarantine/supplies", Page(page: PageContext(req, title: Strings.text("supplies", req.language)),
                                                          community: CommunityHeading(community), tasks: tasks, error: error))
            .encodeResponse(status: status, for: req)
    }

    func list(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        return try await render(req, community, error: nil, status: .ok)
    }

    func delivered(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        guard let r = try await SupplyRequest.find(req.parameters.get("requestID", as: UUID.self), on: req.db) else { throw AppError.notFound }
        let community = try await AccessScope(user).community(r.communityID, on: req.db)
        struct Form: Decodable { var note: String?; var photo: File? }
        let form = try req.content.decode(Form.self)
        do {
            try await SupplyDesk(services: req.gatehouse, db: req.db).deliver(r, note: form.note, photo: form.photo.map { Data(buffer: $0.data) },
                                                                               by: try user.requireID())
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .payloadTooLarge {
            return try await render(req, community, error: error.message.text(for: req.language.rawValue), status: error.status)
        }
        return req.redirect(to: .community(.value(community.id!), .supplies))
    }

    func request(req: Request) async throws -> Response {
        let user = try req.requireUser(.resident)
        guard let resident = try await Resident.query(on: req.db).filter(\.$userID == user.id).first(),
              let household = try await Household.find(resident.$household.id, on: req.db) else { throw AppError.notFound }
        struct Form: Decodable { var items: String?; var urgent: String? }
        let form = try req.content.decode(Form.self)
        try await SupplyDesk(services: req.gatehouse, db: req.db).request(household: household, items: form.items, urgent: form.urgent == "1",
                                                                           by: try user.requireID())
        return req.redirect(to: .me(.overview), fragment: "supplies")
    }
}
