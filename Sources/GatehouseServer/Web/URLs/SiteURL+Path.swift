import Vapor

extension SiteURL {
    /// The path's parts, in order: the one place that spells each address.
    var segments: [PathSegment] {
        switch self {
        case .home: []
        case .login: words("login")
        case .logout: words("logout")
        case .register: words("register")
        case .operatorCard: words("operator")
        case .account(let route): words("account", route.rawValue)
        case .language(let code): words("lang") + [.variable("code", code)]

        case .admin(let route): words("admin", route.rawValue)
        case .user(let id, let action): words("admin/users") + [.variable("userID", id)] + words(action.rawValue)
        case .community(let id, let route):
            words("admin/communities") + [.variable(SiteURL.communityKey, id)] + words(route.rawValue)
        case .checkpoint(let id, let action):
            words("admin/checkpoints") + [.variable("checkpointID", id)] + words(action.rawValue)
        case .revokeDevice(let id): words("admin/devices") + [.variable("deviceID", id)] + words("revoke")
        case .household(let id, let route):
            words("admin/households") + [.variable("householdID", id)] + words(route.rawValue)
        case .resident(let household, let resident, let action):
            words("admin/households") + [.variable("householdID", household)] + words("residents")
                + [.variable("residentID", resident)] + words(action.rawValue)
        case .pass(let id, let action): words("admin/passes") + [.variable("passID", id), .variable("action", action)]
        case .registration(let id, let decision):
            words("admin/registrations") + [.variable("registrationID", id)] + words(decision.rawValue)
        case .registrationProposal(let id, let decision):
            words("admin/registration-proposals") + [.variable("proposalID", id)] + words(decision.rawValue)
        case .returneeCheckIn(let id): words("admin/returnee-reports") + [.variable("reportID", id)] + words("check-ins")
        case .checkInFeverCase(let id): words("admin/returnee-check-ins") + [.variable("checkInID", id)] + words("fever-case")
        case .quarantineOrder(let id, let action):
            words("admin/quarantine-orders") + [.variable("orderID", id)] + words(action.rawValue)
        case .facilityStatus(let id): words("admin/facilities") + [.variable("facilityID", id)] + words("status")
        case .revokePoliceGrant(let id): words("admin/police-grants") + [.variable("grantID", id)] + words("revoke")

        case .gate(let route): words("gate", route.rawValue)
        case .records: words("records")
        case .record(let id): words("records") + [.variable("passageID", id)]
        case .recordPhoto(let id): words("records") + [.variable("passageID", id)] + words("photo")
        case .recordReviewed(let id): words("records") + [.variable("passageID", id)] + words("reviewed")
        case .disinfectionLog(let id): words("disinfection") + [.variable("scheduleID", id)] + words("log")
        case .rosterMemberLeave(let id): words("admin/roster-members") + [.variable("memberID", id)] + words("leave")
        case .disinfectionSchedule(let id, let action):
            words("admin/disinfection-schedules") + [.variable("scheduleID", id)] + words(action.rawValue)
        case .supplyDelivered(let id): words("supplies") + [.variable("requestID", id)] + words("delivered")

        case .me(let route): words("me", route.rawValue)
        case .myPass(let id): words("me/passes") + [.variable("passID", id)]
        case .visit(let id, let answer): words("me/visits") + [.variable("visitID", id)] + words(answer.rawValue)
        case .deliveryPickedUp(let id): words("me/deliveries") + [.variable("deliveryID", id)] + words("picked-up")
        case .poster(let poster): words("r") + [.variable("poster", poster)]
        case .posterCategory(let poster, let category):
            words("r") + [.variable("poster", poster), .variable("category", category)]
        case .registrationStatus(let token): words("r/s") + [.variable("token", token)]
        case .landlord: words("landlord")
        case .tenancy(let id, let action): words("landlord/tenancies") + [.variable("tenancyID", id)] + words(action.rawValue)
        case .landlordTenancies: words("landlord/tenancies")
        case .tenancyProof(let id): words("admin/tenancies") + [.variable("tenancyID", id)] + words("proof")
        case .agency(let route): words("agency", route.rawValue)

        case .feverCases: words("fever-cases")
        case .feverCase(let id, let route): words("fever-cases") + [.variable("caseID", id)] + words(route.rawValue)
        case .health(let route): words("health", route.rawValue)
        case .police(let route): words("police", route.rawValue)
        case .spotCheckPhoto(let id, let index):
            words("spot-checks") + [.variable("checkID", id)] + words("photos") + [.variable("index", index)]
        case .exports(let route): words("exports", route.rawValue)

        case .live(let feed): words("live") + feed.segments
        case .healthz: words("healthz")
        case .manifest: words("manifest.json")
        case .metrics: words("metrics")
        case .api(let api): words(Self.apiRoot) + api.segments
        }
    }

    /// The path to link or redirect to, `/admin/communities/…/households`; a route's pattern when a part is `.key`.
    var path: String { "/" + segments.map(\.text).joined(separator: "/") }

    /// The path components a route is registered with.
    var pathComponents: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .fixed(let word): .constant(word)
            case .variable(let name, _): .parameter(name)
            }
        }
    }
}

/// Fixed words of a path, each `/`-separated part one segment; empty parts (a sub-route's root) add none.
func words(_ parts: String...) -> [PathSegment] {
    parts.flatMap { $0.split(separator: "/").map { .fixed(String($0)) } }
}
