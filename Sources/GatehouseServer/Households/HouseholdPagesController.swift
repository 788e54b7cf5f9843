import Fluent
import GatehouseCore
import Vapor

/// The community office's household pages: the list with import and settings, one household with its passes,
/// and the printable A4 sheet of household passes.
struct HouseholdPagesController: RouteCollection {
    struct ListPage: Encodable {
        let page: PageContext
        let community: CommunityHeading
        let households: [HouseholdSummary]
        let search: String
        let quota: QuotaValues
        let passValidityDays: Int
        let errors: FieldErrors
        let stringsJSON: String
        /// What the last import did (`?imported=rows-households-created-updated`), said until the office dismisses it.
        let imported: String?
    }

    struct QuotaValues: Encodable {
        let enabled: Bool
        let perPerson: Bool
        let exits: Int
        let days: Int
        let fromHour: Int
        let toHour: Int
    }

    struct HouseholdPage: Encodable {
        let page: PageContext
        let household: Household.Public
        let members: [HouseholdMember]
        let passes: [PassView]
        let errors: FieldErrors
        /// Home quarantine orders of the household, newest first (the open one, if any, is first).
        let quarantineOrders: [QuarantineBoard.Past]
        let quarantineOpen: Bool
        let quarantineForm: QuarantineOrderInput
        /// One member's full data, shown once after a stated reason (audited).
        let revealed: Revealed?
    }

    struct Revealed: Encodable {
        let residentId: UUID
        let name: String
        let idNumber: String?
        let phone: String?
        let address: String?

        init(residentId: UUID, person: PersonReveal) {
            self.residentId = residentId
            name = person.name
            idNumber = person.idNumber
            phone = person.phone
            address = person.address
        }
    }

    struct SheetPage: Encodable {
        struct Card: Encodable {
            let householdLabel: String
            let kindLabel: String
            let shortCode: String
            let validUntil: String
            let qrSVG: String
        }
        let page: PageContext
        let communityName: String
        let cards: [Card]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.community(.key, .households), use: list)
        routes.post(.community(.key, .householdPasses), use: issueMissing)
        routes.post(.community(.key, .passSettings), use: saveSettings)
        routes.get(.community(.key, .passSheet), use: sheet)
        routes.get(.household(.key, .overview), use: household)
        routes.post(.household(.key, .quarantine), use: quarantine)
        routes.post(.household(.key, .passes), use: issue)
        routes.post(.resident(.key, .key, .login), use: createLogin)
        routes.post(.resident(.key, .key, .reveal), use: reveal)
        routes.post(.pass(.key, .key), use: passAction)
    }

    func list(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin)
        return try await renderList(req, user: user, community: community, errors: [:], status: .ok)
    }

    /// The sentence for `?imported=rows-households-created-updated` (four numbers; anything else says nothing).
    static func importSummary(_ req: Request) -> String? {
        guard let text = try? req.query.get(String.self, at: "imported") else { return nil }
        let n = text.split(separator: "-").compactMap { Int($0) }
        guard n.count == 4, text.count <= 40 else { return nil }
        return req.language == .en
            ? "Import done: \(n[0]) rows, \(n[1]) new households, \(n[2]) new residents, \(n[3]) updated"
            : "导入完成：共\(n[0])行，新增住户\(n[1])户，新增人员\(n[2])人，更新\(n[3])人"
    }

    private func renderList(_ req: Request, user: User, community: Community, errors: FieldErrors, status: HTTPStatus,
                            notice: String? = nil) async throws -> Response {
        let search = (try? req.query.get(String.self, at: "q")) ?? ""
        let households = try await HouseholdSummary.list(community: community.id!, search: search, limit: 500,
                                                         now: req.gatehouse.clock.now(), on: req.db)
        let q = community.outingQuota
        let page = ListPage(page: PageContext(req, title: Strings.text("households", req.language), notice: notice),
                            community: CommunityHeading(community), households: households, search: search,
                            quota: QuotaValues(enabled: q != nil, perPerson: q?.scope == .person, exits: q?.exits ?? 1,
                                               days: q?.days ?? 2, fromHour: q?.fromHour ?? 8, toHour: q?.toHour ?? 18),
                            passValidityDays: community.passValidityDays, errors: errors, stringsJSON: Strings.json(req.language, forScripts: ["households.js"]),
                            imported: Self.importSummary(req))
        return try await req.view.render("households/households", page).encodeResponse(status: status, for: req)
    }

    func issueMissing(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin)
        let issued = try await HouseholdPassIssuing(services: req.gatehouse, db: req.db).issueMissing(community: community.id!, by: try user.requireID())
        let notice = req.language == .en ? "\(issued.count) household passes issued" : "已发放\(issued.count)张家庭通行证"
        return try await renderList(req, user: user, community: community, errors: [:], status: .ok, notice: notice)
    }

    struct SettingsForm: Content {
        var quotaEnabled: String?
        var quotaScope: String?
        var exits: Int?
        var days: Int?
        var fromHour: Int?
        var toHour: Int?
        var passValidityDays: Int?
    }

    func saveSettings(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.communityAdmin, .districtAdmin)
        let form = try req.content.decode(SettingsForm.self)
        do {
            community.outingQuota = try OutingQuotaForm.quota(enabled: form.quotaEnabled == "1", scope: form.quotaScope, exits: form.exits,
                                                              days: form.days, fromHour: form.fromHour, toHour: form.toHour)
            if let days = form.passValidityDays {
                guard (1...366).contains(days) else {
                    throw AppError(.unprocessableEntity, "invalid_validity", zh: "有效天数为1至366天", en: "Validity is 1 to 366 days")
                }
                community.passValidityDays = days
            }
        } catch let e as AppError {
            return try await renderList(req, user: user, community: community, errors: ["settings": e.message.text(for: req.language.rawValue)],
                                        status: e.status)
        }
        try await community.save(on: req.db)
        return try await renderList(req, user: user, community: community, errors: [:], status: .ok, notice: Strings.text("saved", req.language))
    }

    func sheet(req: Request) async throws -> View {
        let (_, community) = try await req.community(.communityAdmin, .districtAdmin)
        let now = req.gatehouse.clock.now()
        let passes = try await Pass.query(on: req.db).filter(\.$communityID == community.id!).filter(\.$kind == PassKind.household.code)
            .filter(\.$status == Pass.Status.active.rawValue).filter(\.$expiresAt > now).all()
        let views = try await PassViews(services: req.gatehouse, db: req.db, language: req.language).views(passes, withTokens: true)
            .sorted { $0.householdLabel < $1.householdLabel }
        let cards = views.map { v in
            SheetPage.Card(householdLabel: v.householdLabel, kindLabel: v.kindLabel, shortCode: v.shortCode, validUntil: v.expiresText,
                           qrSVG: QRPass.inlineSVG(token: v.token ?? "", moduleSize: 3))
        }
        return try await req.view.render("households/pass-sheet", SheetPage(
            page: PageContext(req, title: Strings.text("community_pass_sheet", req.language)), communityName: community.name, cards: cards))
    }

    func household(req: Request) async throws -> Response {
        let response = try await renderHousehold(req, errors: [:], status: .ok)
        if let user = req.auth.get(User.self), let id = req.parameters.get("householdID", as: UUID.self),
           let household = try await Household.find(id, on: req.db) {
            try await AuditLog(services: req.gatehouse, db: req.db).record(.viewHousehold, by: user, community: household.communityID,
                                                                           target: "householdID=\(id)", detail: "page")
        }
        return response
    }

    private func renderHousehold(_ req: Request, errors: FieldErrors, status: HTTPStatus, notice: String? = nil,
                                 quarantineForm: QuarantineOrderInput? = nil, revealed: Revealed? = nil) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        let household = try await HouseholdAccess.manage(req.parameters.get("householdID", as: UUID.self), for: user, on: req.db)
        let members = try await HouseholdMember.list(household, services: req.gatehouse, language: req.language, on: req.db)
        let passes = try await Pass.query(on: req.db).filter(\.$household.$id == household.id!).sort(\.$issuedAt, .descending).all()
        let views = try await PassViews(services: req.gatehouse, db: req.db, language: req.language).views(passes, withTokens: false)
        let orders = try await QuarantineBoard(services: req.gatehouse, db: req.db, language: req.language).history(household: household.id!)
        let open = try await QuarantineOrders(services: req.gatehouse, db: req.db).open(household: household.id!) != nil
        let today = req.gatehouse.today
        let minimum = try await Community.find(household.communityID, on: req.db)?.quarantineMinimumDays ?? 14
        let form = quarantineForm ?? QuarantineOrderInput(startsOn: today.description, endsOn: today.adding(days: minimum - 1).description)
        let page = HouseholdPage(page: PageContext(req, title: household.label, notice: notice), household: household.public,
                                 members: members, passes: views, errors: errors, quarantineOrders: orders, quarantineOpen: open,
                                 quarantineForm: form, revealed: revealed)
        return try await req.view.render("households/household", page).encodeResponse(status: status, for: req)
    }

    /// Puts the household under home medical observation (an order with its days, reason and who ordered it).
    func quarantine(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        let household = try await HouseholdAccess.manage(req.parameters.get("householdID", as: UUID.self), for: user, on: req.db)
        let input = try req.content.decode(QuarantineOrderInput.self)
        do {
            try await QuarantineOrders(services: req.gatehouse, db: req.db).order(household, input, by: try user.requireID())
        } catch let e as AppError {
            return try await renderHousehold(req, errors: ["quarantine": e.message.text(for: req.language.rawValue)], status: e.status,
                                             quarantineForm: input)
        }
        return req.redirect(to: .household(.value(household.id!), .overview))
    }

    func issue(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        let household = try await HouseholdAccess.manage(req.parameters.get("householdID", as: UUID.self), for: user, on: req.db)
        do {
            _ = try await req.content.decode(PassIssueRequest.self)
                .issue(for: household, services: req.gatehouse, db: req.db, by: try user.requireID())
        } catch let e as AppError {
            return try await renderHousehold(req, errors: ["pass": e.message.text(for: req.language.rawValue)], status: e.status)
        }
        return req.redirect(to: .household(.value(household.id!), .overview))
    }

    func passAction(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        let pass = try await HouseholdAccess.managePass(req.parameters.get("passID", as: UUID.self), for: user, on: req.db)
        let service = PassService(services: req.gatehouse, db: req.db)
        struct Form: Decodable { let reason: String? }
        let reason = (try? req.content.decode(Form.self))?.reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            // Suspending or revoking a household's pass stops its people at the gate: the office says why.
            if ["suspend", "revoke"].contains(req.parameters.get("action") ?? ""), (reason ?? "").count < 2 {
                throw AppError(.unprocessableEntity, "reason_required", zh: "请填写暂停或作废的理由（2至100字）", en: "Give the reason (2 to 100 characters)")
            }
            switch req.parameters.get("action") {
            case "suspend": try await service.change(pass, to: .suspended, reason: reason, by: try user.requireID())
            case "resume": try await service.change(pass, to: .active, reason: reason, by: try user.requireID())
            case "revoke": try await service.change(pass, to: .revoked, reason: reason, by: try user.requireID())
            case "reissue": _ = try await service.reissue(pass, by: try user.requireID())
            default: throw AppError.notFound
            }
        } catch let e as AppError where e.status != .notFound {
            req.parameters.set("householdID", to: pass.$household.id.uuidString)
            return try await renderHousehold(req, errors: ["pass": e.message.text(for: req.language.rawValue)], status: e.status)
        }
        return req.redirect(to: .household(.value(pass.$household.id), .overview))
    }

    /// Shows one member's full ID number, phone and card address after a stated reason; every reveal is audited.
    func reveal(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        let household = try await HouseholdAccess.manage(req.parameters.get("householdID", as: UUID.self), for: user, on: req.db)
        guard let rid = req.parameters.get("residentID", as: UUID.self), let resident = try await Resident.find(rid, on: req.db),
              resident.$household.id == household.id, let person = try await Person.find(resident.$person.id, on: req.db) else {
            throw AppError.notFound
        }
        guard let reason = PersonReveal.reason(of: req) else {
            return try await renderHousehold(req, errors: ["reveal": Strings.text("reveal_reason_required", req.language)],
                                             status: .unprocessableEntity)
        }
        let revealed = try await PersonReveal.open(person, reason: reason, by: user, community: household.communityID,
                                                   target: "householdID=\(household.id!),residentID=\(rid),personID=\(person.id!)",
                                                   services: req.gatehouse, db: req.db)
        return try await renderHousehold(req, errors: [:], status: .ok, revealed: Revealed(residentId: rid, person: revealed))
    }

    func createLogin(req: Request) async throws -> Response {
        let user = try req.requireUser(.communityAdmin, .districtAdmin)
        let household = try await HouseholdAccess.manage(req.parameters.get("householdID", as: UUID.self), for: user, on: req.db)
        guard let rid = req.parameters.get("residentID", as: UUID.self), let resident = try await Resident.find(rid, on: req.db),
              resident.$household.id == household.id, resident.userID == nil,
              let person = try await Person.find(resident.$person.id, on: req.db) else { throw AppError.notFound }
        struct Form: Decodable { let username: String?; let password: String? }
        let form = try req.content.decode(Form.self)
        let name = person.nameSealed.flatMap { try? req.gatehouse.sealer.open($0, context: "person.name") } ?? ""
        let phone = person.phoneSealed.flatMap { try? req.gatehouse.sealer.open($0, context: "person.phone") }
        do {
            let account = try await AccountCreation(services: req.gatehouse, db: req.db).create(
                .init(username: form.username ?? "", password: form.password ?? "", name: name, phone: phone, role: Role.resident.rawValue),
                placement: (nil, nil, household.communityID),
                createdBy: user.id, language: req.language, hasher: req.password.async)
            let community = try await Community.find(household.communityID, on: req.db)
            account.districtID = community?.districtID
            account.subdistrictID = community?.$subdistrict.id
            try await account.save(on: req.db)
            resident.userID = account.id
            try await resident.save(on: req.db)
        } catch let invalid as OperatorRegistration.Invalid {
            return try await renderHousehold(req, errors: Dictionary(uniqueKeysWithValues: invalid.errors.map { ("login_" + $0.key, $0.value) }), status: .unprocessableEntity)
        }
        return try await renderHousehold(req, errors: [:], status: .ok, notice: Strings.text("saved", req.language))
    }
}
