import Crypto
import Foundation

/// Signs passes with ES256 (ECDSA P-256, SHA-256). Token: `GH1.<key id>.<base64url claims>.<base64url signature>`.
public struct PassTokenSigner: Sendable {
    public let keyID: String
    private let key: P256.Signing.PrivateKey

    public init(keyID: String, key: P256.Signing.PrivateKey) {
        self.keyID = keyID
        self.key = key
    }

    /// The signing key derived from the server's secret ring (current key), so it never needs storing elsewhere.
    public init(ring: SecretKeyRing) {
        self.init(keyID: ring.currentID, key: PassKeys.privateKey(ring: ring, keyID: ring.currentID)!)
    }

    public var publicKey: P256.Signing.PublicKey { key.publicKey }

    public func token(for claims: PassClaims) -> String {
        let payload = Data(claims.bytes)
        let signed = Data("GH1.\(keyID).".utf8) + payload
        let signature = try! key.signature(for: signed)
        let raw = ECDSALowS.normalized(Array(signature.rawRepresentation))
        return "GH1.\(keyID).\(Base64URL.encode(payload)).\(Base64URL.encode(Data(raw)))"
    }
}
