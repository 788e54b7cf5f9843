import Foundation

/// Every address of the site, typed once: a route is registered with `pathComponents` (its variables as `.key`),
/// a redirect and a link are made from the same case with `.value`s, a view names it with `#url(…)` and a script
/// reads it from the page's `data-url-…` attributes. The cases' sub-routes live in their features' folders.
enum SiteURL {
    // Signing in and accounts.
    case home
    case login
    case logout
    case register
    case operatorCard
    case account(AccountRoute)
    case language(Parameter<String>)

    // The offices' pages.
    case admin(AdminRoute)
    case user(Parameter<UUID>, UserAction)
    case community(Parameter<UUID>, CommunityRoute)
    case checkpoint(Parameter<UUID>, CheckpointAction)
    case revokeDevice(Parameter<UUID>)
    case household(Parameter<UUID>, HouseholdRoute)
    case resident(Parameter<UUID>, Parameter<UUID>, ResidentAction)
    case pass(Parameter<UUID>, Parameter<String>)
    case registration(Parameter<UUID>, RegistrationDecision)
    case registrationProposal(Parameter<UUID>, ProposalDecision)
    case returneeCheckIn(Parameter<UUID>)
    /// 转发热处置: a fever case opened from a returnee's check-in.
    case checkInFeverCase(Parameter<UUID>)
    case quarantineOrder(Parameter<UUID>, QuarantineOrderAction)
    case facilityStatus(Parameter<UUID>)
    case revokePoliceGrant(Parameter<UUID>)

    // The gate.
    case gate(GateRoute)
    case records
    case record(Parameter<UUID>)
    case recordPhoto(Parameter<UUID>)
    /// The office has reviewed a passage the gate let through offline (离线放行待复核).
    case recordReviewed(Parameter<UUID>)
    case disinfectionLog(Parameter<UUID>)
    /// A volunteer leaves the staff roster.
    case rosterMemberLeave(Parameter<UUID>)
    case disinfectionSchedule(Parameter<UUID>, DisinfectionScheduleAction)
    case supplyDelivered(Parameter<UUID>)

    // Residents, landlords and agencies.
    case me(MeRoute)
    case myPass(Parameter<UUID>)
    case visit(Parameter<UUID>, VisitAnswer)
    case deliveryPickedUp(Parameter<UUID>)
    case poster(Parameter<String>)
    case posterCategory(Parameter<String>, Parameter<String>)
    case registrationStatus(Parameter<String>)
    case landlord
    case tenancy(Parameter<UUID>, TenancyAction)
    /// A landlord reports a tenant himself.
    case landlordTenancies
    /// A stay's lease photo, for the office and the landlord.
    case tenancyProof(Parameter<UUID>)
    case agency(AgencyRoute)

    // Health, police and exports.
    case feverCases
    case feverCase(Parameter<UUID>, FeverCaseRoute)
    case health(HealthRoute)
    case police(PoliceRoute)
    case spotCheckPhoto(Parameter<UUID>, Parameter<Int>)
    case exports(ExportsRoute)

    // Machines.
    case live(LiveFeed)
    case healthz
    /// The web app manifest: the gate installs on a phone's home screen.
    case manifest
    case metrics
    case api(APIURL)
}
