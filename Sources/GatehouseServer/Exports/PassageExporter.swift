import Fluent
import Foundation
import GatehouseCore
import SQLKit

/// Reads the passages of a range page by page (oldest first, keyset on time and id) as register rows.
struct PassageExporter {
    let services: GatehouseServices
    let db: any Database
    let language: Language
    /// Rows read per query.
    var pageSize = 1000

    func count(_ range: PassageExportRange) async throws -> Int {
        try await range.query(on: db).count()
    }

    /// Calls `body` with each page of rows, numbered from 1.
    func pages(_ range: PassageExportRange, _ body: ([RegisterRow]) async throws -> Void) async throws {
        let gates = try await Checkpoint.query(on: db).filter(\.$community.$id == range.community.id!).all()
        let gateNames = Dictionary(uniqueKeysWithValues: gates.map { ($0.id!, $0.name) })
        let rest = GateService.feverRule(of: range.community).restSeconds
        var operatorNames: [UUID: String] = [:]
        var after: (KeysetTime, UUID)?
        var number = 0
        let sql = db as! any SQLDatabase
        while true {
            let page = try await PassageLine.select(where: range.condition(after: after), orderBy: "recorded_at, id", limit: pageSize, on: sql)
            guard !page.isEmpty else { return }
            let unknown = Set(page.map(\.operatorID)).subtracting(operatorNames.keys)
            if !unknown.isEmpty {
                for u in try await User.query(on: db).filter(\.$id ~~ unknown).all() { operatorNames[u.id!] = u.username }
            }
            let rows = page.map { p -> RegisterRow in
                number += 1
                return RegisterRow(number: number, passage: p, checkpoint: gateNames[p.checkpointID] ?? "",
                                   operatorName: operatorNames[p.operatorID] ?? "", restSeconds: rest, language: language)
            }
            try await body(rows)
            let last = (page.last!.keysetTime, page.last!.id)
            // A keyset that does not move would repeat the same page for ever.
            if let after, after.0 == last.0, after.1 == last.1 { throw AppError(.internalServerError, "export_stalled", zh: "导出中断，请重试", en: "The export stalled; try again") }
            after = last
            if page.count < pageSize { return }
        }
    }
}
