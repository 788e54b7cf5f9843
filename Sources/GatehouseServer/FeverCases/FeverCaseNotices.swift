import Fluent
import Foundation
import Vapor

/// Who is told of a fever case, live: everyone watching the community (admins, property company, gate screens) and
/// the health staff and command watching its subdistrict and district.
enum FeverCaseNotices {
    struct Step: Content {
        let feverCaseId: UUID
        let stage: String
        let stageLabel: String
        let nameMasked: String
        let communityName: String
        let by: String
    }

    static func channels(community id: UUID, on db: any Database) async -> [LiveChannel] {
        guard let community = try? await Community.find(id, on: db) else { return [.community(id)] }
        return [.community(id), .subdistrict(community.$subdistrict.id), .district(community.districtID)]
    }

    static func publish(_ step: Step, community: UUID, live: any LiveUpdates, on db: any Database) async {
        let event = LiveEvent(type: "fever-case", payload: step)
        for channel in await channels(community: community, on: db) { await live.publish(event, to: channel) }
    }
}
