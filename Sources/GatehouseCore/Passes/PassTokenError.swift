/// Why a pass token is refused; each has its own reason at the gate.
public enum PassTokenError: Error, Sendable, Equatable {
    /// Not a Gatehouse pass at all, or damaged.
    case malformed
    /// Signed with a key this server does not know.
    case unknownKey
    /// The signature does not match: forged or altered.
    case badSignature
    /// Past its expiry.
    case expired
    /// Issued by another community.
    case wrongCommunity

    /// Every error, for turning a stored code back into its message.
    public static let all: [PassTokenError] = [.malformed, .unknownKey, .badSignature, .expired, .wrongCommunity]

    public var code: String {
        switch self {
        case .malformed: return "pass_malformed"
        case .unknownKey: return "pass_unknown_key"
        case .badSignature: return "pass_forged"
        case .expired: return "pass_expired"
        case .wrongCommunity: return "pass_wrong_community"
        }
    }

    public var message: LocalizedText {
        switch self {
        case .malformed: return LocalizedText(zh: "无法识别的通行证，请重新扫码", en: "Not a readable pass; scan again")
        case .unknownKey, .badSignature: return LocalizedText(zh: "通行证无效（签名不符，可能伪造）", en: "Invalid pass: the signature does not match (possibly forged)")
        case .expired: return LocalizedText(zh: "通行证已过期", en: "The pass has expired")
        case .wrongCommunity: return LocalizedText(zh: "非本社区通行证", en: "This pass belongs to another community")
        }
    }
}
