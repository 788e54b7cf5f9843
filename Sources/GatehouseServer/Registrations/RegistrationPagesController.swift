import Fluent
import GatehouseCore
import Vapor

/// The community office's self-registration pages: the overview (pass applications, visitors inside, parcels,
/// returnees, pickup settings) and each gate's printable poster.
struct RegistrationPagesController: RouteCollection {
    struct OverviewPage: Encodable {
        let page: PageContext
        let community: CommunityHeading
        let overview: RegistrationOverview
        /// Registrations operators proposed at the gate, waiting for the office's check.
        let proposals: [RegistrationProposals.Row]
        /// The community's households, for choosing where a proposed person lives.
        let householdLabels: [String]
        let settings: Settings
        let errors: FieldErrors
    }

    struct Settings: Content {
        var pickupPoint: String?
        var pickupSlotMinutes: Int?
        var pickupSlotCapacity: Int?
        var returneeMonitoringDays: Int?
    }

    struct PosterPage: Encodable {
        let page: PageContext
        let communityName: String
        let gateName: String
        let url: String
        let qrSVG: String
        /// The community's retention period, as its privacy page sets it.
        let retentionDays: Int
    }

    struct RejectForm: Content { var reason: String? }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.community(.key, .registrations), use: overview)
        routes.post(.community(.key, .registrationSettings), use: saveSettings)
        routes.post(.registration(.key, .approve), use: approve)
        routes.post(.registration(.key, .reject), use: reject)
        routes.post(.registrationProposal(.key, .confirm), use: confirmProposal)
        routes.post(.registrationProposal(.key, .reject), use: rejectProposal)
        routes.get(.checkpoint(.key, .poster), use: poster)
        routes.post(.community(.key, .rentalAccounts), use: createRentalAccount)
    }

    /// A landlord's or rental agency's account in this community; a landlord's homes (by the phone the office
    /// recorded) are linked to it at once.
    func createRentalAccount(req: Request) async throws -> Response {
        let (admin, community) = try await req.community(.communityAdmin, .districtAdmin)
        var input = try req.content.decode(AccountCreation.Input.self)
        if ![Role.landlord.rawValue, Role.agency.rawValue].contains(input.role ?? "") { input.role = nil }
        do {
            let user = try await AccountCreation(services: req.gatehouse, db: req.db).create(
                input, placement: (community.districtID, community.$subdistrict.id, community.id), createdBy: admin.id,
                language: req.language, hasher: req.password.async)
            if user.roleValue == .landlord, let index = user.phoneIndex {
                for home in try await Household.query(on: req.db).filter(\.$communityID == community.id!).filter(\.$landlordPhoneIndex == index).all() {
                    home.landlordUserID = user.id
                    try await home.save(on: req.db)
                }
            }
            return try await render(req, community, errors: [:], status: .ok,
                                    notice: Strings.text("account_created", req.language) + " " + user.username)
        } catch let invalid as OperatorRegistration.Invalid {
            return try await render(req, community, errors: Dictionary(uniqueKeysWithValues: invalid.errors.map { ("account_" + $0.key, $0.value) }), status: .unprocessableEntity)
        }
    }

    private func community(_ req: Request, id: UUID?) async throws -> (User, Community) {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        return (user, try await AccessScope(user).community(id, on: req.db))
    }

    struct ProposalForm: Content { var householdLabel: String?; var reason: String? }

    /// The office confirms an operator's proposal into a household.
    func confirmProposal(req: Request) async throws -> Response {
        try await decideProposal(req) { proposals, id, community, form, admin in
            try await proposals.confirm(id, community: community, householdLabel: form.householdLabel, by: admin)
        }
    }

    /// The office rejects an operator's proposal, with its reason.
    func rejectProposal(req: Request) async throws -> Response {
        try await decideProposal(req) { proposals, id, community, form, admin in
            try await proposals.reject(id, community: community, reason: form.reason, by: admin)
        }
    }

    private func decideProposal(_ req: Request,
                                _ decide: (RegistrationProposals, UUID?, Community, ProposalForm, UUID) async throws -> Void) async throws -> Response {
        let id = req.parameters.get("proposalID", as: UUID.self)
        guard let id, let proposal = try await RegistrationProposal.find(id, on: req.db) else { throw AppError.notFound }
        let (admin, community) = try await community(req, id: proposal.communityID)
        let form = try req.content.decode(ProposalForm.self)
        do {
            try await decide(RegistrationProposals(services: req.gatehouse, db: req.db), id, community, form, try admin.requireID())
        } catch let e as AppError where e.status == .unprocessableEntity || e.status == .conflict {
            return try await render(req, community, errors: ["proposal": e.message.text(for: req.language.rawValue)], status: e.status)
        }
        return req.redirect(to: .community(.value(community.id!), .registrations))
    }

    func overview(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        return try await render(req, community, errors: [:], status: .ok)
    }

    private func render(_ req: Request, _ community: Community, errors: FieldErrors, status: HTTPStatus, notice: String? = nil) async throws -> Response {
        let overview = try await RegistrationOverview.load(community, services: req.gatehouse, language: req.language, on: req.db)
        let settings = Settings(pickupPoint: community.pickupPoint ?? DeliveryLog.defaultPickupPoint.text(for: req.language.rawValue),
                                pickupSlotMinutes: community.pickupSlotMinutes, pickupSlotCapacity: community.pickupSlotCapacity,
                                returneeMonitoringDays: community.returneeMonitoringDays)
        return try await req.view.render("registrations/registrations", OverviewPage(
            page: PageContext(req, title: Strings.text("registrations", req.language), notice: notice), community: CommunityHeading(community),
            overview: overview,
            proposals: try await RegistrationProposals(services: req.gatehouse, db: req.db).list(community: community.id!),
            householdLabels: try await Household.query(on: req.db).filter(\.$communityID == community.id!).sort(\.$label).limit(5000).all().map(\.label),
            settings: settings, errors: errors)).encodeResponse(status: status, for: req)
    }

    func saveSettings(req: Request) async throws -> Response {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        let form = try req.content.decode(Settings.self)
        let lang = req.language.rawValue
        var errors: FieldErrors = [:]
        let point = form.pickupPoint?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if point.isEmpty || point.count > 40 { errors["pickupPoint"] = LocalizedText(zh: "请填写取件点（40字以内）", en: "Name the pickup point (at most 40 characters)").text(for: lang) }
        let minutes = form.pickupSlotMinutes ?? 0
        if ![10, 15, 20, 30, 60].contains(minutes) { errors["pickupSlotMinutes"] = LocalizedText(zh: "时段长度可选10、15、20、30或60分钟", en: "Choose 10, 15, 20, 30 or 60 minutes").text(for: lang) }
        let capacity = form.pickupSlotCapacity ?? 0
        if !(1...200).contains(capacity) { errors["pickupSlotCapacity"] = LocalizedText(zh: "每时段户数应为1至200", en: "From 1 to 200 households").text(for: lang) }
        let days = form.returneeMonitoringDays ?? 0
        if !(1...28).contains(days) { errors["returneeMonitoringDays"] = LocalizedText(zh: "监测天数应为1至28天", en: "From 1 to 28 days").text(for: lang) }
        guard errors.isEmpty else { return try await render(req, community, errors: errors, status: .unprocessableEntity) }
        community.pickupPoint = point
        community.pickupSlotMinutes = minutes
        community.pickupSlotCapacity = capacity
        community.returneeMonitoringDays = days
        try await community.save(on: req.db)
        return req.redirect(to: .community(.value(community.id!), .registrations))
    }

    private func application(_ req: Request) async throws -> (User, SelfRegistration) {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        guard let r = try await SelfRegistration.find(req.parameters.get("registrationID", as: UUID.self), on: req.db) else { throw AppError.notFound }
        _ = try await AccessScope(user).community(r.communityID, on: req.db)
        return (user, r)
    }

    func approve(req: Request) async throws -> Response {
        let (user, r) = try await application(req)
        _ = try await PassApplicationReview(services: req.gatehouse, db: req.db).approve(r, by: try user.requireID())
        return req.redirect(to: .community(.value(r.communityID), .registrations))
    }

    func reject(req: Request) async throws -> Response {
        let (user, r) = try await application(req)
        let form = try req.content.decode(RejectForm.self)
        do {
            try await PassApplicationReview(services: req.gatehouse, db: req.db).reject(r, reason: form.reason, by: try user.requireID())
        } catch let error as AppError where error.code == "reason_required" {
            let community = try await community(req, id: r.communityID).1
            return try await render(req, community, errors: ["reason": error.message.text(for: req.language.rawValue)], status: .unprocessableEntity)
        }
        return req.redirect(to: .community(.value(r.communityID), .registrations))
    }

    /// An A4 poster: the gate's self-registration QR, the community, the rules and what the data is for.
    func poster(req: Request) async throws -> View {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        guard let gate = try await Checkpoint.find(req.parameters.get("checkpointID", as: UUID.self), on: req.db) else { throw AppError.notFound }
        let community = try await AccessScope(user).community(gate.$community.id, on: req.db)
        let url = Self.baseURL(req) + SiteURL.poster(.value(gate.registrationCode ?? "")).path
        return try await req.view.render("registrations/poster", PosterPage(
            page: PageContext(req, title: Strings.text("poster", req.language)), communityName: community.name, gateName: gate.name,
            url: url, qrSVG: QRPass.inlineSVG(token: url, moduleSize: 8), retentionDays: community.retentionDays))
    }

    /// `GATEHOUSE_PUBLIC_URL`, or the address the admin reached this server at.
    static func baseURL(_ req: Request) -> String {
        if let configured = req.gatehouse.configuration.publicURL { return configured }
        let scheme = req.headers.first(name: "X-Forwarded-Proto") == "https" ? "https" : "http"
        let host = req.headers.first(name: .host) ?? "\(req.gatehouse.configuration.hostname):\(req.gatehouse.configuration.port)"
        return scheme + "://" + host
    }
}
