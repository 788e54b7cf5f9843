extension APIURL {
    /// The API address a view or script names as `api.<case>`, with the case's variables and sub-route words.
    init(named name: String, _ a: inout URLArguments) throws {
        switch name {
        case "openAPI": self = .openAPI
        case "authToken": self = .authToken
        case "authLogout": self = .authLogout
        case "operatorRegistration": self = .operatorRegistration
        case "cardReads": self = .cardReads
        case "passKeys": self = .passKeys
        case "householdImportTemplate": self = .householdImportTemplate
        case "divisions": self = .divisions
        case "me": self = .me
        case "communities": self = .communities
        case "community": self = .community(try a.id(), try a.route())
        case "household": self = .household(try a.id(), try a.route())
        case "passages": self = .passages
        case "passageBatch": self = .passageBatch
        case "gateSnapshot": self = .gateSnapshot(try a.id())
        case "passage": self = .passage(try a.id(), try a.route())
        case "peopleLookup": self = .peopleLookup
        case "passes": self = .passes(try a.route())
        case "pass": self = .pass(try a.id(), try a.route())
        case "quarantineOrder": self = .quarantineOrder(try a.id(), try a.route())
        case "feverCases": self = .feverCases
        case "feverCase": self = .feverCase(try a.id(), try a.route())
        case "rollup": self = .rollup
        case "passageExport": self = .passageExport
        case "contactTraces": self = .contactTraces
        case "registrationScan": self = .registrationScan
        case "registration": self = .registration(try a.id(), try a.route())
        default: throw SiteURLNameError.unknownName("api." + name)
        }
    }
}
