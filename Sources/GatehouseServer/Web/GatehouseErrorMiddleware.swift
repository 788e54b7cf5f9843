import GatehouseCore
import Leaf
import Vapor

/// The one error handler: JSON `{"error":{"code","message"}}` under `/api`, an HTML page elsewhere. Future-based (see
/// `SecurityHeadersMiddleware`): a task is started only to answer an error.
struct GatehouseErrorMiddleware: Middleware {
    struct Body: Content {
        struct Detail: Content {
            let code: String
            let message: String
            /// The passage the error is about (a pending re-measure), when there is one.
            var passageId: UUID?
        }
        let error: Detail
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapError { error in
            request.eventLoop.makeFutureWithTask { await response(for: error, request: request) }
        }
    }

    private func response(for error: any Error, request: Request) async -> Response {
        var (status, code, message) = Self.describe(error, language: request.language)
        // Not found, on a path whose routes answer other methods only (no route matched, or a parameter route took a
        // word another method's route spells out: GET /api/v1/passes/scan): say which (405), not that it is missing.
        var allow: [HTTPMethod] = []
        if status == .notFound, let methods = request.application.allowedMethods?.refusing(request.method, at: request.url.path) {
            allow = methods
            status = .methodNotAllowed
            code = "method_not_allowed"
            let names = methods.map(\.rawValue).joined(separator: ", ")
            message = LocalizedText(zh: "此地址不支持 \(request.method.rawValue) 请求（可用：\(names)）",
                                    en: "This address does not answer \(request.method.rawValue) (it answers \(names))").text(for: request.language.rawValue)
        }
        let passageID = (error as? AppError)?.passageID
        if status.code >= 500 {
            request.logger.report(error: error)
        }
        let wantsJSON = SiteURL.isForPrograms(request.url.path)
        if !wantsJSON {
            if status == .unauthorized, request.method == .GET {
                return request.redirect(to: .login, ["next": request.url.path])
            }
            let context = ErrorPage(page: PageContext(request, title: Strings.text("error_title", request.language)),
                                    status: Int(status.code), message: message)
            if let view = try? await request.view.render("error", context) {
                let response = try? await view.encodeResponse(status: status, for: request)
                if let response {
                    if !allow.isEmpty { response.headers.replaceOrAdd(name: .allow, value: allow.map(\.rawValue).joined(separator: ", ")) }
                    return response
                }
            }
        }
        let response = Response(status: status)
        if !allow.isEmpty { response.headers.replaceOrAdd(name: .allow, value: allow.map(\.rawValue).joined(separator: ", ")) }
        try? response.content.encode(Body(error: .init(code: code, message: message, passageId: passageID)), as: .json)
        return response
    }

    /// Names the field a request got wrong.
    static func explain(_ error: DecodingError) -> LocalizedText {
        func path(_ keys: [any CodingKey]) -> String { keys.map(\.stringValue).filter { !$0.isEmpty }.joined(separator: ".") }
        switch error {
        case .keyNotFound(let key, let context):
            let name = path(context.codingPath + [key])
            return LocalizedText(zh: "缺少必填项：\(name)", en: "Missing field: \(name)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let name = path(context.codingPath)
            return LocalizedText(zh: "字段格式不正确：\(name)", en: "Wrong type for field: \(name)")
        case .dataCorrupted(let context):
            let name = path(context.codingPath)
            return name.isEmpty ? LocalizedText(zh: "请求内容无法解析", en: "The request body cannot be parsed")
                : LocalizedText(zh: "字段格式不正确：\(name)", en: "Invalid value for field: \(name)")
        @unknown default:
            return LocalizedText(zh: "请求格式不正确", en: "The request is malformed")
        }
    }

    /// The status, the stable code and the sentence an error is answered with (also for each refused item of a batch).
    static func describe(_ error: any Error, language: Language) -> (HTTPResponseStatus, String, String) {
        switch error {
        case let e as AppError:
            return (e.status, e.code, e.message.text(for: language.rawValue))
        case let e as DecodingError:
            return (.unprocessableEntity, "invalid_request", Self.explain(e).text(for: language.rawValue))
        case let e as any AbortError:
            let code: String
            switch e.status {
            case .notFound: code = "not_found"
            case .unauthorized: code = "unauthorized"
            case .forbidden: code = "forbidden"
            case .payloadTooLarge: code = "payload_too_large"
            case .unsupportedMediaType: code = "unsupported_media_type"
            default: code = e.status.code >= 500 ? "server_error" : "bad_request"
            }
            let text: LocalizedText
            switch e.status {
            case .notFound: text = AppError.notFound.message
            case .payloadTooLarge: text = LocalizedText(zh: "提交的内容过大", en: "The request is too large")
            case .unauthorized: text = AppError.notSignedIn.message
            case .forbidden: text = AppError.forbidden.message
            case .unsupportedMediaType:
                text = LocalizedText(zh: "请求内容的格式不受支持：请按接口说明发送（通常为 JSON，Content-Type: application/json）",
                                     en: "The request body's format is not accepted: send what the API description says (usually JSON, Content-Type: application/json)")
            default:
                text = e.status.code >= 500
                    ? LocalizedText(zh: "服务器出错，请稍后再试", en: "Server error; please try again later")
                    : LocalizedText(zh: "请求格式不正确：\(e.reason)", en: "Bad request: \(e.reason)")
            }
            return (e.status, code, text.text(for: language.rawValue))
        default:
            let text = LocalizedText(zh: "服务器出错，请稍后再试", en: "Server error; please try again later")
            return (.internalServerError, "server_error", text.text(for: language.rawValue))
        }
    }
}
