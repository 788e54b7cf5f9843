import Crypto
import Foundation

/// The server's master secrets, one per key id, oldest first; the newest seals new data.
///
/// Text form, one key a line: `k1:<base64 of 32 random bytes>`. Purpose keys (field sealing, blind
/// index, pass signing) are derived from a master key with HKDF-SHA256, so one file holds everything.
public struct SecretKeyRing: Sendable {
    public struct Entry: Sendable {
        public let id: String
        let key: SymmetricKey
    }

    public enum ParseError: Error, Sendable, CustomStringConvertible {
        case empty
        case badLine(Int)
        case duplicateID(String)

        public var description: String {
            switch self {
            case .empty: return "the secret key file holds no key"
            case .badLine(let n): return "line \(n) of the secret key file is not `id:base64-of-32-bytes`"
            case .duplicateID(let id): return "key id \(id) appears twice in the secret key file"
            }
        }
    }

    /// Keys oldest first.
    public let entries: [Entry]

    /// Parses the text form.
    public init(text: String) throws(ParseError) {
        var entries: [Entry] = []
        for (i, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter || $0.isNumber }),
                  let data = Data(base64Encoded: String(parts[1])), data.count == 32
            else { throw .badLine(i + 1) }
            let id = String(parts[0])
            guard !entries.contains(where: { $0.id == id }) else { throw .duplicateID(id) }
            entries.append(Entry(id: id, key: SymmetricKey(data: data)))
        }
        guard !entries.isEmpty else { throw .empty }
        self.entries = entries
    }

    /// A new ring with one random key, and its text form.
    public static func generate(id: String = "k1") -> (ring: SecretKeyRing, text: String) {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let text = "# Gatehouse secret keys: keep this file private and backed up; losing it loses the sealed data.\n"
            + "\(id):\(bytes.base64EncodedString())\n"
        return (try! SecretKeyRing(text: text), text)
    }

    /// The newest key's id.
    public var currentID: String { entries.last!.id }

    /// A 256-bit key for `purpose`, derived from the key `id` (the current one when `nil`).
    public func derivedKey(purpose: String, keyID id: String? = nil) -> SymmetricKey? {
        guard let entry = id.map({ id in entries.first { $0.id == id } }) ?? entries.last else { return nil }
        return HKDF<SHA256>.deriveKey(inputKeyMaterial: entry.key, salt: Data("gatehouse".utf8),
                                      info: Data(purpose.utf8), outputByteCount: 32)
    }

    /// A value that shows which key `id` is without revealing it: an HMAC of a fixed label under a key derived from
    /// it. The database keeps one per key id, so a server started with a missing or foreign key file can tell.
    public func checkValue(keyID id: String) -> String? {
        guard let key = derivedKey(purpose: "key-check", keyID: id) else { return nil }
        let mac = HMAC<SHA256>.authenticationCode(for: Data("gatehouse key check v1".utf8), using: key)
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    /// The key for purposes that must never change with rotation (blind indexes): derived from the oldest key.
    public func stableKey(purpose: String) -> SymmetricKey {
        derivedKey(purpose: purpose, keyID: entries.first!.id)!
    }
}
