extension SiteURL {
    /// `/exports/…`.
    enum ExportsRoute: String, CaseIterable {
        case form = ""
        case print
    }
}
