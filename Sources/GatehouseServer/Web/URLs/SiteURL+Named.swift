extension SiteURL {
    /// The address a view names: the case's name, then its variables and sub-route words in the order of the case.
    init(named name: String, _ a: inout URLArguments) throws {
        switch name {
        case "home": self = .home
        case "login": self = .login
        case "logout": self = .logout
        case "register": self = .register
        case "operatorCard": self = .operatorCard
        case "account": self = .account(try a.route())
        case "language": self = .language(try a.text())
        case "admin": self = .admin(try a.route())
        case "user": self = .user(try a.id(), try a.route())
        case "community": self = .community(try a.id(), try a.route())
        case "checkpoint": self = .checkpoint(try a.id(), try a.route())
        case "revokeDevice": self = .revokeDevice(try a.id())
        case "household": self = .household(try a.id(), try a.route())
        case "resident": self = .resident(try a.id(), try a.id(), try a.route())
        case "pass": self = .pass(try a.id(), try a.text())
        case "registration": self = .registration(try a.id(), try a.route())
        case "registrationProposal": self = .registrationProposal(try a.id(), try a.route())
        case "returneeCheckIn": self = .returneeCheckIn(try a.id())
        case "checkInFeverCase": self = .checkInFeverCase(try a.id())
        case "quarantineOrder": self = .quarantineOrder(try a.id(), try a.route())
        case "facilityStatus": self = .facilityStatus(try a.id())
        case "revokePoliceGrant": self = .revokePoliceGrant(try a.id())
        case "gate": self = .gate(try a.route())
        case "records": self = .records
        case "record": self = .record(try a.id())
        case "recordPhoto": self = .recordPhoto(try a.id())
        case "recordReviewed": self = .recordReviewed(try a.id())
        case "disinfectionLog": self = .disinfectionLog(try a.id())
        case "rosterMemberLeave": self = .rosterMemberLeave(try a.id())
        case "disinfectionSchedule": self = .disinfectionSchedule(try a.id(), try a.route())
        case "supplyDelivered": self = .supplyDelivered(try a.id())
        case "me": self = .me(try a.route())
        case "myPass": self = .myPass(try a.id())
        case "visit": self = .visit(try a.id(), try a.route())
        case "deliveryPickedUp": self = .deliveryPickedUp(try a.id())
        case "poster": self = .poster(try a.text())
        case "posterCategory": self = .posterCategory(try a.text(), try a.text())
        case "registrationStatus": self = .registrationStatus(try a.text())
        case "landlord": self = .landlord
        case "tenancy": self = .tenancy(try a.id(), try a.route())
        case "landlordTenancies": self = .landlordTenancies
        case "tenancyProof": self = .tenancyProof(try a.id())
        case "agency": self = .agency(try a.route())
        case "feverCases": self = .feverCases
        case "feverCase": self = .feverCase(try a.id(), try a.route())
        case "health": self = .health(try a.route())
        case "police": self = .police(try a.route())
        case "spotCheckPhoto": self = .spotCheckPhoto(try a.id(), try a.number())
        case "exports": self = .exports(try a.route())
        case "live.checkpoint": self = .live(.checkpoint(try a.id()))
        case "live.community": self = .live(.community(try a.id()))
        case "live.me": self = .live(.me)
        case "live.feverCases": self = .live(.feverCases)
        case "healthz": self = .healthz
        case "manifest": self = .manifest
        case "metrics": self = .metrics
        default:
            guard name.hasPrefix("api.") else { throw SiteURLNameError.unknownName(name) }
            self = .api(try APIURL(named: String(name.dropFirst(4)), &a))
        }
    }
}
