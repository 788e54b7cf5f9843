import Fluent
import GatehouseCore
import Vapor

/// The gate screen (`/gate`), the record list (`/records`) and a record's details (`/records/{id}`).
struct GateController: RouteCollection {
    struct GatePage: Encodable {
        let page: PageContext
        let checkpointId: UUID
        let checkpointName: String
        let community: CommunityHeading
        let thresholdText: String
        let restMinutes: Int
        let quickTemperatures: [String]
        let records: [RecordRow]
        /// More than the gate's 20 rows: "更多" opens `/records`.
        let moreRecords: Bool
        let onlyAbnormal = false
        let canRemeasure = true
        /// The gate's own list keeps the last 20 rows; "更多" opens `/records`.
        let maxRows = 20
        /// A passage whose re-measure the page opens at once (`/gate?remeasure=`, from a 待复测 row).
        let remeasureId: String
        /// Operators propose a registration for the office to check; admins register directly.
        let proposesOnly: Bool
        let stringsJSON: String
        /// The signed-in operator: the gate's outbox on the phone is theirs.
        let userId: UUID
        /// The community's rule values and reason sentences, for deciding offline before a first snapshot is kept.
        let rulesJSON: String
        let reasonsJSON: String
        /// Disinfection schedules of this gate (and community-wide ones) that are overdue.
        let overdueDisinfection: Int
        /// Open fever cases of the community: the gate staff take them to the observation room and report them.
        let openFeverCases: Int
        let lateFeverCases: Int
    }

    struct RecordsPage: Encodable {
        let page: PageContext
        let checkpointId: String
        let checkpoints: [Option]
        let onlyAbnormal: Bool
        /// The day shown (`yyyy-MM-dd`, China date), or empty for the latest passages; and today, the latest day to pick.
        let day: String
        let today: String
        /// Operators and the office open a 待复测 row's re-measure on the gate screen.
        let canRemeasure: Bool
        let maxRows = 0
        let records: [RecordRow]
        let nextCursor: String?
        let liveChannel: String
        let stringsJSON: String
    }

    struct Option: Encodable { let id: UUID; let name: String; let selected: Bool }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.gate(.scan), use: gate)
        routes.get(.records, use: records)
        routes.get(.record(.key), use: record)
        routes.get(.recordPhoto(.key), use: photo)
    }

    func gate(req: Request) async throws -> Response {
        let user = try req.requireUser(.operator, .communityAdmin, .districtAdmin)
        if try await ShiftController.needsCheck(user, on: req) { return req.redirect(to: .gate(.shiftCheck)) }
        var checkpointID = user.checkpointID
        if user.roleValue != .operator {
            checkpointID = try? req.query.get(UUID.self, at: "checkpoint")
            if checkpointID == nil, let cid = user.communityID {
                checkpointID = try await Checkpoint.query(on: req.db).filter(\.$community.$id == cid).filter(\.$isOpen == true).first()?.id
            }
        }
        guard let checkpointID else { return req.redirect(to: .admin(.overview)) }
        let (gate, community) = try await GateAccess.checkpoint(checkpointID, for: user, on: req.db)
        let rule = GateService.feverRule(of: community)
        let page = try await PassageQuery(db: req.db, language: req.language)
            .page(.init(checkpointId: checkpointID, limit: 20), for: user)
        let fever = try await FeverCaseDesk(services: req.gatehouse, db: req.db, language: req.language).rows(in: .community(community.id!))
        let names = try await StaffNames.of(page.items, services: req.gatehouse, on: req.db)
        let now = req.gatehouse.clock.now()
        let context = GatePage(page: PageContext(req, title: Strings.text("gate_title", req.language)),
                               checkpointId: checkpointID, checkpointName: gate.name, community: CommunityHeading(community),
                               thresholdText: rule.threshold.description,
                               restMinutes: (rule.restSeconds + 59) / 60, quickTemperatures: rule.quickReadings.map(\.description),
                               records: page.items.map { RecordRow($0, language: req.language, names: names, now: now) },
                               moreRecords: page.nextCursor != nil,
                               remeasureId: (try? req.query.get(UUID.self, at: "remeasure"))?.uuidString ?? "",
                               proposesOnly: user.roleValue == .operator,
                               stringsJSON: Strings.json(req.language, forScripts: ["gate.js", "gate-offline.js", "records.js"]),
                               userId: try user.requireID(),
                               rulesJSON: GateSnapshot.json(GateSnapshot.rules(rule, quota: community.outingQuota)),
                               reasonsJSON: GateSnapshot.json(GateSnapshot.reasons(rule, quota: community.outingQuota, language: req.language)),
                               overdueDisinfection: try await DisinfectionService(services: req.gatehouse, db: req.db)
                                   .overdueCount(community: community.id!, checkpoint: checkpointID),
                               openFeverCases: fever.count, lateFeverCases: fever.filter(\.late).count)
        return try await req.view.render("gate/gate", context).encodeResponse(for: req)
    }

    func records(req: Request) async throws -> View {
        let user = try req.requireUser(.operator, .communityAdmin, .districtAdmin, .health, .police)
        let onlyAbnormal = (try? req.query.get(String.self, at: "status")) == "abnormal"
        let cursor = try? req.query.get(String.self, at: "cursor")
        var checkpointID = try? req.query.get(UUID.self, at: "checkpoint")
        if user.roleValue == .operator { checkpointID = user.checkpointID }
        // One day's passages (the office's daily register), or the latest ones.
        let day = (try? req.query.get(String.self, at: "day")).flatMap(CalendarDate.init(parsing:))
        let iso = ISO8601DateFormatter()
        let page = try await PassageQuery(db: req.db, language: req.language).page(
            .init(checkpointId: checkpointID, from: day.map { iso.string(from: $0.start()) }, to: day.map { iso.string(from: $0.adding(days: 1).start()) },
                  status: onlyAbnormal ? "abnormal" : nil, cursor: cursor, limit: 50), for: user)
        let communities = try await AccessScope(user).communities(on: req.db)
        let gates = try await Checkpoint.query(on: req.db).filter(\.$community.$id ~~ communities.compactMap(\.id)).sort(\.$name).all()
        let community = communities.first
        try await AuditLog(services: req.gatehouse, db: req.db).policeView("records", by: user,
            community: checkpointID.flatMap { id in gates.first { $0.id == id }?.$community.id } ?? (communities.count == 1 ? community?.id : nil))
        let today = req.gatehouse.today
        let channel: String
        // A past day's list gets no live rows: they belong to today.
        if let day, day != today { channel = "" }
        else if let checkpointID { channel = SiteURL.live(.checkpoint(.value(checkpointID))).path }
        else if communities.count == 1, user.roleValue.isAdmin, let c = community { channel = SiteURL.live(.community(.value(c.id!))).path }
        else { channel = "" }
        let names = try await StaffNames.of(page.items, services: req.gatehouse, on: req.db)
        let now = req.gatehouse.clock.now()
        let context = RecordsPage(page: PageContext(req, title: Strings.text("records_title", req.language)),
                                  checkpointId: checkpointID?.uuidString ?? "",
                                  checkpoints: user.roleValue == .operator ? [] : gates.map { Option(id: $0.id!, name: $0.name, selected: $0.id == checkpointID) },
                                  onlyAbnormal: onlyAbnormal, day: day?.description ?? "", today: today.description,
                                  canRemeasure: [.operator, .communityAdmin, .districtAdmin].contains(user.roleValue), records: page.items.map { RecordRow($0, language: req.language, names: names, now: now) },
                                  nextCursor: page.nextCursor, liveChannel: channel,
                                  stringsJSON: Strings.json(req.language, forScripts: ["records.js"]))
        return try await req.view.render("gate/records", context)
    }

    func record(req: Request) async throws -> View {
        let user = try req.requireUser(.operator, .communityAdmin, .districtAdmin, .health, .police)
        let passage = try await PassageAccess.passage(req.parameters.get("passageID", as: UUID.self), for: user, on: req.db)
        let details = try await RecordDetails.build(passage, services: req.gatehouse, db: req.db, language: req.language)
        return try await req.view.render("gate/record", RecordDetails.Page(
            page: PageContext(req, title: Strings.text("record_title", req.language)), record: details,
            canRemeasure: [.operator, .communityAdmin, .districtAdmin].contains(user.roleValue)))
    }

    func photo(req: Request) async throws -> Response {
        let user = try req.requireUser(.operator, .communityAdmin, .districtAdmin, .health)
        let passage = try await PassageAccess.passage(req.parameters.get("passageID", as: UUID.self), for: user, on: req.db)
        guard let person = try await Person.find(passage.$person.id, on: req.db), let photoID = person.photoID else { throw AppError.notFound }
        let (data, type) = try await PhotoStore(services: req.gatehouse, db: req.db).open(photoID)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType.fileExtension(type == "image/png" ? "png" : "jpg")
        headers.cacheControl = .init(noStore: true)
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
