extension SiteURL {
    /// `/admin/households/{id}/residents/{id}/…`.
    enum ResidentAction: String, CaseIterable {
        case login
        case reveal
    }
}
