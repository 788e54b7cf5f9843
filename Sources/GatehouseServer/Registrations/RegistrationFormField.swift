import GatehouseCore

/// One field of the self-registration form as the template draws it.
struct RegistrationFormField: Encodable {
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    let key: String
    let label: String
    /// `text`, `tel`, `id`, `date`, `household`, `origin`, `transport`, `symptoms`.
    let type: String
    let value: String
    let error: String?
    let optional: Bool
    /// When the field may be left empty after all (the transport number, when the transport is "other").
    let optionalWhen: String?
    let options: [Option]

    /// The fields of `category`, filled with what was sent and the messages of a refused submission.
    static func fields(for category: RegistrationCategory, values: [String: String], symptoms: [String],
                       errors: [String: LocalizedText], divisions: DivisionCodes, language: String) -> [RegistrationFormField] {
        category.fields.map { f in
            let type: String
            var options: [Option] = []
            switch f {
            case .phone, .landlordPhone: type = "tel"
            case .idNumber: type = "id"
            case .moveIn, .moveOut, .arrivalDate: type = "date"
            case .household: type = "household"
            case .origin:
                type = "origin"
                options = divisions.provinces().map { Option(value: $0.code, label: $0.name, selected: values["origin"]?.prefix(2) == $0.code.prefix(2)) }
            case .transport:
                type = "transport"
                options = TransportMode.allCases.map { Option(value: $0.rawValue, label: $0.label.text(for: language), selected: values["transport"] == $0.rawValue) }
            case .symptoms:
                type = "symptoms"
                options = [Option(value: "none", label: LocalizedText(zh: "无", en: "None").text(for: language), selected: symptoms.contains("none"))]
                    + Symptom.allCases.map { Option(value: $0.rawValue, label: $0.label.text(for: language), selected: symptoms.contains($0.rawValue)) }
            default: type = "text"
            }
            var label = f.label
            if category == .courier, f == .household { label = LocalizedText(zh: "收件住户（楼栋 单元 房号，或 组 号）", en: "Recipient household (building, unit, room — or group, number)") }
            if category == .visitor, f == .household { label = LocalizedText(zh: "被访住户（楼栋 单元 房号，或 组 号）", en: "Household you visit (building, unit, room — or group, number)") }
            if category == .visitor, f == .idNumber { label = LocalizedText(zh: "身份证号码（如有）", en: "ID card number (if you have one)") }
            return RegistrationFormField(key: f.rawValue, label: label.text(for: language), type: type, value: values[f.rawValue] ?? "",
                                         error: errors[f.rawValue]?.text(for: language),
                                         optional: f.isOptional || (category == .visitor && f == .idNumber),
                                         optionalWhen: f.requiredUnless?.text(for: language), options: options)
        }
    }
}
