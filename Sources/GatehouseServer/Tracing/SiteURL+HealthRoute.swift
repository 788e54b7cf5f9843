extension SiteURL {
    /// `/health/…`: the health desk and contact tracing.
    enum HealthRoute: String, CaseIterable {
        case desk = ""
        case tracing
        case tracingExport = "tracing/export"
        /// A contact's phone, after a stated reason (audited).
        case tracingReveal = "tracing/reveal"
        /// Selected contacts into monitoring or home quarantine.
        case tracingActions = "tracing/actions"
    }
}
