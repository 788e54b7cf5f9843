import Fluent
import GatehouseCore
import Vapor

/// `/health`: where health staff look first — fever cases waiting for their decision (late ones first), then each
/// community of their subdistrict or district with its quarantine and returnee boards and what is overdue there.
struct HealthDeskController: RouteCollection {
    struct CommunityLine: Encodable {
        let id: UUID
        let name: String
        let openCases: Int
        let quarantined: Int
        let missedRounds: Int
        let missedCheckIns: Int
        /// Returnees whose latest check-in needs attention.
        let unwellReturnees: Int
    }

    struct Page: Encodable {
        let page: PageContext
        let cases: [FeverCaseRow]
        let communities: [CommunityLine]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.health(.desk), use: desk)
    }

    func desk(req: Request) async throws -> View {
        let user = try req.requireUser(.health, .districtAdmin)
        let scope = AccessScope(user)
        let cases = try await FeverCaseDesk(services: req.gatehouse, db: req.db, language: req.language).rows(in: scope)
        let quarantine = QuarantineBoard(services: req.gatehouse, db: req.db, language: req.language)
        let returnees = ReturneeMonitorBoard(services: req.gatehouse, db: req.db)
        var lines: [CommunityLine] = []
        for community in try await scope.communities(on: req.db) {
            let orders = try await quarantine.open(community: community.id!)
            let returneeCounts = try await returnees.counts(community: community.id!)
            lines.append(CommunityLine(id: community.id!, name: community.name, openCases: cases.filter { $0.communityId == community.id }.count,
                                       quarantined: orders.filter(\.inForce).count, missedRounds: orders.reduce(0) { $0 + $1.missed },
                                       missedCheckIns: returneeCounts.missed, unwellReturnees: returneeCounts.unwell))
        }
        return try await req.view.render("fever-cases/health", Page(page: PageContext(req, title: Strings.text("health_desk", req.language)),
                                                        cases: cases, communities: lines))
    }
}
