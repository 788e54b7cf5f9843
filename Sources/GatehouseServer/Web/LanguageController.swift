import Vapor

/// `GET /lang/{zh|en}?back=/path`: remembers the language in a cookie for a year.
struct LanguageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.language(.key), use: choose)
    }

    func choose(req: Request) async throws -> Response {
        guard let code = req.parameters.get("code"), let lang = Language(rawValue: code) else { throw AppError.notFound }
        let back = (try? req.query.get(String.self, at: "back")) ?? "/"
        let response = req.redirect(to: SafeRedirect.path(back))
        response.cookies[Language.cookieName] = HTTPCookies.Value(string: lang.rawValue, maxAge: 365 * 24 * 3600,
                                                                  path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
