extension SiteURL {
    /// `/admin/disinfection-schedules/{id}/…`: the office changes a schedule, or ends it.
    enum DisinfectionScheduleAction: String, CaseIterable {
        case edit = ""
        case end
    }
}
