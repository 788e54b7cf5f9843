/// Why a text is not a phone number.
public enum PhoneNumberError: Error, Sendable, Equatable {
    case empty
    case invalid

    public var message: LocalizedText {
        switch self {
        case .empty: return LocalizedText(zh: "请填写联系电话", en: "Enter a phone number")
        case .invalid:
            return LocalizedText(zh: "电话号码格式不正确：手机号为1开头的11位数字，座机如0396-2655088",
                                 en: "Not a phone number: a mobile has 11 digits starting with 1; a landline looks like 0396-2655088")
        }
    }
}
