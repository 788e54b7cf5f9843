extension SiteURL {
    /// `/admin/registrations/{id}/…`.
    enum RegistrationDecision: String, CaseIterable {
        case approve
        case reject
    }
}
