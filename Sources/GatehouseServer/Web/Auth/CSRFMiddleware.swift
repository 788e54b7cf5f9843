import Vapor

/// Every state-changing web form carries the session's `_csrf` token; a POST without it is refused. Future-based (see
/// `SecurityHeadersMiddleware`): a task is started only for a request that must be checked.
struct CSRFMiddleware: Middleware {
    static let field = "_csrf"
    /// The largest form a page sends (a proof photo).
    static let largestForm = 8 * 1024 * 1024
    private static let sessionKey = "csrf"

    /// For the API: check only requests authenticated by the session cookie, not by a bearer token.
    var onlyForSessions = false

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let exempt = onlyForSessions && (request.headers.bearerAuthorization != nil || request.auth.get(User.self) == nil)
        guard request.method != .GET, request.method != .HEAD, !exempt else { return next.respond(to: request) }
        return request.eventLoop.makeFutureWithTask { try await check(request) }.flatMap { next.respond(to: request) }
    }

    private func check(_ request: Request) async throws {
        struct Form: Decodable { let _csrf: String? }
        var sent = request.headers.first(name: "X-CSRF-Token")
        if sent == nil {
            // A form with a file arrives streamed: read it first (up to the largest upload a page allows).
            if request.body.data == nil, request.headers.contentType?.type == "multipart" {
                _ = try await request.body.collect(max: Self.largestForm).get()
            }
            sent = (try? request.content.decode(Form.self))?._csrf
        }
        guard let sent, let expected = request.session.data[Self.sessionKey],
              sent.count == expected.count, constantTimeEqual(sent, expected)
        else { throw AppError.badCSRF }
    }

    /// The session's token, created on first use.
    static func token(for request: Request) -> String {
        if let existing = request.session.data[sessionKey] { return existing }
        let token = BearerTokenAuthenticator.newToken()
        request.session.data[sessionKey] = token
        return token
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        zip(a.utf8, b.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
