import GatehouseCore
import Vapor

/// An error the user can act on: an HTTP status, a stable machine code and a message in both languages.
struct AppError: AbortError {
    let status: HTTPResponseStatus
    let code: String
    let message: LocalizedText
    /// The passage the error is about, when the client can act on it (a pending re-measure to take instead).
    var passageID: UUID?

    var reason: String { message.en }

    init(_ status: HTTPResponseStatus, _ code: String, _ message: LocalizedText) {
        self.status = status
        self.code = code
        self.message = message
    }

    init(_ status: HTTPResponseStatus, _ code: String, zh: String, en: String) {
        self.init(status, code, LocalizedText(zh: zh, en: en))
    }

    static let notSignedIn = AppError(.unauthorized, "unauthorized", zh: "请先登录", en: "Please sign in first")
    static let forbidden = AppError(.forbidden, "forbidden", zh: "您无权访问此内容", en: "You are not allowed to see or change this")
    static let roleNotAllowed = AppError(.forbidden, "forbidden", zh: "您的账号类型不能使用此功能", en: "Your kind of account cannot use this")
    static let notFound = AppError(.notFound, "not_found", zh: "找不到该页面或记录", en: "No such page or record")
    static let badCSRF = AppError(.forbidden, "csrf", zh: "表单已过期，请刷新页面后重试", en: "The form has expired; reload the page and try again")
}
