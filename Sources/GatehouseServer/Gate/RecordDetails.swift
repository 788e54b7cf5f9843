import Fluent
import Foundation
import GatehouseCore

/// Everything about one passage for its detail page: who, where, when, every reading, who recorded it.
struct RecordDetails: Encodable {
    struct Page: Encodable {
        let page: PageContext
        let record: RecordDetails
        /// Operators and the office take a waiting re-measure from here (on the gate screen).
        let canRemeasure: Bool
    }

    let row: RecordRow
    let view: PassageView
    let checkpointName: String
    let operatorName: String
    let operatorUsername: String
    let modeLabel: String
    let readings: [String]
    let reasons: [PassageView.Reason]
    let clientTime: String?
    let hasPhoto: Bool
    let registered: Bool

    static func build(_ p: Passage, services: GatehouseServices, db: any Database, language: Language) async throws -> RecordDetails {
        let community = try await Community.find(p.communityID, on: db)
        let view = PassageView(p.values, restSeconds: community?.remeasureRestSeconds ?? 300, language: language)
        let gate = try await Checkpoint.find(p.$checkpoint.id, on: db)
        let op = try await User.find(p.$operatorUser.id, on: db)
        let person = try await Person.find(p.$person.id, on: db)
        let opName = op.map { StaffNames.name(of: $0, services: services) } ?? ""
        let readings = ReadingsCodec.decode(p.readings).map { "\($0.value.description)℃ · \(RecordRow.timeText($0.takenAt))" }
        return RecordDetails(row: RecordRow(view, language: language,
                                                      names: StaffNames(gates: [p.$checkpoint.id: gate?.name ?? ""], people: [p.$operatorUser.id: opName]),
                                                      now: services.clock.now()), view: view, checkpointName: gate?.name ?? "",
                             operatorName: opName, operatorUsername: op?.username ?? "",
                             modeLabel: (IdentificationMode(rawValue: p.mode) ?? .typed).label.text(for: language.rawValue),
                             readings: readings, reasons: view.reasons, clientTime: p.clientTime.map(RecordRow.timeText),
                             hasPhoto: person?.photoID != nil, registered: person?.isRegistered ?? false)
    }
}
