extension SiteURL {
    /// `/police/…`.
    enum PoliceRoute: String, CaseIterable {
        case overview = ""
        case spotChecks = "spot-checks"
    }
}
