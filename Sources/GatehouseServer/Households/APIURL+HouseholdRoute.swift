extension APIURL {
    /// `/api/v1/households/{id}/…`.
    enum HouseholdRoute: String, CaseIterable {
        case overview = ""
        case passes
        case quarantine
    }
}
