import Fluent
import Foundation
import GatehouseCore
import GatehouseStore
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

    /// Calls `body` with each page of rows, numbered from 1. The next page is read while `body` handles this one (the
    /// database and the formatting then share the time instead of taking turns).
    func pages(_ range: PassageExportRange, _ body: ([RegisterRow]) async throws -> Void) async throws {
        let gates = try await Checkpoint.query(on: db).filter(\.$community.$id == range.community.id!).all()
        let gateNames = Dictionary(uniqueKeysWithValues: gates.map { ($0.id!, $0.name) })
        let rest = GateService.feverRule(of: range.community).restSeconds
        var operatorNames: [UUID: String] = [:]
        var after: (KeysetTime, UUID)?
        var number = 0
        let sql = db as! any SQLDatabase
        let size = pageSize
        func read(after: (KeysetTime, UUID)?) -> Task<[PassageLine], any Error> {
            let condition = range.condition(after: after)
            return Task { try await PassageLine.select(where: condition, orderBy: "recorded_at, id", limit: size, on: sql) }
        }
        var next: Task<[PassageLine], any Error>? = read(after: nil)
        defer { next?.cancel() }
        while let reading = next {
            let page = try await reading.value
            next = nil
            guard let last = page.last else { return }
            // A keyset that does not move would repeat the same page for ever.
            if let after, after.0 == last.keysetTime, after.1 == last.id { throw AppError(.internalServerError, "export_stalled", zh: "导出中断，请重试", en: "The export stalled; try again") }
            after = (last.keysetTime, last.id)
            if page.count == size { next = read(after: after) }
            let unknown = Set(page.map(\.operatorID)).subtracting(operatorNames.keys)
            if !unknown.isEmpty {
                for u in try await User.query(on: db).filter(\.$id ~~ unknown).all() { operatorNames[u.id!] = StaffNames.name(of: u, services: services) }
            }
            let rows = page.map { p -> RegisterRow in
                number += 1
                return RegisterRow(number: number, passage: p, checkpoint: gateNames[p.checkpointID] ?? "",
                                   operatorName: operatorNames[p.operatorID] ?? "", restSeconds: rest, language: language)
            }
            try await body(rows)
        }
    }
}
