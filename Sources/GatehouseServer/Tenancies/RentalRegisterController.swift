import Fluent
import GatehouseCore
import Vapor

/// `/admin/communities/{id}/rentals`: the office's rental register (`RentalRegister`), and a stay's lease photo for
/// the office or the stay's landlord.
struct RentalRegisterController: RouteCollection {
    struct Page: Encodable {
        let page: PageContext
        let community: CommunityHeading
        let register: RentalRegister.Register
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.community(.key, .rentals), use: register)
        routes.get(.tenancyProof(.key), use: proof)
    }

    func register(req: Request) async throws -> View {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        let register = try await RentalRegister(services: req.gatehouse, db: req.db, language: req.language).build(community: community.id!)
        return try await req.view.render("tenancies/rentals", Page(
            page: PageContext(req, title: Strings.text("rental_register", req.language)), community: CommunityHeading(community),
            register: register))
    }

    func proof(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin, .landlord)
        guard let t = try await Tenancy.find(req.parameters.get("tenancyID", as: UUID.self), on: req.db) else { throw AppError.notFound }
        if user.roleValue == .landlord {
            guard t.landlordPhoneIndex == user.phoneIndex, t.communityID == user.communityID else { throw AppError.notFound }
        } else {
            _ = try await AccessScope(user).community(t.communityID, on: req.db)
        }
        guard let photo = t.proofPhotoID else { throw AppError.notFound }
        let (data, type) = try await PhotoStore(services: req.gatehouse, db: req.db).open(photo)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType.fileExtension(type == "image/png" ? "png" : "jpg")
        headers.cacheControl = .init(noStore: true)
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
