import Fluent
import Foundation

/// The sentences of a page of audit entries, by entry id: the staff and what the entries were about read once.
struct AuditSentences {
    let services: GatehouseServices
    let db: any Database

    func build(_ events: [AuditEvent], language: Language) async throws -> [UUID: String] {
        guard !events.isEmpty else { return [:] }
        let users = try await User.query(on: db).filter(\.$id ~~ Set(events.map(\.userID))).all()
        let actors = StaffNames.byID(users, services: services, roles: language)
        let names = try await AuditTargetNames(services: services, db: db).names(Set(events.flatMap { AuditTarget.parse($0.target) }))
        let sentence = AuditSentence(actors: actors, names: names, language: language)
        return Dictionary(uniqueKeysWithValues: events.map { ($0.id!, sentence.text($0)) })
    }
}
