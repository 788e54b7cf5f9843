extension APIURL {
    /// `/api/v1/communities/{id}/…`.
    enum CommunityRoute: String, CaseIterable {
        case overview = ""
        case checkpoints
        case households
        case householdImports = "household-imports"
        case householdPasses = "household-passes"
        case outingQuota = "outing-quota"
        case quarantineOrders = "quarantine-orders"
        case dashboard
    }
}
