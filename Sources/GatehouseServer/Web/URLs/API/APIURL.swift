import Foundation

/// The addresses under `/api/v1/`, as `SiteURL.api(…)`; `openapi.json` describes each.
enum APIURL {
    case openAPI
    case authToken
    case authLogout
    case operatorRegistration
    case cardReads
    case passKeys
    case householdImportTemplate
    case divisions
    case me
    case communities
    case community(Parameter<UUID>, CommunityRoute)
    case household(Parameter<UUID>, HouseholdRoute)
    case passages
    case passageBatch
    case gateSnapshot(Parameter<UUID>)
    case passage(Parameter<UUID>, PassageRoute)
    case peopleLookup
    case passes(PassesRoute)
    case pass(Parameter<UUID>, PassRoute)
    case quarantineOrder(Parameter<UUID>, SiteURL.QuarantineOrderAction)
    case feverCases
    case feverCase(Parameter<UUID>, FeverCaseRoute)
    case rollup
    case passageExport
    case contactTraces
    case registrationScan
    case registration(Parameter<UUID>, RegistrationAction)

    var segments: [PathSegment] {
        switch self {
        case .openAPI: words("openapi.json")
        case .authToken: words("auth/token")
        case .authLogout: words("auth/logout")
        case .operatorRegistration: words("operators/register")
        case .cardReads: words("id-card-reads")
        case .passKeys: words("pass-keys")
        case .householdImportTemplate: words("household-import-template.csv")
        case .divisions: words("divisions")
        case .me: words("me")
        case .communities: words("communities")
        case .community(let id, let route): words("communities") + [.variable(SiteURL.communityKey, id)] + words(route.rawValue)
        case .household(let id, let route): words("households") + [.variable("householdID", id)] + words(route.rawValue)
        case .passages: words("passages")
        case .passageBatch: words("passages/batch")
        case .gateSnapshot(let id): words("checkpoints") + [.variable("checkpointID", id)] + words("offline-snapshot")
        case .passage(let id, let route): words("passages") + [.variable("passageID", id)] + words(route.rawValue)
        case .peopleLookup: words("people/lookup")
        case .passes(let route): words("passes", route.rawValue)
        case .pass(let id, let route): words("passes") + [.variable("passID", id)] + words(route.rawValue)
        case .quarantineOrder(let id, let action): words("quarantine-orders") + [.variable("orderID", id)] + words(action.rawValue)
        case .feverCases: words("fever-cases")
        case .feverCase(let id, let route): words("fever-cases") + [.variable("caseID", id)] + words(route.rawValue)
        case .rollup: words("rollup")
        case .passageExport: words("exports/passages")
        case .contactTraces: words("contact-traces")
        case .registrationScan: words("registrations/scan")
        case .registration(let id, let action):
            words("registrations") + [.variable("registrationID", id)] + words(action.rawValue)
        }
    }
}
