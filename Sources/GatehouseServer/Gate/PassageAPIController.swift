import Fluent
import GatehouseCore
import Vapor

/// `/api/v1/passages…` and `/api/v1/people/lookup`: the gate's API (operators, and admins of the community).
struct PassageAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.postOnOwnLoop(.api(.passages), use: create)
        // A gate's outbox: up to 500 passages of a few hundred bytes each.
        routes.on(.POST, .api(.passageBatch), body: .collect(maxSize: "1mb"), use: batch)
        routes.get(.api(.gateSnapshot(.key)), use: snapshot)
        routes.get(.api(.passages), use: list)
        routes.get(.api(.passage(.key, .overview)), use: show)
        routes.post(.api(.passage(.key, .remeasure)), use: remeasure)
        routes.on(.POST, .api(.passage(.key, .photo)), body: .collect(maxSize: "5mb"), use: uploadPhoto)
        routes.post(.api(.peopleLookup), use: lookup)
    }

    private func service(_ req: Request) -> GateService {
        GateService(services: req.gatehouse, db: req.db, live: req.live, language: req.language)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try PassageInput.decode(from: req)
        let (view, created) = try await service(req).record(input, by: user)
        return view.jsonResponse(created ? .created : .ok)
    }

    func batch(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let input = try req.content.decode(PassageBatch.Input.self, using: PassageInput.jsonDecoder)
        guard input.passages.count <= PassageBatch.maxItems else {
            throw AppError(.unprocessableEntity, "batch_too_large", zh: "一次最多上传\(PassageBatch.maxItems)条记录", en: "At most \(PassageBatch.maxItems) passages at a time")
        }
        return PassageBatch.json(await PassageBatch(gate: service(req)).record(input.passages, by: user))
    }

    /// What the gate keeps for deciding offline (its own operators, and the community's admins).
    func snapshot(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (gate, community) = try await GateAccess.checkpoint(req.parameters.get("checkpointID", as: UUID.self), for: user, on: req.db)
        return try await GateSnapshotQuery(services: req.gatehouse, db: req.db, language: req.language)
            .snapshot(of: gate, in: community).response()
    }

    func remeasure(req: Request) async throws -> PassageView {
        let user = try req.requireUser()
        return try await service(req).remeasure(req.parameters.get("passageID", as: UUID.self),
                                                try req.content.decode(RemeasureInput.self), by: user)
    }

    func list(req: Request) async throws -> PassageQuery.Page {
        let user = try req.requireUser()
        return try await PassageQuery(db: req.db, language: req.language).page(try req.query.decode(PassageQuery.Filters.self), for: user)
    }

    func show(req: Request) async throws -> PassageView {
        let user = try req.requireUser()
        let passage = try await PassageAccess.passage(req.parameters.get("passageID", as: UUID.self), for: user, on: req.db)
        let community = try await Community.find(passage.communityID, on: req.db)!
        return PassageView(passage.values, restSeconds: community.remeasureRestSeconds, language: req.language)
    }

    func lookup(req: Request) async throws -> PersonLookup.Result {
        let user = try req.requireUser()
        return try await PersonLookup(services: req.gatehouse, db: req.db, language: req.language)
            .lookup(try req.content.decode(PersonLookup.Input.self), by: user)
    }

    func uploadPhoto(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let id = req.parameters.get("passageID", as: UUID.self), let passage = try await Passage.find(id, on: req.db) else {
            throw AppError.notFound
        }
        _ = try await GateAccess.checkpoint(passage.$checkpoint.id, for: user, on: req.db)
        let bytes = req.body.data.map { Data(buffer: $0) } ?? Data()
        try await PhotoStore(services: req.gatehouse, db: req.db).attach(bytes, toPersonOf: passage, by: try user.requireID())
        return Response(status: .noContent)
    }
}
