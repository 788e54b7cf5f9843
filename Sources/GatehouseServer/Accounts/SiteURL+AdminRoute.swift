extension SiteURL {
    /// `/admin/…`: the district's and the community office's start, and what they add there.
    enum AdminRoute: String, CaseIterable {
        case overview = ""
        case subdistricts
        case communities
        case accounts
        case rollup
    }
}
