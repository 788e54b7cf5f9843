extension SiteURL {
    /// `/me/visits/{id}/…`: a resident's answer to a visitor at the gate.
    enum VisitAnswer: String, CaseIterable {
        case vouch
        case decline
    }
}
