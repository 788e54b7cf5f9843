import Crypto
import Foundation

/// Derives each key id's pass-signing key from the secret ring (HKDF), retrying the rare invalid scalar.
enum PassKeys {
    static func privateKey(ring: SecretKeyRing, keyID: String) -> P256.Signing.PrivateKey? {
        for attempt in 0..<16 {
            guard let material = ring.derivedKey(purpose: "pass-signing/v1/\(attempt)", keyID: keyID) else { return nil }
            let bytes = material.withUnsafeBytes { Data($0) }
            if let key = try? P256.Signing.PrivateKey(rawRepresentation: bytes) { return key }
        }
        return nil
    }
}
