import Fluent
import Foundation
import GatehouseCore

/// The gate-related part of a community's admin page: fever rule and card readers.
struct CommunityGateInfo: Encodable {
    struct Device: Encodable {
        let id: UUID
        let name: String
        let checkpointName: String
        let isActive: Bool
        let lastSeen: String
    }

    let thresholdText: String
    let restMinutes: Int
    let lowestText: String
    let admitProposed: Bool
    let devices: [Device]

    static func build(_ community: Community, db: any Database) async throws -> CommunityGateInfo {
        let cid = try community.requireID()
        let gates = try await Checkpoint.query(on: db).filter(\.$community.$id == cid).all()
        let names = Dictionary(uniqueKeysWithValues: gates.map { ($0.id!, $0.name) })
        let devices = try await ReaderDevice.query(on: db).filter(\.$communityID == cid).sort(\.$createdAt).all()
        let rule = GateService.feverRule(of: community)
        return CommunityGateInfo(
            thresholdText: rule.threshold.description, restMinutes: rule.restSeconds / 60,
            lowestText: rule.lowest.description, admitProposed: community.admitProposed,
            devices: devices.map { Device(id: $0.id!, name: $0.name, checkpointName: names[$0.checkpointID] ?? "", isActive: $0.isActive,
                                          lastSeen: $0.lastSeenAt.map(RecordRow.timeText) ?? "—") })
    }
}
