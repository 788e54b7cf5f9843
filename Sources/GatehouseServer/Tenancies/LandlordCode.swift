import Foundation
import GatehouseCore

/// The code a landlord shows at the gate to confirm a tenant in person: `GHL1.<account>.<expiry>.<MAC>`, valid for
/// ten minutes, signed with a key of the server's key ring (through the blind-index HMAC, in its own domain).
struct LandlordCode {
    static let lifetime: TimeInterval = 600
    let services: GatehouseServices

    func make(for user: User) throws -> (code: String, expiresAt: Date) {
        let expiry = Int(services.clock.now().timeIntervalSince1970 + Self.lifetime)
        let body = "GHL1.\(try user.requireID().uuidString).\(expiry)"
        return (body + "." + mac(body), Date(timeIntervalSince1970: TimeInterval(expiry)))
    }

    /// The landlord account the code names, if it is genuine and not expired.
    func accountID(_ code: String) -> UUID? {
        let parts = code.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").map(String.init)
        guard parts.count == 4, parts[0] == "GHL1", let id = UUID(uuidString: parts[1]), let expiry = TimeInterval(parts[2]),
              expiry > services.clock.now().timeIntervalSince1970 else { return nil }
        let expected = mac(parts[0...2].joined(separator: "."))
        guard expected.utf8.count == parts[3].utf8.count,
              zip(expected.utf8, parts[3].utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else { return nil }
        return id
    }

    private func mac(_ body: String) -> String { services.blindIndex.token(body, domain: "landlord-code") }
}
