extension SiteURL {
    /// `/landlord/tenancies/{id}/…`.
    enum TenancyAction: String, CaseIterable {
        case confirm
        case reject
        case pass
        case moveOut = "move-out"
    }
}
