import Fluent
import GatehouseCore
import Vapor

/// `/api/v1/passes…`: verify, scan at the gate, QR codes, status changes; `/api/v1/households/{id}/passes` to issue.
struct PassAPIController: RouteCollection {
    struct StatusInput: Content { var reason: String? }

    func boot(routes: any RoutesBuilder) throws {
        routes.post(.api(.passes(.verify)), use: verify)
        routes.post(.api(.passes(.scan)), use: scan)
        routes.get(.api(.pass(.key, .overview)), use: show)
        routes.get(.api(.pass(.key, .qrSVG)), use: svg)
        routes.get(.api(.pass(.key, .qrPNG)), use: png)
        routes.post(.api(.pass(.key, .suspend))) { try await change($0, to: .suspended) }
        routes.post(.api(.pass(.key, .resume))) { try await change($0, to: .active) }
        routes.post(.api(.pass(.key, .revoke))) { try await change($0, to: .revoked) }
        routes.post(.api(.pass(.key, .reissue)), use: reissue)
        routes.get(.api(.household(.key, .passes)), use: householdPasses)
        routes.post(.api(.household(.key, .passes)), use: issue)
    }

    /// The public keys, for verifiers that work offline (no sign-in: they are public).
    static func passKeys(req: Request) async throws -> Response {
        let body = try JSONSerialization.data(withJSONObject: ["keys": req.gatehouse.passVerifier.jwks()], options: [.sortedKeys])
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "jwk-set+json")
        headers.cacheControl = .init(isPublic: true, maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(data: body))
    }

    func verify(req: Request) async throws -> PassVerification.Result {
        let user = try req.requireUser()
        return try await PassVerification(services: req.gatehouse, db: req.db, language: req.language)
            .verify(try req.content.decode(PassVerification.Input.self), by: user)
    }

    func scan(req: Request) async throws -> PassScan.Result {
        let user = try req.requireUser()
        return try await PassScan(services: req.gatehouse, db: req.db, language: req.language)
            .scan(try req.content.decode(PassScan.Input.self), by: user)
    }

    func show(req: Request) async throws -> PassView {
        let user = try req.requireUser()
        let pass = try await HouseholdAccess.readPass(req.parameters.get("passID", as: UUID.self), for: user, on: req.db)
        return try await PassViews(services: req.gatehouse, db: req.db, language: req.language).view(pass, withToken: user.roleValue != .police)
    }

    func householdPasses(req: Request) async throws -> [PassView] {
        let user = try req.requireUser()
        let household = try await HouseholdAccess.read(req.parameters.get("householdID", as: UUID.self), for: user, on: req.db)
        let passes = try await Pass.query(on: req.db).filter(\.$household.$id == household.id!).sort(\.$issuedAt, .descending).all()
        return try await PassViews(services: req.gatehouse, db: req.db, language: req.language).views(passes, withTokens: false)
    }

    func svg(req: Request) async throws -> Response {
        let (pass, user) = try await qrPass(req)
        let code = try QRPass.code(for: pass, services: req.gatehouse, user: user)
        return QRPass.response(Data(code.svg(moduleSize: 8).utf8), type: .init(type: "image", subType: "svg+xml"))
    }

    func png(req: Request) async throws -> Response {
        let (pass, user) = try await qrPass(req)
        let code = try QRPass.code(for: pass, services: req.gatehouse, user: user)
        return QRPass.response(code.png(scale: 8), type: .png)
    }

    private func qrPass(_ req: Request) async throws -> (Pass, User) {
        let user = try req.requireUser()
        guard user.roleValue != .police else { throw AppError.forbidden }
        return (try await HouseholdAccess.readPass(req.parameters.get("passID", as: UUID.self), for: user, on: req.db), user)
    }

    func issue(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let household = try await HouseholdAccess.manage(req.parameters.get("householdID", as: UUID.self), for: user, on: req.db)
        let pass = try await req.content.decode(PassIssueRequest.self)
            .issue(for: household, services: req.gatehouse, db: req.db, by: try user.requireID())
        let view = try await PassViews(services: req.gatehouse, db: req.db, language: req.language).view(pass, withToken: true)
        return try await view.encodeResponse(status: .created, for: req)
    }

    func change(_ req: Request, to status: Pass.Status) async throws -> PassView {
        let user = try req.requireUser()
        let pass = try await HouseholdAccess.managePass(req.parameters.get("passID", as: UUID.self), for: user, on: req.db)
        let reason = (try? req.content.decode(StatusInput.self))?.reason
        try await PassService(services: req.gatehouse, db: req.db).change(pass, to: status, reason: reason, by: try user.requireID())
        return try await PassViews(services: req.gatehouse, db: req.db, language: req.language).view(pass, withToken: false)
    }

    func reissue(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let old = try await HouseholdAccess.managePass(req.parameters.get("passID", as: UUID.self), for: user, on: req.db)
        let pass = try await PassService(services: req.gatehouse, db: req.db).reissue(old, by: try user.requireID())
        let view = try await PassViews(services: req.gatehouse, db: req.db, language: req.language).view(pass, withToken: true)
        return try await view.encodeResponse(status: .created, for: req)
    }
}
