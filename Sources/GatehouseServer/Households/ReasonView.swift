import GatehouseCore
import Vapor

/// A reason code with its message in the caller's language.
struct ReasonView: Content {
    let code: String
    let message: String

    init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    init(_ reason: EntryReason, language: Language) {
        self.init(code: reason.code, message: reason.message.text(for: language.rawValue))
    }
}
