import Fluent
import GatehouseCore
import Vapor

/// `/api/v1/registrations…`: the gate scans a self-registration's code and records a host's vouch; the public
/// division list feeds the form's province → city → county selects.
struct RegistrationAPIController: RouteCollection {
    struct DivisionItem: Content {
        let code: String
        let name: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post(.api(.registrationScan), use: scan)
        routes.post(.api(.registration(.key, .vouch)), use: vouch)
        routes.on(.POST, .api(.registration(.key, .landlordConfirmation)), body: .collect(maxSize: "8mb"), use: landlordConfirmation)
    }

    /// The landlord at the gate: `?checkpointId=&landlordCode=`, the proof photo (JPEG or PNG) as the body.
    func landlordConfirmation(req: Request) async throws -> RegistrationScan.Result {
        let user = try req.requireUser(.operator, .communityAdmin, .districtAdmin)
        return try await RegistrationScan(services: req.gatehouse, db: req.db, language: req.language).landlordConfirmation(
            req.parameters.get("registrationID", as: UUID.self), checkpointID: try? req.query.get(UUID.self, at: "checkpointId"),
            landlordCode: try? req.query.get(String.self, at: "landlordCode"),
            proof: req.body.data.map { Data(buffer: $0) } ?? Data(), by: user)
    }

    func scan(req: Request) async throws -> RegistrationScan.Result {
        let user = try req.requireUser(.operator, .communityAdmin, .districtAdmin)
        return try await RegistrationScan(services: req.gatehouse, db: req.db, language: req.language)
            .scan(try req.content.decode(RegistrationScan.Input.self), by: user)
    }

    func vouch(req: Request) async throws -> RegistrationScan.Result {
        let user = try req.requireUser(.operator, .communityAdmin, .districtAdmin)
        return try await RegistrationScan(services: req.gatehouse, db: req.db, language: req.language)
            .vouch(req.parameters.get("registrationID", as: UUID.self), try req.content.decode(RegistrationScan.VouchInput.self), by: user)
    }

    /// `GET /api/v1/divisions?parent=`: provinces without a parent, a province's cities, a city's counties (public).
    static func divisions(req: Request) async throws -> Response {
        let parent = (try? req.query.get(String.self, at: "parent")) ?? ""
        let d = req.gatehouse.divisions
        let items: [(code: String, name: String)]
        switch parent.count {
        case 0: items = d.provinces()
        case 6 where parent.allSatisfy(\.isNumber):
            items = parent.hasSuffix("0000") ? d.cities(ofProvince: parent) : parent.hasSuffix("00") ? d.counties(ofCity: parent) : []
        default:
            throw AppError(.unprocessableEntity, "invalid_division", zh: "行政区划代码应为6位数字", en: "A division code has 6 digits")
        }
        let response = try await items.map { DivisionItem(code: $0.code, name: $0.name) }.encodeResponse(for: req)
        response.headers.cacheControl = .init(isPublic: true, maxAge: 86_400)
        return response
    }
}
