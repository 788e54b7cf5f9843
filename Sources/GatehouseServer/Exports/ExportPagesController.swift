import Fluent
import GatehouseCore
import Vapor

/// `/exports`: choose a community or gate and days, then download the register as Excel or CSV (with progress), or
/// open `/exports/print`, the printable register (audited like a download).
struct ExportPagesController: RouteCollection {
    struct GateOption: Encodable {
        let id: UUID
        let communityId: UUID
        let label: String
    }

    struct FormPage: Encodable {
        let page: PageContext
        let communities: [SelectOption]
        let gates: [GateOption]
        let today: String
    }

    struct PrintPage: Encodable {
        let page: PageContext
        let title: String
        /// The sheet's head: the community, the gate (or every gate), the days.
        let communityName: String
        let checkpointName: String?
        let days: String
        let header: [String]
        let rows: [RegisterRow]
        let total: Int
        let truncated: Bool
        let printedAt: String
        let printedBy: String
    }

    static let printLimit = 3000

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.exports(.form), use: form)
        routes.get(.exports(.print), use: printable)
    }

    func form(req: Request) async throws -> View {
        let user = try req.requireUser(.communityAdmin, .districtAdmin, .health)
        let communities = try await AccessScope(user).communities(on: req.db)
        let gates = try await Checkpoint.query(on: req.db).filter(\.$community.$id ~~ communities.map { $0.id! }).sort(\.$name).all()
        let names = Dictionary(uniqueKeysWithValues: communities.map { ($0.id!, $0.name) })
        return try await req.view.render("exports/exports", FormPage(
            page: PageContext(req, title: Strings.text("exports", req.language)),
            communities: communities.map { SelectOption(value: $0.id!.uuidString, label: $0.name) },
            gates: gates.map { GateOption(id: $0.id!, communityId: $0.$community.id, label: (names[$0.$community.id] ?? "") + " · " + $0.name) },
            today: req.gatehouse.today.description))
    }

    func printable(req: Request) async throws -> View {
        let user = try req.requireUser(.communityAdmin, .districtAdmin, .health)
        let range = try await ExportAPIController.range(req, for: user)
        let exporter = PassageExporter(services: req.gatehouse, db: req.db, language: req.language)
        let total = try await exporter.count(range)
        var rows: [RegisterRow] = []
        try await exporter.pages(range) { page in
            if rows.count < Self.printLimit { rows.append(contentsOf: page.prefix(Self.printLimit - rows.count)) }
        }
        try await AuditLog(services: req.gatehouse, db: req.db).record(
            .printPassages, by: user, community: range.community.id, target: range.target,
            detail: "print \(range.from)…\(range.to), \(rows.count) of \(total) rows")
        return try await req.view.render("registrations/register-print", PrintPage(
            page: PageContext(req, title: Strings.text("temperature_register", req.language)), title: range.title,
            communityName: range.community.name, checkpointName: range.checkpoint?.name,
            days: range.from == range.to ? range.from.description : "\(range.from.description) – \(range.to.description)",
            header: RegisterRow.header(req.language), rows: rows, total: total, truncated: rows.count < total,
            printedAt: ChinaTime.text(req.gatehouse.clock.now(), "yyyy-MM-dd HH:mm"), printedBy: StaffNames.name(of: user, services: req.gatehouse)))
    }
}
