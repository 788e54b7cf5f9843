import Foundation
import GatehouseCore
import SQLKit
import Vapor

/// A first high reading still waiting for the re-measure that decides. Every identification of the person (ID
/// number, card, pass, no-ID phone, registration code) finds it, the gate card shows it with its countdown, and no
/// new passage is taken for them until the re-measure decides — the way round the rule was to read the card again.
struct PendingRemeasure: Content, Sendable {
    let passageId: UUID
    let recordedAt: Date
    /// When the rest is over and the re-measure may be taken.
    let remeasureAfter: Date
    let firstReading: Double
    let direction: String

    private struct Row: Decodable {
        let id: UUID
        let readings: String
        let recordedAt: Date
        let direction: String
    }

    /// The person's (or, for a household pass, the pass's) latest passage awaiting a re-measure in the community:
    /// one statement (on the gate's hot path too), each branch walking a partial index that holds only the passages
    /// that wait (M020).
    static func find(community: UUID, personID: UUID?, passID: UUID?, restSeconds: Int,
                     on sql: any SQLDatabase) async throws -> PendingRemeasure? {
        let branches: [SQLQueryString] = [("person_id", personID), ("pass_id", passID)].compactMap { column, value in
            value.map { value in
                """
                SELECT id, readings, recorded_at, direction FROM passages
                WHERE \(ident: column) = \(bind: value) AND awaiting_remeasure AND community_id = \(bind: community)
                """
            }
        }
        guard !branches.isEmpty else { return nil }
        let union = branches.dropFirst().reduce(branches[0]) { "\($0) UNION ALL \($1)" }
        let query: SQLQueryString = "\(union) ORDER BY recorded_at DESC LIMIT 1"
        guard let row = try await sql.raw(query).first()?.decode(model: Row.self, keyDecodingStrategy: .convertFromSnakeCase) else {
            return nil
        }
        let first = ReadingsCodec.decode(row.readings).first
        return PendingRemeasure(passageId: row.id, recordedAt: row.recordedAt,
                                remeasureAfter: (first?.takenAt ?? row.recordedAt) + TimeInterval(restSeconds),
                                firstReading: first?.value.celsius ?? 0, direction: row.direction)
    }

    /// The server's refusal of a plain new passage: the re-measure is taken instead (the page opens it).
    func refusal(now: Date) -> AppError {
        let left = max(0, Int(remeasureAfter.timeIntervalSince(now).rounded(.up)))
        let text = left > 0
            ? LocalizedText(zh: "此人体温偏高，待复测（剩余 \(Self.clock(left))）：请休息后在复测栏录入，复测前不能新登记",
                            en: "This person's temperature was high and waits for a re-measure (\(Self.clock(left)) left): take the re-measure instead of a new passage")
            : LocalizedText(zh: "此人体温偏高，待复测：请现在复测，复测前不能新登记",
                            en: "This person's temperature was high and waits for a re-measure: take it now instead of a new passage")
        var error = AppError(.conflict, "remeasure_pending", text)
        error.passageID = passageId
        return error
    }

    /// `m:ss`, as the gate's countdown shows it.
    static func clock(_ seconds: Int) -> String {
        "\(seconds / 60):" + String(format: "%02d", seconds % 60)
    }
}
