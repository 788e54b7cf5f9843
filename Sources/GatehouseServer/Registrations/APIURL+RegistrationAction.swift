extension APIURL {
    /// `/api/v1/registrations/{id}/…`: what happens to a registration at the gate.
    enum RegistrationAction: String, CaseIterable {
        case vouch
        case landlordConfirmation = "landlord-confirmation"
    }
}
