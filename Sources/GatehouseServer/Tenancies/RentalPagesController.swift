import Fluent
import GatehouseCore
import Vapor

/// Landlords and rental agencies: `/landlord` (declarations to confirm with a proof, tenants, the code to show at the
/// gate) and `/agency` (upload a tenant list for the landlords to confirm).
struct RentalPagesController: RouteCollection {
    struct LandlordPage: Encodable {
        let page: PageContext
        let code: String
        let codeQR: String
        let codeExpires: String
        let pending: [TenancyRow]
        let decided: [TenancyRow]
        let properties: [String]
        /// The homes a tenant can be reported into (id and label).
        let homes: [SelectOption]
        let errors: [String]
        /// The report form's values and its messages by field, after a refused report.
        let values: [String: String]
        let fieldErrors: [String: String]
    }

    struct AgencyPage: Encodable {
        let page: PageContext
        let created: Int?
        let problems: [HouseholdImport.Problem]
        /// Rows stored that the agency should check (an ID number whose division code exists in no year).
        var warnings: [HouseholdImport.Problem] = []
        /// What this agency submitted and what became of each row.
        let submitted: [RentalRegister.Row]
    }

    private func submitted(_ req: Request, by agency: User) async throws -> [RentalRegister.Row] {
        guard let community = agency.communityID else { return [] }
        return try await RentalRegister(services: req.gatehouse, db: req.db, language: req.language).build(community: community)
            .rows.filter { $0.reportedById == agency.id }
    }

    struct ProofForm: Content {
        var proof: File?
    }

    struct ReasonForm: Content { var reason: String? }

    struct MoveOutForm: Content { var moveOut: String? }

    struct ListForm: Content { var list: File? }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.landlord, use: landlord)
        routes.on(.POST, .tenancy(.key, .confirm), body: .collect(maxSize: "8mb"), use: confirm)
        routes.post(.tenancy(.key, .reject), use: reject)
        routes.get(.tenancy(.key, .pass), use: pass)
        routes.post(.tenancy(.key, .moveOut), use: moveOut)
        routes.post(.landlordTenancies, use: report)
        routes.get(.agency(.overview), use: agency)
        routes.on(.POST, .agency(.tenantList), body: .collect(maxSize: "4mb"), use: upload)
        routes.get(.agency(.tenantListTemplate), use: template)
    }

    func landlord(req: Request) async throws -> Response {
        let user = try req.requireUser(.landlord)
        return try await renderLandlord(req, user, errors: [], status: .ok)
    }

    private func renderLandlord(_ req: Request, _ user: User, errors: [String], status: HTTPStatus, values: [String: String] = [:],
                                fieldErrors: [String: String] = [:], notice: String? = nil) async throws -> Response {
        let service = TenancyService(services: req.gatehouse, db: req.db)
        let stays = try await service.tenancies(of: user)
        let households = try await Household.query(on: req.db).filter(\.$communityID == (user.communityID ?? UUID())).all()
        let labels = Dictionary(uniqueKeysWithValues: households.map { ($0.id!, $0.label) })
        let rows = stays.map { TenancyRow($0, householdLabel: labels[$0.householdID] ?? "", services: req.gatehouse, language: req.language) }
        let owned = households.filter { $0.landlordUserID == user.id || ($0.landlordPhoneIndex != nil && $0.landlordPhoneIndex == user.phoneIndex) }
            .sorted { $0.label < $1.label }
        let properties = owned.map(\.label)
        let code = try LandlordCode(services: req.gatehouse).make(for: user)
        let response = try await req.view.render("tenancies/landlord", LandlordPage(
            page: PageContext(req, title: Strings.text("landlord_page", req.language), notice: notice),
            code: code.code, codeQR: QRPass.inlineSVG(token: code.code, moduleSize: 4), codeExpires: ChinaTime.text(code.expiresAt, "HH:mm"),
            pending: rows.filter { $0.status == Tenancy.Status.pending.rawValue }, decided: rows.filter { $0.status != Tenancy.Status.pending.rawValue },
            properties: properties, homes: owned.map { SelectOption(value: $0.id!.uuidString, label: $0.label) }, errors: errors,
            values: values, fieldErrors: fieldErrors)).encodeResponse(status: status, for: req)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    private func tenancy(_ req: Request) async throws -> (User, Tenancy) {
        let user = try req.requireUser(.landlord)
        guard let t = try await Tenancy.find(req.parameters.get("tenancyID", as: UUID.self), on: req.db),
              t.landlordPhoneIndex == user.phoneIndex, t.communityID == user.communityID else { throw AppError.notFound }
        return (user, t)
    }

    func confirm(req: Request) async throws -> Response {
        let (user, t) = try await tenancy(req)
        let form = try req.content.decode(ProofForm.self)
        let proof = form.proof.map { Data(buffer: $0.data) }
        do {
            _ = try await TenancyService(services: req.gatehouse, db: req.db).confirm(t, landlord: user, proof: proof, via: "app")
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .payloadTooLarge {
            return try await renderLandlord(req, user, errors: [error.message.text(for: req.language.rawValue)],
                                            status: .unprocessableEntity)
        }
        return req.redirect(to: .landlord, fragment: "tenants")
    }

    func reject(req: Request) async throws -> Response {
        let (user, t) = try await tenancy(req)
        do {
            try await TenancyService(services: req.gatehouse, db: req.db).reject(t, landlord: user, reason: try req.content.decode(ReasonForm.self).reason)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await renderLandlord(req, user, errors: [error.message.text(for: req.language.rawValue)],
                                            status: .unprocessableEntity)
        }
        return req.redirect(to: .landlord)
    }

    func moveOut(req: Request) async throws -> Response {
        let (user, t) = try await tenancy(req)
        do {
            try await TenancyService(services: req.gatehouse, db: req.db).moveOut(t, landlord: user, on: try req.content.decode(MoveOutForm.self).moveOut)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await renderLandlord(req, user, errors: [error.message.text(for: req.language.rawValue)], status: .unprocessableEntity)
        }
        return req.redirect(to: .landlord, fragment: "tenants")
    }

    /// The landlord reports a tenant of one of his homes himself (the same checks as a tenant's own declaration); the
    /// stay then waits, like any other, for his confirmation with a proof photo.
    func report(req: Request) async throws -> Response {
        let user = try req.requireUser(.landlord)
        struct Form: Decodable { var household: String?; var name: String?; var idNumber: String?; var phone: String?
            var origin: String?; var moveIn: String?; var moveOut: String? }
        let form = try req.content.decode(Form.self)
        let values = ["household": form.household ?? "", "name": form.name ?? "", "idNumber": form.idNumber ?? "", "phone": form.phone ?? "",
                      "origin": form.origin ?? "", "moveIn": form.moveIn ?? "", "moveOut": form.moveOut ?? ""]
        let lang = req.language.rawValue
        guard let id = form.household.flatMap(UUID.init(uuidString:)), let household = try await Household.find(id, on: req.db),
              household.communityID == user.communityID,
              household.landlordUserID == user.id || (household.landlordPhoneIndex != nil && household.landlordPhoneIndex == user.phoneIndex) else {
            return try await renderLandlord(req, user, errors: [], status: .unprocessableEntity, values: values,
                                            fieldErrors: ["household": LocalizedText(zh: "请选择您的房屋", en: "Choose one of your homes").text(for: lang)])
        }
        let landlordPhone = user.phoneSealed.flatMap { try? req.gatehouse.sealer.open($0, context: "user.phone") } ?? ""
        var fields = values
        fields["building"] = household.building
        fields["unit"] = household.unit
        fields["room"] = household.room
        fields["villageGroup"] = household.villageGroup
        fields["houseNumber"] = household.houseNumber
        fields["landlordPhone"] = landlordPhone
        switch SelfRegistrationForm(today: req.gatehouse.today, divisions: req.gatehouse.divisions).check(.tenant, values: fields) {
        case .failure(let errors):
            return try await renderLandlord(req, user, errors: [], status: .unprocessableEntity, values: values,
                                            fieldErrors: errors.messages.mapValues { $0.text(for: lang) })
        case .success(let details):
            let stay = TenancyService(services: req.gatehouse, db: req.db)
                .pending(details, household: household, source: "landlord", reportedBy: try user.requireID(), now: req.gatehouse.clock.now())
            try await stay.create(on: req.db)
            return try await renderLandlord(req, user, errors: [], status: .ok, notice: Strings.text("tenant_reported", req.language))
        }
    }

    /// The tenant's pass, for a tenant the agency reported (they have no status link of their own).
    func pass(req: Request) async throws -> Response {
        let (_, t) = try await tenancy(req)
        guard let pass = try await Pass.find(t.passID, on: req.db) else { throw AppError.notFound }
        let view = try await PassViews(services: req.gatehouse, db: req.db, language: req.language).view(pass, withToken: true)
        let community = try await Community.find(pass.communityID, on: req.db)
        let page = ResidentPagesController.PassPage(page: PageContext(req, title: view.kindLabel), pass: view, communityName: community?.name ?? "",
                                                    qrSVG: view.valid ? QRPass.inlineSVG(token: view.token ?? "", moduleSize: 6) : "")
        let response = try await req.view.render("households/pass", page).encodeResponse(for: req)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    func agency(req: Request) async throws -> View {
        let user = try req.requireUser(.agency)
        return try await req.view.render("tenancies/agency", AgencyPage(page: PageContext(req, title: Strings.text("agency_page", req.language)),
                                                              created: nil, problems: [], submitted: try await submitted(req, by: user)))
    }

    func upload(req: Request) async throws -> Response {
        let user = try req.requireUser(.agency)
        guard let community = user.communityID else { throw AppError.forbidden }
        let data = try req.content.decode(ListForm.self).list.map { Data(buffer: $0.data) } ?? Data()
        let lang = req.language.rawValue
        var problems: [ImportProblem]
        var warnings: [ImportProblem] = []
        var created: Int?
        if let text = ImportText.decode(data) {
            let sheet = TenantListSheet(csv: text, today: req.gatehouse.today, divisions: req.gatehouse.divisions)
            problems = sheet.problems
            if problems.isEmpty {
                problems = try await TenancyService(services: req.gatehouse, db: req.db).importAgencyList(sheet, community: community, agency: try user.requireID())
                if problems.isEmpty { created = sheet.rows.count; warnings = sheet.warnings }
            }
        } else {
            problems = [ImportProblem(line: 1, column: nil, message: LocalizedText(zh: "无法读取文件：请另存为 CSV（UTF-8）", en: "Cannot read the file: save it as CSV (UTF-8)"))]
        }
        let page = AgencyPage(page: PageContext(req, title: Strings.text("agency_page", req.language)), created: created,
                              problems: problems.map { HouseholdImport.Problem(line: $0.line, column: $0.column, message: $0.message.text(for: lang)) },
                              warnings: warnings.map { HouseholdImport.Problem(line: $0.line, column: $0.column, message: $0.message.text(for: lang)) },
                              submitted: try await submitted(req, by: user))
        return try await req.view.render("tenancies/agency", page).encodeResponse(status: problems.isEmpty ? .ok : .unprocessableEntity, for: req)
    }

    func template(req: Request) async throws -> Response {
        _ = try req.requireUser(.agency)
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "tenant-list.csv")
        return Response(status: .ok, headers: headers, body: .init(string: "\u{FEFF}" + TenantListSheet.template))
    }
}
