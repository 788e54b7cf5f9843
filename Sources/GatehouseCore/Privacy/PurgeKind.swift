/// Why personal data was purged.
public enum PurgeKind: String, Sendable, Codable, CaseIterable {
    /// The daily job or `gatehouse purge`: data older than the community's retention period.
    case retention
    /// The epidemic is over for the community: all of its personal data, after a confirmation.
    case standDown
}
