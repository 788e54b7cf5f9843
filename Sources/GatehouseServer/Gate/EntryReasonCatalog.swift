import GatehouseCore

/// Turns a stored reason code back into its message.
enum EntryReasonCatalog {
    static func reason(_ code: String, restSeconds: Int) -> EntryReason {
        switch code {
        case "remeasure_required": return .remeasure(restSeconds: restSeconds)
        case "fever": return .feverConfirmed
        case "no_mask": return .noMask
        case "not_registered": return .notRegistered
        case "id_card_expired": return .idCardExpired
        case "no_temperature": return .noReading
        default: return EntryReason(code: code, message: LocalizedText(zh: code, en: code))
        }
    }
}
