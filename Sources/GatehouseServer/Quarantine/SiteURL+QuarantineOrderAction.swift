extension SiteURL {
    /// `/admin/quarantine-orders/{id}/…`.
    enum QuarantineOrderAction: String, CaseIterable {
        case reports
        case extend
        case release
    }
}
