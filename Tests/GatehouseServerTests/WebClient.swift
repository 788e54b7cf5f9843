import Foundation
import NIOCore
import SQLKit
import XCTVapor

/// A browser-like client for the in-memory app: keeps cookies and sends the form token with every POST.
final class WebClient {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    private(set) var csrf: String?

    init(_ app: Application) { self.app = app }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        var h = headers
        if !cookies.isEmpty { h.replaceOrAdd(name: .cookie, value: cookieHeader) }
        let response = try await app.testable().sendRequest(.GET, path, headers: h)
        absorb(response)
        return response
    }

    /// POSTs a form; the CSRF token of the last page is added unless `csrf` is given.
    @discardableResult
    func post(_ path: String, _ form: [String: String], csrf override: String? = nil, headers: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        var fields = form
        if fields["_csrf"] == nil { fields["_csrf"] = override ?? csrf ?? "" }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var h = headers
        h.contentType = .urlEncodedForm
        if !cookies.isEmpty { h.replaceOrAdd(name: .cookie, value: cookieHeader) }
        let response = try await app.testable().sendRequest(.POST, path, headers: h, body: ByteBuffer(string: body))
        absorb(response)
        return response
    }

    /// Signs in through the login form.
    @discardableResult
    func login(_ username: String, _ password: String = Fixture.password) async throws -> XCTHTTPResponse {
        try await get("/login")
        let response = try await post("/login", ["username": username, "password": password])
        // Signing in starts a new session with a new form token, which a browser reads from the next page it loads.
        if response.status == .seeOther { try await get("/login") }
        return response
    }

    private func absorb(_ response: XCTHTTPResponse) {
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        let html = response.body.string
        if let range = html.range(of: "name=\"_csrf\" value=\"") {
            let rest = html[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { csrf = String(rest[..<end]) }
        }
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

extension XCTHTTPResponse {
    var location: String? { headers.first(name: .location) }
}
