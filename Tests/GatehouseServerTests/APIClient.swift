import Foundation
import NIOCore
import SQLKit
import XCTVapor

/// JSON requests against the in-memory app, with an optional bearer token.
struct APIClient {
    let app: Application
    var token: String?

    func send(_ method: HTTPMethod, _ path: String, json: Any? = nil, headers extra: HTTPHeaders = [:]) async throws -> XCTHTTPResponse {
        var headers = extra
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
        }
        return try await app.testable().sendRequest(method, path, headers: headers, body: body)
    }

    /// Sends `body` as it is, with its `Content-Type` as given.
    func send(_ method: HTTPMethod, _ path: String, raw body: Data, contentType: String) async throws -> XCTHTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": contentType]
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        return try await app.testable().sendRequest(method, path, headers: headers, body: ByteBuffer(data: body))
    }

    /// Signs in through `POST /api/v1/auth/token`.
    static func signedIn(_ app: Application, _ username: String, _ password: String = Fixture.password) async throws -> APIClient {
        let response = try await APIClient(app: app).send(.POST, "/api/v1/auth/token", json: ["username": username, "password": password])
        XCTAssertEqual(response.status, .ok, response.body.string)
        let json = try response.json()
        return APIClient(app: app, token: json["token"] as? String)
    }
}

extension XCTHTTPResponse {
    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.string.utf8)) as? [String: Any] ?? [:]
    }

    func jsonArray() throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(body.string.utf8)) as? [[String: Any]] ?? []
    }

    var errorCode: String? { ((try? json())?["error"] as? [String: Any])?["code"] as? String }
    var errorMessage: String? { ((try? json())?["error"] as? [String: Any])?["message"] as? String }
}
