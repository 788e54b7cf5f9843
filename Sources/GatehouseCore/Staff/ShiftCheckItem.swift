/// What gate staff check before a shift (Henan guide: protection, distance, thermometer).
public enum ShiftCheckItem: String, Sendable, Codable, CaseIterable {
    case standardMask, gloves, distance, thermometerChecked, thermometerWarm

    public var label: LocalizedText {
        switch self {
        case .standardMask: return LocalizedText(zh: "已佩戴标准医用口罩", en: "Wearing a standard medical mask")
        case .gloves: return LocalizedText(zh: "已佩戴手套", en: "Wearing gloves")
        case .distance: return LocalizedText(zh: "登记时与来人保持1米以上距离", en: "Keeping at least 1 m from each person")
        case .thermometerChecked: return LocalizedText(zh: "体温计已校验，读数准确", en: "Thermometer checked and reading correctly")
        case .thermometerWarm: return LocalizedText(zh: "室外使用的体温计已做好保温", en: "Thermometer kept warm for outdoor use")
        }
    }

    /// The items not ticked, in order; empty when the shift may start.
    public static func missing(from ticked: Set<String>) -> [ShiftCheckItem] {
        allCases.filter { !ticked.contains($0.rawValue) }
    }
}
