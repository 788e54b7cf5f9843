extension SiteURL {
    /// `/health/…`: the health desk and contact tracing.
    enum HealthRoute: String, CaseIterable {
        case desk = ""
        case tracing
        case tracingExport = "tracing/export"
    }
}
