import Crypto
import Foundation

/// Verifies pass tokens offline with the public keys alone: signature, expiry and community. Revocation is
/// the server's (it needs the database).
public struct PassTokenVerifier: Sendable {
    private let keys: [String: P256.Signing.PublicKey]

    public init(keys: [String: P256.Signing.PublicKey]) { self.keys = keys }

    /// Every key of the ring, so passes signed before a rotation still verify.
    public init(ring: SecretKeyRing) {
        var keys: [String: P256.Signing.PublicKey] = [:]
        for entry in ring.entries { keys[entry.id] = PassKeys.privateKey(ring: ring, keyID: entry.id)!.publicKey }
        self.init(keys: keys)
    }

    /// The claims of a valid token for `community` at `now`.
    public func verify(_ token: String, now: Date, community: UUID?) throws(PassTokenError) -> PassClaims {
        let claims = try verifySignature(token)
        if let community, claims.communityID != community { throw .wrongCommunity }
        if claims.expiresAt <= now { throw .expired }
        return claims
    }

    /// The claims if the signature holds, whatever the date.
    public func verifySignature(_ token: String) throws(PassTokenError) -> PassClaims {
        let parts = Self.trimmed(token).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "GH1",
              let payload = Base64URL.decode(parts[2]), let sig = Base64URL.decode(parts[3]),
              let claims = PassClaims(bytes: Array(payload))
        else { throw .malformed }
        guard let key = keys[String(parts[1])] else { throw .unknownKey }
        guard ECDSALowS.isLow(Array(sig)), let signature = try? P256.Signing.ECDSASignature(rawRepresentation: sig),
              key.isValidSignature(signature, for: Data("GH1.\(parts[1]).".utf8) + payload)
        else { throw .badSignature }
        return claims
    }

    /// The token without surrounding white space (a scanner may add a newline); the common case costs nothing.
    private static func trimmed(_ token: String) -> String {
        guard let first = token.utf8.first, let last = token.utf8.last,
              (0x21..<0x7f).contains(first), (0x21..<0x7f).contains(last) else {
            return token.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return token
    }

    /// The public keys as a JWK set, for verifiers at the gate that work offline.
    public func jwks() -> [[String: String]] {
        keys.sorted { $0.key < $1.key }.map { kid, key in
            let raw = key.rawRepresentation // x ‖ y
            return ["kty": "EC", "crv": "P-256", "alg": "ES256", "use": "sig", "kid": kid,
                    "x": Base64URL.encode(raw.prefix(32)), "y": Base64URL.encode(raw.suffix(32))]
        }
    }
}
