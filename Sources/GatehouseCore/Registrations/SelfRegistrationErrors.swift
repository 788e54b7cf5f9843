/// Why a self-registration form was refused: one message per field.
public struct SelfRegistrationErrors: Error, Sendable, Equatable {
    /// Keyed by `RegistrationField.rawValue` (`household` for the address parts).
    public let messages: [String: LocalizedText]

    public init(messages: [String: LocalizedText]) { self.messages = messages }
}
