/// The 8-character code printed under a pass's QR, typed at the gate when the QR cannot be scanned.
///
/// Crockford's base 32 (no I, L, O, U), shown as `XXXX-XXXX`; typing is forgiving: case, dashes, spaces,
/// and O/I/L for 0/1/1 are all accepted.
public struct PassShortCode: Sendable, Hashable, CustomStringConvertible {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// Eight characters, no dash.
    public let value: String

    /// A fresh random code.
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> PassShortCode {
        PassShortCode(unchecked: String((0..<8).map { _ in alphabet[Int(generator.next() % 32)] }))
    }

    /// A fresh random code from the system's generator.
    public static func random() -> PassShortCode {
        var g = SystemRandomNumberGenerator()
        return random(using: &g)
    }

    private init(unchecked value: String) { self.value = value }

    /// Parses a typed code; nil unless it is eight characters of the alphabet after normalising.
    public init?(typed text: String) {
        var out = ""
        for ch in text.uppercased() {
            switch ch {
            case "-", " ", "\u{3000}": continue
            case "O": out.append("0")
            case "I", "L": out.append("1")
            default:
                guard Self.alphabet.contains(ch) else { return nil }
                out.append(ch)
            }
        }
        guard out.count == 8 else { return nil }
        value = out
    }

    /// `XXXX-XXXX`.
    public var description: String { String(value.prefix(4)) + "-" + String(value.suffix(4)) }
}
