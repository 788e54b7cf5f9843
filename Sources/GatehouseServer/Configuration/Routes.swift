import Vapor

/// Every route of the server, in one place.
enum Routes {
    static func register(_ app: Application) throws {
        try app.register(collection: HealthController())

        let api = app.grouped("api", "v1")
        try api.register(collection: OpenAPIController())
        try api.register(collection: TokenController())
        RegistrationController.registerAPI(api)
        try api.register(collection: CardReadController())
        api.get("pass-keys", use: PassAPIController.passKeys)
        api.get("household-import-template.csv", use: HouseholdAPIController.template)
        api.get("divisions", use: RegistrationAPIController.divisions)
        let authedAPI = api.grouped(BearerTokenAuthenticator(), CSRFMiddleware(onlyForSessions: true))
        try authedAPI.register(collection: CommunityAPIController())
        try authedAPI.register(collection: PassageAPIController())
        try authedAPI.register(collection: PassAPIController())
        try authedAPI.register(collection: HouseholdAPIController())
        try authedAPI.register(collection: QuarantineAPIController())
        try authedAPI.register(collection: FeverCaseAPIController())
        try authedAPI.register(collection: RegistrationAPIController())

        let web = app.grouped(CSRFMiddleware())
        try web.register(collection: LanguageController())
        try web.register(collection: LoginController())
        try web.register(collection: RegistrationController())
        try web.register(collection: AdminController())
        try web.register(collection: AccountController())
        try web.register(collection: LiveController())
        try web.register(collection: GateController())
        try web.register(collection: CommunityGateSettingsController())
        try web.register(collection: HouseholdPagesController())
        try web.register(collection: ResidentPagesController())
        try web.register(collection: SelfRegistrationController())
        try web.register(collection: RegistrationPagesController())
        try web.register(collection: RentalPagesController())
        try web.register(collection: FacilityPagesController())
        try web.register(collection: ShiftController())
        try web.register(collection: DisinfectionController())
        try web.register(collection: ReturneeMonitorController())
        try web.register(collection: SupplyController())
        try web.register(collection: QuarantineController())
        try web.register(collection: FeverCaseController())
        try web.register(collection: HealthDeskController())
    }
}
