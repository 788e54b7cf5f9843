import Foundation

/// Who a bearer token belongs to and until when: cached for a few seconds by `BearerTokenAuthenticator`.
struct BearerTokenHolder: Sendable {
    let user: UserRow
    let expiresAt: Date
}
