/// A Chinese mobile or landline number, normalised to digits (with a hyphen after a landline's area code).
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable { case mobile, landline }

    /// `13812348058`, `0396-2655088`, or a local `2655088`.
    public let value: String
    public let kind: Kind

    /// Accepts blanks, hyphens, parentheses, full-width digits and a `+86`/`86`/`0086` country prefix.
    public init(_ text: String) throws(PhoneNumberError) {
        var digits = ResidentIDNumber.normalise(text).filter { !"()（）+".contains($0) }
        guard !digits.isEmpty else { throw .empty }
        guard digits.allSatisfy(\.isASCIIDigit) else { throw .invalid }
        for prefix in ["0086", "86"] where digits.hasPrefix(prefix) && digits.count == prefix.count + 11 {
            digits.removeFirst(prefix.count)
        }
        let chars = Array(digits)
        if chars.count == 11, chars[0] == "1", ("3"..."9").contains(chars[1]) {
            value = digits
            kind = .mobile
        } else if chars.first == "0", (10...12).contains(chars.count), chars[1] != "0" {
            // Area codes: 010, 02x are three digits; the rest four.
            let areaLength = chars[1] == "1" || chars[1] == "2" ? 3 : 4
            let local = chars.count - areaLength
            guard (7...8).contains(local), chars[areaLength] != "0", chars[areaLength] != "1" else { throw .invalid }
            value = String(chars.prefix(areaLength)) + "-" + String(chars.dropFirst(areaLength))
            kind = .landline
        } else if (7...8).contains(chars.count), chars[0] != "0", chars[0] != "1" {
            value = digits
            kind = .landline
        } else {
            throw .invalid
        }
    }

    /// `138****8058` for mobiles; landlines keep the area code and the last four digits.
    public var masked: String { PhoneNumber.mask(value) }

    /// Masks any stored phone text the same way.
    public static func mask(_ value: String) -> String {
        if value.count == 11, !value.contains("-") { return value.prefix(3) + "****" + value.suffix(4) }
        let parts = value.split(separator: "-", maxSplits: 1)
        let local = parts.last.map(String.init) ?? value
        let hidden = String(repeating: "*", count: max(local.count - 4, 0)) + local.suffix(4)
        return parts.count == 2 ? parts[0] + "-" + hidden : hidden
    }

    public var description: String { masked }
}
