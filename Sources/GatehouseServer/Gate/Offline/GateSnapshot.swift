import Foundation
import GatehouseCore
import Vapor

/// What a gate needs to decide without the server (`GET /api/v1/checkpoints/{id}/offline-snapshot`, fetched every
/// minute while online and kept in the browser): the pass keys, the community's rule values, the passes that may not
/// be honoured, the households under home quarantine, and the exits counted against the outing quota in its window.
/// Identifiers and times only: no name, ID number or phone number goes to the device.
struct GateSnapshot: Content {
    /// Past this age the gate says its checks may be out of date.
    static let staleAfterSeconds = 12 * 3600

    struct Rules: Content {
        let feverThresholdTenths: Int
        let remeasureRestSeconds: Int
        let lowestReadingTenths: Int
        let outingQuota: OutingQuota?
    }

    struct RefusedPass: Content {
        let passId: UUID
        /// `pass_revoked` or `pass_suspended`: the reason the server gives.
        let code: String
    }

    /// The exits that count against the quota since `windowStart`: by household (a household-scoped quota) or by
    /// pass (a person-scoped one: the holder's exits, however they identified).
    struct Exits: Content {
        let scope: OutingQuota.Scope
        let windowStart: Date
        let holders: [Holder]

        struct Holder: Content {
            let id: UUID
            let at: [Date]
        }
    }

    /// The same shape as a passage's reasons, so the offline gate shows what the server would.
    typealias Reason = PassageView.Reason

    let serverTime: Date
    let communityId: UUID
    let checkpointId: UUID
    let checkpointName: String
    let staleAfterSeconds: Int
    let rules: Rules
    /// The public keys as a JWK set (`/api/v1/pass-keys`).
    let keys: [[String: String]]
    let refusedPasses: [RefusedPass]
    let quarantinedHouseholds: [UUID]
    let exits: Exits?
    /// Every reason's sentence in the operator's language, the community's figures filled in.
    let reasons: [Reason]
    /// The sentence for a reading under the community's lowest (it is taken again, never stored).
    let temperatureTooLow: String

    /// The community's rule values as the gate's checker reads them.
    static func rules(_ rule: FeverRule, quota: OutingQuota?) -> Rules {
        Rules(feverThresholdTenths: rule.threshold.tenths, remeasureRestSeconds: rule.restSeconds,
              lowestReadingTenths: rule.lowest.tenths, outingQuota: quota)
    }

    /// Every reason's sentence for the community's figures, in `language`.
    static func reasons(_ rule: FeverRule, quota: OutingQuota?, language: Language) -> [Reason] {
        EntryReason.catalog(restSeconds: rule.restSeconds, quota: quota).map {
            Reason(code: $0.code, message: $0.message.text(for: language.rawValue), warning: $0.isWarning)
        }
    }

    /// A part of the snapshot as JSON text, for the gate page's data attributes.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    /// The answer, dates as ISO 8601 like the rest of the API.
    func response() throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.cacheControl = .init(noStore: true)
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(self)))
    }
}
