/// Short codes that a community admin reads out or shows, so that only invited staff can enrol at a checkpoint.
public enum EnrolmentCode {
    /// Letters and digits that cannot be confused when read aloud or on a screen (no 0/O, 1/I/L).
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// A new random code of `length` characters, e.g. `K7M3-Q9PD` without the hyphen.
    public static func generate<R: RandomNumberGenerator>(length: Int = 8, using rng: inout R) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &rng)! })
    }

    /// A new code from the system's secure generator.
    public static func generate(length: Int = 8) -> String {
        var rng = SystemRandomNumberGenerator()
        return generate(length: length, using: &rng)
    }

    /// Upper-cases and drops blanks and hyphens, as people type codes they were told.
    public static func normalise(_ text: String) -> String {
        text.uppercased().filter { !$0.isWhitespace && $0 != "-" }
    }
}
