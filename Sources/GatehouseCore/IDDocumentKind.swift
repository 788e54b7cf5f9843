/// The kind of 18-character identity number (GB 11643 and the permits that share its format).
public enum IDDocumentKind: String, Sendable, Codable, CaseIterable {
    /// 居民身份证, mainland resident identity card.
    case residentIdentityCard
    /// 港澳台居民居住证 issued to Hong Kong residents (code 81).
    case hongKongResidencePermit
    /// 港澳台居民居住证 issued to Macau residents (code 82).
    case macauResidencePermit
    /// 港澳台居民居住证 issued to Taiwan residents (code 83).
    case taiwanResidencePermit

    /// The document's name.
    public var label: LocalizedText {
        switch self {
        case .residentIdentityCard: return LocalizedText(zh: "居民身份证", en: "Resident identity card")
        case .hongKongResidencePermit: return LocalizedText(zh: "港澳台居民居住证（香港）", en: "Residence permit (Hong Kong)")
        case .macauResidencePermit: return LocalizedText(zh: "港澳台居民居住证（澳门）", en: "Residence permit (Macau)")
        case .taiwanResidencePermit: return LocalizedText(zh: "港澳台居民居住证（台湾）", en: "Residence permit (Taiwan)")
        }
    }
}
