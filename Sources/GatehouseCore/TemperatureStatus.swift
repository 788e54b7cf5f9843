/// Whether a passage's temperature was 正常 or 异常, as the register and its exports record it.
public enum TemperatureStatus: String, Sendable, Codable, CaseIterable {
    case normal
    case abnormal
}
