import Fluent
import GatehouseCore
import Vapor

/// `/api/v1/communities/{id}/households…`, `/api/v1/households/{id}…`: households, their import, passes, and
/// the community's outing quota.
struct HouseholdAPIController: RouteCollection {
    struct Detail: Content {
        let id: UUID
        let label: String
        let homeQuarantine: Bool
        let members: [HouseholdMember]
        let passes: [PassView]
    }

    struct Issued: Content {
        let issued: Int
        let passIds: [UUID]
    }

    struct QuotaInput: Content {
        var enabled: Bool
        var scope: String?
        var exits: Int?
        var days: Int?
        var fromHour: Int?
        var toHour: Int?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.community(.key, .households)), use: list)
        routes.on(.POST, .api(.community(.key, .householdImports)), body: .collect(maxSize: "10mb"), use: importCSV)
        routes.post(.api(.community(.key, .householdPasses)), use: issueMissing)
        routes.put(.api(.community(.key, .outingQuota)), use: setQuota)
        routes.get(.api(.household(.key, .overview)), use: show)
    }

    /// The import template (no sign-in needed: it holds only the example rows).
    static func template(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "households-template.csv")
        return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + ImportColumn.template))
    }

    func list(req: Request) async throws -> [HouseholdSummary] {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin, .police)
        let limit = try QueryNumber.int(req, "limit", in: 1...1000) ?? 200
        return try await HouseholdSummary.list(community: community.id!, search: try? req.query.get(String.self, at: "q"),
                                               limit: limit, now: req.gatehouse.clock.now(), on: req.db)
    }

    func show(req: Request) async throws -> Detail {
        let user = try req.requireUser()
        let household = try await HouseholdAccess.read(req.parameters.get("householdID", as: UUID.self), for: user, on: req.db)
        if user.roleValue != .resident {
            try await AuditLog(services: req.gatehouse, db: req.db).record(.viewHousehold, by: user, community: household.communityID,
                                                                           target: "householdID=\(household.id!)", detail: "api")
        }
        let members = try await HouseholdMember.list(household, services: req.gatehouse, language: req.language, on: req.db)
        let passes = try await Pass.query(on: req.db).filter(\.$household.$id == household.id!).sort(\.$issuedAt, .descending).all()
        return Detail(id: household.id!, label: household.label, homeQuarantine: household.homeQuarantine, members: members,
                      passes: try await PassViews(services: req.gatehouse, db: req.db, language: req.language).views(passes, withTokens: false))
    }

    /// The CSV as the request body; with `?progress=1` the answer is NDJSON: progress lines, then the result.
    func importCSV(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin)
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let importer = HouseholdImport(services: req.gatehouse, db: req.db, language: req.language)
        let userID = try user.requireID()
        // A file that cannot be read as the sheet is told at once, as the plain answer (422 with its problems), not as
        // a stream that has already said 200.
        guard (try? req.query.get(Int.self, at: "progress")) == 1, case .success = importer.read(data) else {
            let result = try await importer.run(data, community: community, by: userID)
            return try await result.encodeResponse(status: result.ok ? .ok : .unprocessableEntity, for: req)
        }
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "x-ndjson", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(noStore: true)
        headers.add(name: "X-Accel-Buffering", value: "no")
        let response = Response(status: .ok, headers: headers)
        response.body = .init(asyncStream: { writer in
            do {
                let result = try await importer.run(data, community: community, by: userID) { done, total in
                    try? await writer.write(.buffer(ByteBuffer(string: "{\"done\":\(done),\"total\":\(total)}\n")))
                }
                var line = try JSONEncoder().encode(["result": result])
                line.append(0x0A)
                try await writer.write(.buffer(ByteBuffer(data: line)))
                try await writer.write(.end)
            } catch {
                try? await writer.write(.error(error))
            }
        })
        return response
    }

    func issueMissing(req: Request) async throws -> Issued {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin)
        let passes = try await HouseholdPassIssuing(services: req.gatehouse, db: req.db).issueMissing(community: community.id!, by: try user.requireID())
        return Issued(issued: passes.count, passIds: passes.compactMap(\.id))
    }

    func setQuota(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        let input = try req.content.decode(QuotaInput.self)
        community.outingQuota = try OutingQuotaForm.quota(enabled: input.enabled, scope: input.scope, exits: input.exits, days: input.days,
                                                          fromHour: input.fromHour, toHour: input.toHour)
        try await community.save(on: req.db)
        return Response(status: .noContent)
    }
}
