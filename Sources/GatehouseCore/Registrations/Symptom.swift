/// A symptom a returnee reports on arrival day.
public enum Symptom: String, Sendable, Codable, CaseIterable {
    case fever, cough, fatigue, soreThroat, shortBreath, diarrhoea, lossOfSmell

    public var label: LocalizedText {
        switch self {
        case .fever: return LocalizedText(zh: "发热", en: "Fever")
        case .cough: return LocalizedText(zh: "咳嗽", en: "Cough")
        case .fatigue: return LocalizedText(zh: "乏力", en: "Fatigue")
        case .soreThroat: return LocalizedText(zh: "咽痛", en: "Sore throat")
        case .shortBreath: return LocalizedText(zh: "呼吸困难", en: "Short of breath")
        case .diarrhoea: return LocalizedText(zh: "腹泻", en: "Diarrhoea")
        case .lossOfSmell: return LocalizedText(zh: "嗅觉味觉减退", en: "Loss of smell or taste")
        }
    }
}
