import Foundation
import GatehouseCore

/// One line of the record list, as the seed app shows it: 姓名 · 时间 · 状态 · 体温 · 电话, all masked.
struct RecordRow: Encodable {
    let id: UUID
    let name: String
    let time: String
    let status: String
    let statusLabel: String
    let temperature: String
    let phone: String
    let direction: String
    let decision: String
    let decisionLabel: String
    let awaitingRemeasure: Bool

    static func timeText(_ date: Date) -> String {
        ChinaTime.text(date, "yyyyMMdd HH:mm:ss")
    }

    init(_ v: PassageView, language: Language) {
        let lang = language.rawValue
        id = v.id
        name = v.nameMasked
        time = Self.timeText(v.recordedAt)
        status = v.status
        statusLabel = v.awaitingRemeasure ? Strings.text("status_remeasure", language)
            : Strings.text(v.status == "abnormal" ? "status_abnormal" : "status_normal", language)
        temperature = (try? BodyTemperature(celsius: v.temperature).description) ?? String(v.temperature)
        phone = v.phoneMasked
        direction = (Direction(rawValue: v.direction) ?? .in).label.text(for: lang)
        decision = v.decision
        decisionLabel = (EntryDecision(rawValue: v.decision) ?? .deny).label.text(for: lang)
        awaitingRemeasure = v.awaitingRemeasure
    }
}
