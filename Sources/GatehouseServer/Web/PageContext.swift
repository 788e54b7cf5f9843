import GatehouseCore
import Vapor

/// What every page's template gets: language, text table, signed-in account and the form token.
struct PageContext: Encodable {
    struct Account: Encodable {
        let username: String
        let roleLabel: String
        let role: String
    }

    let lang: String
    let otherLang: String
    let t: [String: String]
    let title: String
    let account: Account?
    let csrf: String
    let path: String
    let notice: String?
    /// The public files' addresses with their content hash (`asset.js_gate_js`).
    let asset: [String: String]

    init(_ request: Request, title: String, notice: String? = nil) {
        let language = request.language
        self.lang = language.rawValue
        self.otherLang = language == .zh ? "en" : "zh"
        self.t = Strings.table(language)
        self.title = title
        if let user = request.auth.get(User.self) {
            self.account = Account(username: user.username, roleLabel: user.roleValue.label.text(for: language.rawValue),
                                   role: user.role)
        } else {
            self.account = nil
        }
        self.csrf = CSRFMiddleware.token(for: request)
        self.path = request.url.path
        self.notice = notice
        self.asset = AssetURLs.table
    }
}

/// The error page.
struct ErrorPage: Encodable {
    let page: PageContext
    let status: Int
    let message: String
}

/// A field's error message for a form, keyed by field name.
typealias FieldErrors = [String: String]
