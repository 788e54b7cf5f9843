extension SiteURL {
    /// `/admin/users/{id}/…`: what an office does to an account.
    enum UserAction: String, CaseIterable {
        case disable
        case enable
        case unlock
    }
}
