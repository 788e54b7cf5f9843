import Fluent
import GatehouseCore
import Vapor

/// Sign-in, sign-out and the start page that sends each role where it works.
struct LoginController: RouteCollection {
    struct LoginPage: Encodable {
        let page: PageContext
        let username: String
        let next: String
        let error: String?
    }

    struct LoginForm: Content {
        let username: String?
        let password: String?
        let next: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.home, use: start)
        routes.get(.login, use: form)
        routes.post(.login, use: login)
        routes.post(.logout, use: logout)
    }

    func start(req: Request) async throws -> Response {
        guard let user = req.auth.get(User.self) else { return req.redirect(to: .login) }
        return req.redirect(to: Self.home(for: user.roleValue))
    }

    static func home(for role: Role) -> SiteURL {
        switch role {
        case .districtAdmin, .communityAdmin: .admin(.overview)
        case .operator: .gate(.scan)
        case .resident: .me(.overview)
        case .landlord: .landlord
        case .agency: .agency(.overview)
        case .health: .health(.desk)
        case .property: .feverCases
        case .police: .police(.overview)
        }
    }

    func form(req: Request) async throws -> View {
        let next = (try? req.query.get(String.self, at: "next")).map { $0.removingPercentEncoding ?? $0 }
        let notice = req.query[String.self, at: "done"] == "everywhere" ? Strings.text("signed_out_everywhere", req.language) : nil
        return try await req.view.render("accounts/login", LoginPage(page: PageContext(req, title: Strings.text("login_title", req.language), notice: notice),
                                                            username: "", next: SafeRedirect.path(next), error: nil))
    }

    func login(req: Request) async throws -> Response {
        let input = try req.content.decode(LoginForm.self)
        let found: User?
        do {
            found = try await LoginCheck.verify(username: input.username ?? "", password: input.password ?? "", on: req)
        } catch let e as AppError where e.status == .tooManyRequests {
            let page = LoginPage(page: PageContext(req, title: Strings.text("login_title", req.language)),
                                 username: input.username ?? "", next: SafeRedirect.path(input.next),
                                 error: e.message.text(for: req.language.rawValue))
            return try await req.view.render("accounts/login", page).encodeResponse(status: .tooManyRequests, for: req)
        }
        guard let user = found else {
            let page = LoginPage(page: PageContext(req, title: Strings.text("login_title", req.language)),
                                 username: input.username ?? "", next: SafeRedirect.path(input.next),
                                 error: Strings.text("login_failed", req.language))
            return try await req.view.render("accounts/login", page).encodeResponse(status: .unauthorized, for: req)
        }
        try await SignIn.begin(user, on: req)
        let next = SafeRedirect.path(input.next)
        return next == SiteURL.home.path ? req.redirect(to: Self.home(for: user.roleValue)) : req.redirect(to: next)
    }

    func logout(req: Request) async throws -> Response {
        req.auth.logout(User.self)
        req.session.destroy()
        return req.redirect(to: .login)
    }
}
