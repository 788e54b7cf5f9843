/// A checked self-registration: what the person gave for their category, every value valid.
public struct SelfRegistrationDetails: Sendable, Equatable {
    public var category: RegistrationCategory
    public var name: String
    public var phone: PhoneNumber
    /// Everything else the category asks for.
    public var answers: RegistrationAnswers

    public init(category: RegistrationCategory, name: String, phone: PhoneNumber, answers: RegistrationAnswers = RegistrationAnswers()) {
        self.category = category
        self.name = name
        self.phone = phone
        self.answers = answers
    }
}
