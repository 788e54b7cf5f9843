import Fluent
import GatehouseCore
import Vapor

/// The resident's own pages: `/me` (household, members, passes) and `/me/passes/{id}` (the pass to show at the
/// gate: large QR, works offline once loaded).
struct ResidentPagesController: RouteCollection {
    struct HomePage: Encodable {
        let page: PageContext
        let household: Household.Public?
        let members: [HouseholdMember]
        let passes: [PassView]
        let inbox: HouseholdInbox?
        let quarantineNotice: String?
        let closedFacilities: [FacilityView]
        let supplies: [SupplyDesk.Task]
    }

    struct ReturningForm: Content {
        var residentId: UUID
        var returningOn: String
    }

    struct PassPage: Encodable {
        let page: PageContext
        let pass: PassView
        let communityName: String
        let qrSVG: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.me(.overview), use: home)
        routes.get(.myPass(.key), use: pass)
        routes.get(.me(.serviceWorker), use: serviceWorker)
        routes.post(.visit(.key, .vouch)) { try await answerVisit($0, vouch: true) }
        routes.post(.visit(.key, .decline)) { try await answerVisit($0, vouch: false) }
        routes.post(.deliveryPickedUp(.key), use: pickedUp)
        routes.post(.me(.returning), use: returning)
        routes.get(.me(.data), use: myData)
    }

    /// Subject access: everything held about the signed-in resident and their household, and who touched it.
    func myData(req: Request) async throws -> View {
        let user = try req.requireUser(.resident)
        guard let resident = try await Resident.query(on: req.db).filter(\.$userID == user.id).first(),
              let household = try await Household.find(resident.$household.id, on: req.db) else { throw AppError.notFound }
        struct Page: Encodable { let page: PageContext; let report: SubjectAccessReport }
        let report = try await SubjectAccessReport.build(for: resident, household: household, services: req.gatehouse,
                                                         language: req.language, on: req.db)
        return try await req.view.render("privacy/my-data", Page(page: PageContext(req, title: Strings.text("my_data", req.language)), report: report))
    }

    func home(req: Request) async throws -> View {
        let user = try req.requireUser(.resident)
        let resident = try await Resident.query(on: req.db).filter(\.$userID == user.id).first()
        var members: [HouseholdMember] = []
        var passes: [PassView] = []
        var household: Household?
        var inbox: HouseholdInbox?
        if let resident, let h = try await Household.find(resident.$household.id, on: req.db) {
            household = h
            members = try await HouseholdMember.list(h, services: req.gatehouse, language: req.language, on: req.db)
            // The household's pass and the resident's own; other members' personal passes stay theirs.
            let all = try await Pass.query(on: req.db).filter(\.$household.$id == h.id!).filter(\.$status != Pass.Status.revoked.rawValue)
                .sort(\.$issuedAt, .descending).all()
            let mine = all.filter { $0.$resident.id == nil || $0.$resident.id == resident.id }
            passes = try await PassViews(services: req.gatehouse, db: req.db, language: req.language).views(mine, withTokens: false)
            inbox = try await HouseholdInbox.load(h, services: req.gatehouse, language: req.language, on: req.db)
        }
        var supplies: [SupplyDesk.Task] = []
        if let id = household?.id { supplies = try await SupplyDesk(services: req.gatehouse, db: req.db).tasks(household: id) }
        var closed: [FacilityView] = []
        if let community = user.communityID {
            closed = try await FacilityRegister(services: req.gatehouse, db: req.db).list(community: community, onlyClosed: true, language: req.language)
        }
        return try await req.view.render("households/me", HomePage(page: PageContext(req, title: Strings.text("resident_page", req.language)),
                                                        household: household?.public, members: members, passes: passes, inbox: inbox,
                                                        quarantineNotice: try await QuarantineOrders(services: req.gatehouse, db: req.db)
                                                            .notice(household: household, language: req.language),
                                                        closedFacilities: closed, supplies: supplies))
    }

    /// The signed-in resident's own record.
    private func resident(_ req: Request) async throws -> (User, Resident) {
        let user = try req.requireUser(.resident)
        guard let resident = try await Resident.query(on: req.db).filter(\.$userID == user.id).first() else { throw AppError.notFound }
        return (user, resident)
    }

    func answerVisit(_ req: Request, vouch: Bool) async throws -> Response {
        let (user, resident) = try await resident(req)
        guard let visit = try await Visit.find(req.parameters.get("visitID", as: UUID.self), on: req.db),
              visit.householdID == resident.$household.id else { throw AppError.notFound }
        let vouching = VisitVouching(services: req.gatehouse, db: req.db)
        if vouch { try await vouching.fromApp(visit, resident: resident, user: try user.requireID()) }
        else { try await vouching.decline(visit, resident: resident, user: try user.requireID()) }
        return req.redirect(to: .me(.overview), fragment: "visits")
    }

    func pickedUp(req: Request) async throws -> Response {
        let (user, resident) = try await resident(req)
        guard let delivery = try await Delivery.find(req.parameters.get("deliveryID", as: UUID.self), on: req.db),
              delivery.householdID == resident.$household.id else { throw AppError.notFound }
        try await DeliveryLog(services: req.gatehouse, db: req.db).pickedUp(delivery, by: try user.requireID())
        return req.redirect(to: .me(.overview), fragment: "deliveries")
    }

    /// A member is expected back on a day: the page reminds the household until their arrival report is filed.
    func returning(req: Request) async throws -> Response {
        let (_, resident) = try await resident(req)
        let form = try req.content.decode(ReturningForm.self)
        guard let member = try await Resident.find(form.residentId, on: req.db), member.$household.id == resident.$household.id else {
            throw AppError.notFound
        }
        let today = req.gatehouse.today
        guard let day = CalendarDate(parsing: form.returningOn), day >= today.adding(days: -14), day <= today.adding(days: 90) else {
            throw AppError(.unprocessableEntity, "invalid_date", zh: "请选择近期的返回日期", en: "Choose a return date in the near future")
        }
        member.returningOn = day.description
        try await member.save(on: req.db)
        return req.redirect(to: .me(.overview), fragment: "returnees")
    }

    func pass(req: Request) async throws -> Response {
        let user = try req.requireUser(.resident)
        let pass = try await HouseholdAccess.readPass(req.parameters.get("passID", as: UUID.self), for: user, on: req.db)
        let resident = try await Resident.query(on: req.db).filter(\.$userID == user.id).first()
        guard pass.$resident.id == nil || pass.$resident.id == resident?.id else { throw AppError.notFound }
        let view = try await PassViews(services: req.gatehouse, db: req.db, language: req.language).view(pass, withToken: true)
        let community = try await Community.find(pass.communityID, on: req.db)
        let page = PassPage(page: PageContext(req, title: view.kindLabel), pass: view, communityName: community?.name ?? "",
                            qrSVG: view.valid ? QRPass.inlineSVG(token: view.token ?? "", moduleSize: 6) : "")
        let response = try await req.view.render("households/pass", page).encodeResponse(for: req)
        // Kept by this browser only (the service worker serves it offline), never by shared caches.
        response.headers.cacheControl = .init(isPrivate: true, maxAge: 0)
        return response
    }

    /// Caches the pass pages the resident opened, so they open without a network at the gate.
    func serviceWorker(req: Request) async throws -> Response {
        // The pass pages' common start (`/me/passes/`) and the stylesheet's file, both from where they are named.
        let passes = SiteURL.myPass(.key).path.replacingOccurrences(of: ":passID", with: "")
        let stylesheet = AssetURLs.table[AssetURLs.key("css/app.css")]?.split(separator: "?").first.map(String.init) ?? ""
        let script = """
        const CACHE = "gatehouse-passes-v1";
        self.addEventListener("install", e => self.skipWaiting());
        self.addEventListener("activate", e => e.waitUntil(self.clients.claim()));
        self.addEventListener("fetch", e => {
          const url = new URL(e.request.url);
          if (e.request.method !== "GET" || !(url.pathname.startsWith("\(passes)") || url.pathname === "\(stylesheet)")) return;
          e.respondWith(fetch(e.request).then(res => {
            if (res.ok) { const copy = res.clone(); caches.open(CACHE).then(c => c.put(e.request, copy)); }
            return res;
          }).catch(() => caches.match(e.request)));
        });
        """
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.add(name: "Service-Worker-Allowed", value: "/")
        headers.cacheControl = .init(noCache: true)
        return Response(status: .ok, headers: headers, body: .init(string: script))
    }
}
