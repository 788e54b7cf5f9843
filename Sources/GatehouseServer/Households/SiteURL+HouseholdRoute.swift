extension SiteURL {
    /// `/admin/households/{id}/…`: a household's page and its forms.
    enum HouseholdRoute: String, CaseIterable {
        case overview = ""
        case quarantine
        case passes
    }
}
