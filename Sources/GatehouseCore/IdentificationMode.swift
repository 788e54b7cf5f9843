/// How the person at the gate was identified.
public enum IdentificationMode: String, Sendable, Codable, CaseIterable {
    /// A pass (QR or card).
    case pass
    /// An ID card read by a desktop or NFC reader.
    case reader
    /// An ID number typed by hand or by a keyboard-wedge scanner.
    case typed
    /// 无证登记: name and phone, no document.
    case noId
    /// A self-registration's code (poster QR), scanned by the operator.
    case registration

    public var label: LocalizedText {
        switch self {
        case .pass: return LocalizedText(zh: "通行证", en: "Pass")
        case .reader: return LocalizedText(zh: "刷身份证", en: "ID card reader")
        case .typed: return LocalizedText(zh: "输入身份证号", en: "Typed ID number")
        case .noId: return LocalizedText(zh: "无证登记", en: "No ID")
        case .registration: return LocalizedText(zh: "自助登记", en: "Self-registration")
        }
    }
}
