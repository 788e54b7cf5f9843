/// The 6 digits a self-registration gets (also in its QR), read or typed by the guard at the gate.
public struct RegistrationCode: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// Accepts exactly 6 digits (spaces ignored).
    public init?(parsing text: String) {
        let digits = text.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        value = digits
    }

    /// A random code (100000–999999, so it never starts with 0 and is never read as a shorter number).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> RegistrationCode {
        RegistrationCode(parsing: String(Int.random(in: 100_000...999_999, using: &generator)))!
    }

    public static func random() -> RegistrationCode {
        var g = SystemRandomNumberGenerator()
        return random(using: &g)
    }

    public var description: String { value }
}
