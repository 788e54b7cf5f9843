import Fluent
import Foundation

/// The masked names of returnees behind check-ins, for lists that show a case opened from one.
struct ReturneeNames {
    let db: any Database

    func byCheckIn(_ ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let checks = try await ReturneeCheckIn.query(on: db).filter(\.$id ~~ ids).all()
        let reports = try await ReturneeReport.query(on: db).filter(\.$id ~~ Set(checks.map(\.reportID))).all()
        let names = Dictionary(uniqueKeysWithValues: reports.map { ($0.id!, $0.nameMasked) })
        return Dictionary(uniqueKeysWithValues: checks.compactMap { c in names[c.reportID].map { (c.id!, $0) } })
    }
}
