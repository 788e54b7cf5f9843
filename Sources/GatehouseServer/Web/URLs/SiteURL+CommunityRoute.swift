extension SiteURL {
    /// `/admin/communities/{id}/…`: a community's pages and the forms posted from them.
    enum CommunityRoute: String, CaseIterable {
        case overview = ""
        case checkpoints
        case accounts
        case settings
        case devices
        case disinfection
        case disinfectionSchedules = "disinfection-schedules"
        case facilities
        case households
        case householdPasses = "household-passes"
        case passSettings = "pass-settings"
        case passSheet = "passes/print"
        case quarantine
        case quarantineOrders = "quarantine-orders"
        case quarantineSettings = "quarantine-settings"
        case supplies
        case registrations
        case registrationSettings = "registration-settings"
        case rentalAccounts = "rental-accounts"
        /// 出租房屋台账: every stay by landlord and by household.
        case rentals
        case returnees
        case training
        /// Volunteers without accounts, their duty and shifts.
        case staffRoster = "staff-roster"
        case rosterShifts = "roster-shifts"
        case dashboard
        case supervision
        case policeGrants = "police-grants"
        case privacy
        case retention
        case purge
        case standDown = "stand-down"
    }
}
