extension SiteURL {
    /// `/fever-cases/{id}/…`.
    enum FeverCaseRoute: String, CaseIterable {
        case overview = ""
        case steps
        case reveal
    }
}
