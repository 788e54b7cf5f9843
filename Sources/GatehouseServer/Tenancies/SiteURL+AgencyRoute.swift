extension SiteURL {
    /// `/agency/…`: a letting agency's page and its tenant list.
    enum AgencyRoute: String, CaseIterable {
        case overview = ""
        case tenantList = "tenant-list"
        case tenantListTemplate = "tenant-list-template.csv"
    }
}
