import Fluent
import GatehouseCore
import Vapor

/// `/police`: the communities granted to this police account today (their dashboard, records and fever cases, read
/// only) and spot checks of their gates with findings, rating and photos.
struct PoliceController: RouteCollection {
    struct Place: Encodable {
        let id: UUID
        let name: String
        let gates: [SelectOption]
        let until: String
    }

    struct Page: Encodable {
        let page: PageContext
        let places: [Place]
        let ratings: [SelectOption]
        let checks: [SpotChecks.Row]
        let error: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.police(.overview), use: home)
        routes.on(.POST, .police(.spotChecks), body: .collect(maxSize: "20mb"), use: spotCheck)
        routes.get(.spotCheckPhoto(.key, .key), use: photo)
    }

    private func render(_ req: Request, error: String?, status: HTTPStatus) async throws -> Response {
        let user = try req.requireUser(.police)
        let communities = try await AccessScope(user).communities(on: req.db)
        let ids = communities.map { $0.id! }
        let gates = try await Checkpoint.query(on: req.db).filter(\.$community.$id ~~ ids).sort(\.$name).all()
        let grants = try await PoliceGrant.query(on: req.db).filter(\.$policeUserID == user.id!).filter(\.$active == true).all()
        let lang = req.language.rawValue
        let places = communities.map { c in
            Place(id: c.id!, name: c.name,
                  gates: gates.filter { $0.$community.id == c.id }.map { SelectOption(value: $0.id!.uuidString, label: $0.name) },
                  until: grants.filter { $0.communityID == c.id }.map(\.endsOn).max()?.description ?? "")
        }
        return try await req.view.render("supervision/police", Page(
            page: PageContext(req, title: Strings.text("police_supervision", req.language)), places: places,
            ratings: SpotCheckRating.allCases.map { SelectOption(value: $0.rawValue, label: $0.label.text(for: lang)) },
            checks: try await SpotChecks(services: req.gatehouse, db: req.db).rows(authoredBy: try user.requireID(), language: req.language),
            error: error)).encodeResponse(status: status, for: req)
    }

    func home(req: Request) async throws -> Response {
        try await render(req, error: nil, status: .ok)
    }

    func spotCheck(req: Request) async throws -> Response {
        let user = try req.requireUser(.police)
        struct Form: Decodable { var communityId: UUID?; var checkpointId: UUID?; var rating: String?; var findings: String?; var photos: [File]? }
        let form = try req.content.decode(Form.self)
        do {
            let community = try await AccessScope(user).community(form.communityId, on: req.db)
            try await SpotChecks(services: req.gatehouse, db: req.db).record(
                community: community, checkpoint: form.checkpointId, rating: form.rating, findings: form.findings,
                photos: (form.photos ?? []).map { Data(buffer: $0.data) }, by: user)
        } catch let e as AppError where e.status == .unprocessableEntity {
            return try await render(req, error: e.message.text(for: req.language.rawValue), status: e.status)
        }
        return req.redirect(to: .police(.overview))
    }

    /// A spot check's photo: for its author and the community's office.
    func photo(req: Request) async throws -> Response {
        let user = try req.requireUser(.police, .communityAdmin, .districtAdmin)
        guard let check = try await SpotCheck.find(req.parameters.get("checkID", as: UUID.self), on: req.db),
              let index = req.parameters.get("index", as: Int.self) else { throw AppError.notFound }
        if user.roleValue == .police {
            guard check.checkedBy == user.id else { throw AppError.notFound }
        } else {
            _ = try await AccessScope(user).community(check.communityID, on: req.db)
        }
        let ids = check.photoIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) }
        guard ids.indices.contains(index) else { throw AppError.notFound }
        let (data, type) = try await PhotoStore(services: req.gatehouse, db: req.db).open(ids[index])
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType.fileExtension(type == "image/png" ? "png" : "jpg")
        headers.cacheControl = .init(noStore: true)
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
