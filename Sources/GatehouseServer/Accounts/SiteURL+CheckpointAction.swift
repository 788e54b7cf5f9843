extension SiteURL {
    /// `/admin/checkpoints/{id}/…`.
    enum CheckpointAction: String, CaseIterable {
        case open
        case enrolmentCode = "enrolment-code"
        case poster
    }
}
