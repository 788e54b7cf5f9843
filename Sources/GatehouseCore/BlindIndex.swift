import Crypto
import Foundation

/// Keyed hashes (HMAC-SHA256) of normalised personal values, so that equal values can be found without
/// storing them: "has this ID number been seen before?" The key never rotates (it comes from the oldest key).
public struct BlindIndex: Sendable {
    private let key: SymmetricKey

    public init(ring: SecretKeyRing) { self.key = ring.stableKey(purpose: "blind-index/v1") }

    /// 32 hex characters for `value` in a `domain` ("id-number", "phone"); the same inputs give the same output.
    public func token(_ value: String, domain: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data((domain + "\u{1F}" + value).utf8), using: key)
        return mac.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// The index of a validated ID number.
    public func idNumber(_ id: ResidentIDNumber) -> String { token(id.value, domain: "id-number") }

    /// The index of a validated phone number.
    public func phone(_ phone: PhoneNumber) -> String { token(phone.value, domain: "phone") }
}
