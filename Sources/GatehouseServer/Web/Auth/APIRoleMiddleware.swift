import Vapor

/// Refuses a signed-in caller whose role the operation's `x-roles` does not name (403, a sentence), before the
/// operation reads its body. A caller not signed in goes on, to be told to sign in by the operation itself.
/// Future-based (see `SecurityHeadersMiddleware`): it starts no task.
struct APIRoleMiddleware: Middleware {
    let policy: APIRolePolicy

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard let user = request.auth.get(User.self) else { return next.respond(to: request) }
        // A parameter route that took a word another method's route spells out (GET /api/v1/passes/scan) is not
        // this route's request: not found, which the error handler turns into 405 naming the path's methods.
        // (Only a route with a parameter can take another's word: the gate's constant routes skip the look-up.)
        if request.route?.path.contains(where: { if case .parameter = $0 { return true } else { return false } }) == true,
           request.application.allowedMethods?.refusing(request.method, at: request.url.path) != nil {
            return request.eventLoop.makeFailedFuture(AppError.notFound)
        }
        guard let route = request.route, policy.allows(user.roleValue, route.method, route.path) else {
            return request.eventLoop.makeFailedFuture(AppError.roleNotAllowed)
        }
        return next.respond(to: request)
    }
}
