import GatehouseCore

/// Rules for usernames and passwords, shared by every form that creates an account.
enum AccountRules {
    static func usernameProblem(_ username: String) -> LocalizedText? {
        let ok = (3...32).contains(username.count)
            && username.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") }
        return ok ? nil : LocalizedText(zh: "登录名应为3至32位字母、数字或下划线", en: "A username has 3 to 32 letters, digits or underscores")
    }

    static func passwordProblem(_ password: String, again: String?) -> LocalizedText? {
        if password.count < 8 || password.count > 128 {
            return LocalizedText(zh: "密码至少8位", en: "A password has at least 8 characters")
        }
        if let again, again != password {
            return LocalizedText(zh: "两次输入的密码不一致", en: "The two passwords differ")
        }
        return nil
    }
}
