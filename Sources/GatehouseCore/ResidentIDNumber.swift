import Foundation

/// A validated identity number (GB 11643-1999), always held in its 18-character form with an upper-case X.
public struct ResidentIDNumber: Sendable, Hashable, CustomStringConvertible {
    /// The 18 characters.
    public let value: String
    /// The six-digit administrative division code (GB/T 2260) of first registration.
    public let divisionCode: String
    /// The birth date.
    public let birthDate: CalendarDate
    /// Sex from the parity of the sequence code.
    public let sex: Sex
    /// Resident card or one of the Hong Kong / Macau / Taiwan residence permits.
    public let kind: IDDocumentKind
    /// True when the input was a legacy 15-digit number that was converted.
    public let wasConvertedFromLegacy: Bool

    /// Validates `text` as it is typed or read (spaces, full-width digits and a lower-case x are accepted),
    /// converting a 15-digit legacy number. `today` bounds the birth date.
    public init(_ text: String, today: CalendarDate) throws(IDNumberError) {
        let cleaned = ResidentIDNumber.normalise(text)
        var converted = false
        var candidate = cleaned
        switch cleaned.count {
        case 18:
            let body = cleaned.prefix(17)
            guard body.allSatisfy(\.isASCIIDigit), let last = cleaned.last, last.isASCIIDigit || last == "X"
            else { throw .characters }
        case 15:
            guard cleaned.allSatisfy(\.isASCIIDigit) else { throw .characters }
            let seventeen = cleaned.prefix(6) + "19" + cleaned.dropFirst(6)
            candidate = String(seventeen) + String(ISO7064.mod11_2(String(seventeen))!)
            converted = true
        default:
            if !cleaned.isEmpty, !cleaned.allSatisfy({ $0.isASCIIDigit || $0 == "X" }) { throw .characters }
            throw .length(cleaned.count)
        }
        let body = String(candidate.prefix(17))
        let expected = ISO7064.mod11_2(body)!
        let found = candidate.last!
        guard let year = Int(body.dropFirst(6).prefix(4)), let month = Int(body.dropFirst(10).prefix(2)),
              let day = Int(body.dropFirst(12).prefix(2)),
              let birth = CalendarDate(year: year, month: month, day: day),
              birth <= today, year >= 1890
        else { throw .birthDate }
        guard expected == found else { throw .checkCharacter(expected: expected, found: found) }
        let sequenceDigit = Int(String(body.last!))!
        self.value = candidate
        self.divisionCode = String(candidate.prefix(6))
        self.birthDate = birth
        self.sex = sequenceDigit % 2 == 1 ? .male : .female
        self.kind = ResidentIDNumber.kind(of: divisionCode)
        self.wasConvertedFromLegacy = converted
    }

    /// Upper-cases, removes blanks and hyphens, and maps full-width digits and Ｘ to ASCII.
    public static func normalise(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF38, 0xFF58: out.append("X")
            case 0x20, 0x09, 0x0A, 0x0D, 0x3000, 0x2D: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.uppercased()
    }

    /// Whether `text` looks like an attempt at an identity number (15 to 18 digits, maybe ending in X),
    /// as opposed to, say, a police badge number.
    public static func looksLikeIDNumber(_ text: String) -> Bool {
        let t = normalise(text)
        guard (15...19).contains(t.count) else { return false }
        return t.dropLast().allSatisfy(\.isASCIIDigit) && (t.last!.isASCIIDigit || t.last == "X")
    }

    static func kind(of division: String) -> IDDocumentKind {
        switch division {
        case "810000": return .hongKongResidencePermit
        case "820000": return .macauResidencePermit
        case "830000": return .taiwanResidencePermit
        default: return .residentIdentityCard
        }
    }

    /// Age in whole years on `date`.
    public func age(on date: CalendarDate) -> Int { birthDate.years(until: date) }

    /// The number with all but the first three and last two characters hidden: `412***********001X` style.
    public var masked: String { Self.mask(value) }

    /// `110***********002X`: the first three and last four characters of a stored number.
    public static func mask(_ value: String) -> String {
        value.prefix(3) + String(repeating: "*", count: max(0, value.count - 7)) + value.suffix(4)
    }

    public var description: String { masked }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
