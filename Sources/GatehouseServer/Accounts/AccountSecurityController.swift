import Fluent
import GatehouseCore
import Vapor

/// `/account/security`: every account changes its own password and can sign out everywhere. Both end every other
/// session and every API token of the account; a password change keeps this browser signed in under a new session.
struct AccountSecurityController: RouteCollection {
    struct SecurityPage: Encodable {
        let page: PageContext
        let errors: FieldErrors
    }

    struct PasswordForm: Content {
        var current: String?
        var password: String?
        var again: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.account(.security), use: show)
        routes.post(.account(.password), use: changePassword)
        routes.post(.account(.signOutEverywhere), use: signOutEverywhere)
    }

    func show(req: Request) async throws -> View {
        _ = try req.requireUser()
        let done = req.query[String.self, at: "done"] == "password" ? Strings.text("password_changed", req.language) : nil
        return try await render(req, errors: [:], notice: done)
    }

    func changePassword(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(PasswordForm.self)
        if let (field, problem) = try await AccountAccess(db: req.db).changePassword(
            user, current: form.current ?? "", new: form.password ?? "", again: form.again ?? "", hasher: req.password.async) {
            return try await render(req, errors: [field: problem.text(for: req.language.rawValue)], notice: nil)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await SignIn.begin(user, on: req)
        return req.redirect(to: .account(.security), ["done": "password"])
    }

    func signOutEverywhere(req: Request) async throws -> Response {
        let user = try req.requireUser()
        try await AccountAccess(db: req.db).endEverywhere(user)
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: .login, ["done": "everywhere"])
    }

    private func render(_ req: Request, errors: FieldErrors, notice: String?) async throws -> View {
        try await req.view.render("accounts/account-security", SecurityPage(
            page: PageContext(req, title: Strings.text("account_security", req.language), notice: notice), errors: errors))
    }
}
