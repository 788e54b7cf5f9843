/// What is wrong with a cell of an agency's tenant list, said as a file's message (the cell and what to write
/// there) rather than the tenant form's ("请选择日期" asks to choose in a picker a file does not have).
enum TenantListMessages {
    static func inFile(field: String, value: String?, formMessage: LocalizedText) -> LocalizedText {
        let cell = value?.trimmingCharacters(in: .whitespaces) ?? ""
        let shown = cell.isEmpty ? LocalizedText(zh: "为空", en: "is empty") : LocalizedText(zh: "「\(cell)」", en: "“\(cell)”")
        switch field {
        case "moveIn", "moveOut":
            // A date outside the allowed days keeps the form's message, which names them.
            guard cell.isEmpty || CalendarDate(parsing: cell) == nil else { return formMessage }
            if cell.isEmpty, field == "moveOut" { return formMessage }
            return LocalizedText(zh: "日期\(shown.zh)无法识别或不存在，请写成 2026-11-01 的样式",
                                 en: "The date \(shown.en) cannot be read or does not exist: write it as 2026-11-01")
        case "origin":
            return LocalizedText(zh: "来源地代码\(shown.zh)不是现行的县级行政区划代码，请填写6位代码（如 410102）",
                                 en: "The origin code \(shown.en) is not a current county code: write its six digits (e.g. 410102)")
        case "phone":
            return LocalizedText(zh: "手机号\(shown.zh)不正确：应为1开头的11位数字", en: "The mobile number \(shown.en) is wrong: 11 digits starting with 1")
        case "landlordPhone":
            if formMessage.zh.contains("不能与本人相同") { return LocalizedText(zh: "房东手机号与租客手机号相同", en: "The landlord's number is the tenant's own") }
            return LocalizedText(zh: "房东手机号\(shown.zh)不正确：应为1开头的11位数字", en: "The landlord's number \(shown.en) is wrong: 11 digits starting with 1")
        case "name":
            return LocalizedText(zh: "姓名\(cell.isEmpty ? "为空" : "不正确")：应为1至40个字，不含数字和符号",
                                 en: "The name \(cell.isEmpty ? "is empty" : "is not valid"): 1 to 40 characters, no digits or symbols")
        case "idNumber" where cell.isEmpty:
            return LocalizedText(zh: "身份证号为空", en: "The ID number is empty")
        default:
            return formMessage
        }
    }
}
