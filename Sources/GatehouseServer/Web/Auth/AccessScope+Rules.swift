import Fluent
import Foundation
import SQLKit

extension AccessScope {
    /// The ids of the communities in scope with each one's re-measure rest (what a record list needs of them), read
    /// as plain columns: loading a district's hundred `Community` models took a quarter of an area list's time.
    func communityRests(on db: any Database) async throws -> [UUID: Int] {
        let condition: SQLQueryString
        switch self {
        case .district(let d): condition = "district_id = \(bind: d)"
        case .subdistrict(let s): condition = "subdistrict_id = \(bind: s)"
        case .community(let c): condition = "id = \(bind: c)"
        case .granted(let police, let area):
            let granted = try await grantedCommunities(police, on: db)
            return try await area.communityRests(on: db).filter { granted.contains($0.key) }
        case .nothing: return [:]
        }
        let rows = try await (db as! any SQLDatabase).raw("SELECT id, remeasure_rest_seconds FROM communities WHERE \(condition)").all()
        var rests: [UUID: Int] = [:]
        for row in rows {
            rests[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "remeasure_rest_seconds", as: Int.self)
        }
        return rests
    }
}
