import Vapor

/// `POST /records/{id}/reviewed`: the office has looked at a passage let through offline against the server's rules.
struct OfflineReviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.recordReviewed(.key), use: reviewed)
    }

    func reviewed(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        let passage = try await OfflineReviews(services: req.gatehouse, db: req.db, language: req.language)
            .markReviewed(req.parameters.get("passageID", as: UUID.self), by: user)
        return req.redirect(to: .community(.value(passage.communityID), .overview), fragment: "offline-reviews")
    }
}
