extension SiteURL {
    /// `/admin/registration-proposals/{id}/…`: a gate's proposal, confirmed or rejected by the office.
    enum ProposalDecision: String, CaseIterable {
        case confirm
        case reject
    }
}
