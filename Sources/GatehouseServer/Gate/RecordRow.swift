import Foundation
import GatehouseCore

/// One line of the record list: who, which way, when, the decision, the reading, the gate and who recorded it
/// (谁检查、谁登记、谁负责) — personal fields masked.
struct RecordRow: Encodable {
    let id: UUID
    let name: String
    let time: String
    let status: String
    let statusLabel: String
    let temperature: String
    let phone: String
    let direction: String
    let directionCode: String
    let decision: String
    let decisionLabel: String
    let awaitingRemeasure: Bool
    let checkpointId: UUID
    let checkpointName: String
    let operatorName: String

    static func timeText(_ date: Date) -> String {
        ChinaTime.text(date, "yyyyMMdd HH:mm:ss")
    }

    /// `12-03 14:33:59`, with the year only when it is not this year's (China time).
    static func listTime(_ date: Date, now: Date) -> String {
        ChinaTime.onScreen(date, now: now, seconds: true)
    }

    /// The decision as the list shows it: 待复测 while a re-measure is awaited.
    static func decisionLabel(_ v: PassageView, language: Language) -> String {
        v.awaitingRemeasure ? Strings.text("status_remeasure", language)
            : (EntryDecision(rawValue: v.decision) ?? .deny).label.text(for: language.rawValue)
    }

    init(_ v: PassageView, language: Language, names: StaffNames, now: Date) {
        let lang = language.rawValue
        id = v.id
        // A person who gave no name still has a row to tap.
        name = v.nameMasked.isEmpty || v.nameMasked == "—" ? Strings.text("name_not_given", language) : v.nameMasked
        time = Self.listTime(v.recordedAt, now: now)
        status = v.status
        statusLabel = v.awaitingRemeasure ? Strings.text("status_remeasure", language)
            : Strings.text(v.status == "abnormal" ? "status_abnormal" : "status_normal", language)
        temperature = (try? BodyTemperature(celsius: v.temperature).description) ?? String(v.temperature)
        phone = v.phoneMasked
        directionCode = v.direction
        direction = (Direction(rawValue: v.direction) ?? .in).label.text(for: lang)
        decision = v.awaitingRemeasure ? "remeasure" : v.decision
        decisionLabel = Self.decisionLabel(v, language: language)
        awaitingRemeasure = v.awaitingRemeasure
        checkpointId = v.checkpointId
        checkpointName = names.checkpoint(v.checkpointId)
        operatorName = names.staff(v.operatorId)
    }
}
