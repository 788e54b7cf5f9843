import Fluent
import GatehouseCore
import Vapor

/// A community with its gates, and the one-open-entrance check.
struct CommunityOverview: Content {
    struct Gate: Content {
        let id: UUID
        let name: String
        let isOpen: Bool
        /// Shown to admins only.
        let enrolmentCode: String?
    }

    let id: UUID
    let name: String
    let address: String?
    let subdistrictId: UUID
    let subdistrictName: String
    let districtId: UUID
    let checkpoints: [Gate]
    let openGateCount: Int
    /// `more_than_one_open_gate` or `no_open_gate`.
    let warnings: [String]

    /// Overviews of `communities`, with two queries in all.
    static func build(_ communities: [Community], showCodes: Bool, on db: any Database) async throws -> [CommunityOverview] {
        let ids = communities.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let gates = try await Checkpoint.query(on: db).filter(\.$community.$id ~~ ids).sort(\.$name).all()
        let subIDs = Set(communities.map { $0.$subdistrict.id })
        let subs = try await Subdistrict.query(on: db).filter(\.$id ~~ Array(subIDs)).all()
        let subNames = Dictionary(uniqueKeysWithValues: subs.compactMap { s in s.id.map { ($0, s.name) } })
        let byCommunity = Dictionary(grouping: gates, by: { $0.$community.id })
        return communities.map { c in
            let mine = byCommunity[c.id!] ?? []
            let open = mine.filter(\.isOpen).count
            var warnings: [String] = []
            if open > 1 { warnings.append("more_than_one_open_gate") }
            if open == 0 { warnings.append("no_open_gate") }
            return CommunityOverview(
                id: c.id!, name: c.name, address: c.address, subdistrictId: c.$subdistrict.id,
                subdistrictName: subNames[c.$subdistrict.id] ?? "", districtId: c.districtID,
                checkpoints: mine.map { Gate(id: $0.id!, name: $0.name, isOpen: $0.isOpen, enrolmentCode: showCodes ? $0.enrolmentCode : nil) },
                openGateCount: open, warnings: warnings)
        }
    }
}
