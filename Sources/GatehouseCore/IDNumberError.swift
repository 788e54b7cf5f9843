/// Why a text is not a valid identity number; each case names the GB 11643 rule that failed.
public enum IDNumberError: Error, Sendable, Equatable {
    /// Neither 18 nor (legacy) 15 characters.
    case length(Int)
    /// A character other than digits (and a final X on 18-character numbers).
    case characters
    /// The ISO 7064 MOD 11-2 check character does not match.
    case checkCharacter(expected: Character, found: Character)
    /// The birth date part is not a real date, or lies in the future.
    case birthDate

    /// A short machine code: `length`, `characters`, `check_character`, `birth_date`.
    public var rule: String {
        switch self {
        case .length: return "length"
        case .characters: return "characters"
        case .checkCharacter: return "check_character"
        case .birthDate: return "birth_date"
        }
    }

    /// What to tell the person at the gate.
    public var message: LocalizedText {
        switch self {
        case .length(let n):
            return LocalizedText(zh: "身份证号码应为18位（旧证15位），现在是\(n)位", en: "An ID number has 18 characters (15 for old cards); this one has \(n)")
        case .characters:
            return LocalizedText(zh: "身份证号码只能包含数字，最后一位可以是X", en: "An ID number holds digits only; the last one may be X")
        case .checkCharacter:
            return LocalizedText(zh: "身份证号码校验位不正确，请核对后重新输入", en: "The ID number's check character is wrong; check the number and type it again")
        case .birthDate:
            return LocalizedText(zh: "身份证号码中的出生日期无效", en: "The birth date inside the ID number is not a valid date")
        }
    }
}
