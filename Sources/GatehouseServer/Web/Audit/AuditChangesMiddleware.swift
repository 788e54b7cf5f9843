import Fluent
import Vapor

/// Records every change a signed-in person makes (a successful POST, PUT, PATCH or DELETE) in the audit log: the
/// route's pattern and the ids in it, never the submitted data. The gate's own records (passages, re-measures, card
/// reads) are not repeated here: each already names who made it.
struct AuditChangesMiddleware: Middleware {
    /// Route patterns that are records in their own right, or not changes.
    static let skipped: Set<String> = [
        "api/v1/passages", "api/v1/passages/batch", "api/v1/passages/:passageID/remeasure", "api/v1/passages/:passageID/photo", "api/v1/id-card-reads",
        "api/v1/people/lookup", "api/v1/passes/scan", "api/v1/passes/verify", "api/v1/registrations/scan", "api/v1/auth/token",
        "api/v1/contact-traces", "login", "logout", "lang/:lang",
        // These write their own, more specific audit entries.
        "admin/communities/:communityID/police-grants", "admin/police-grants/:grantID/revoke", "police/spot-checks",
        "health/tracing", "health/tracing/export", "health/tracing/reveal", "admin/households/:householdID/residents/:residentID/reveal",
        "fever-cases/:caseID/reveal",
    ]

    /// Future-based (see `SecurityHeadersMiddleware`): a task is started only to write an entry.
    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: req).flatMap { response in
            guard [.POST, .PUT, .PATCH, .DELETE].contains(req.method), response.status.code < 400,
                  let user = req.auth.get(User.self), let route = req.route else { return req.eventLoop.makeSucceededFuture(response) }
            let pattern = route.path.map(\.description).joined(separator: "/")
            guard !Self.skipped.contains(pattern) else { return req.eventLoop.makeSucceededFuture(response) }
            var ids: [String] = []
            var community = user.communityID
            for case .parameter(let name) in route.path {
                guard let value = req.parameters.get(name), UUID(uuidString: value) != nil else { continue }
                ids.append("\(name)=\(value)")
                if name == "communityID" { community = UUID(uuidString: value) }
            }
            let target = ids.isEmpty ? nil : ids.joined(separator: ",")
            return req.eventLoop.makeFutureWithTask {
                try? await AuditLog(services: req.gatehouse, db: req.db).record(
                    .change, by: user, community: community, target: target,
                    detail: "\(req.method.rawValue) /\(pattern) → \(response.status.code)")
                return response
            }
        }
    }
}
