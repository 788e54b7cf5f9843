import GatehouseCore
import NIOCore

/// The pass verifier with a memory: the claims of tokens whose signature has held, so a pass scanned again (a
/// household's pass comes back several times a day, on the way out and in) costs a dictionary look-up instead of an
/// ECDSA verification — about 70 µs, the largest single cost of a passage on the hot path.
///
/// Sound because it only remembers a pure result: the verifier's keys are fixed for the life of the process, and a
/// hit needs the very same token text, byte for byte. Only good signatures are kept (a forged or broken token is
/// checked again each time and cannot fill the memory). It says nothing of expiry, community or revocation: those
/// are checked at every scan, as before. Bounded: past `capacity` tokens it starts afresh.
final class PassSignatureMemo: Sendable {
    private let verifier: PassTokenVerifier
    private let remembered: ShortLivedCache<String, PassClaims>

    init(verifier: PassTokenVerifier, capacity: Int = 100_000, lifetime: TimeAmount = .hours(24)) {
        self.verifier = verifier
        remembered = ShortLivedCache(lifetime: lifetime, capacity: capacity)
    }

    /// The claims if the signature holds, whatever the date (`PassTokenVerifier.verifySignature`).
    func verifySignature(_ token: String) throws(PassTokenError) -> PassClaims {
        if let claims = remembered.value(for: token) { return claims }
        let claims = try verifier.verifySignature(token)
        remembered.store(claims, for: token)
        return claims
    }

    /// Tokens remembered now (for tests).
    var count: Int { remembered.count }
}
