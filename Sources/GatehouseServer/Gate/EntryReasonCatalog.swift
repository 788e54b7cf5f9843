import GatehouseCore

/// Turns a stored reason code back into its message (the community's rest and quota fill in the figures).
enum EntryReasonCatalog {
    static func reason(_ code: String, restSeconds: Int, quota: OutingQuota? = nil) -> EntryReason {
        EntryReason.known(code, restSeconds: restSeconds, quota: quota)
    }
}
