extension SiteURL {
    /// `/account/…`: one's own account.
    enum AccountRoute: String, CaseIterable {
        case overview = ""
        case security
        case password
        case signOutEverywhere = "sign-out-everywhere"
    }
}
