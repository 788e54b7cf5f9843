import Foundation
import GatehouseCore

/// One line of the temperature register (体温登记表): when, where, who (masked), the readings, the outcome and who
/// recorded it (谁登记、谁负责).
struct RegisterRow: Encodable {
    let number: Int
    let time: String
    let checkpoint: String
    let direction: String
    let name: String
    let phone: String
    let temperature: Double
    let remeasured: Double?
    let status: String
    let abnormal: Bool
    let decision: String
    let reasons: String
    let recordedBy: String

    static func header(_ language: Language) -> [String] {
        ["register_no", "time", "checkpoint", "direction", "person_name", "phone", "temperature", "remeasured",
         "status", "decision", "reasons", "recorded_by"].map { Strings.text($0, language) }
    }

    init(number: Int, passage p: PassageLine, checkpoint: String, operatorName: String, restSeconds: Int, language: Language) {
        let lang = language.rawValue
        let readings = ReadingsCodec.decode(p.readings)
        self.number = number
        time = ChinaTime.text(p.recordedAt, "yyyy-MM-dd HH:mm:ss")
        self.checkpoint = checkpoint
        direction = (Direction(rawValue: p.direction) ?? .in).label.text(for: lang)
        name = p.nameMasked
        phone = p.phoneMasked
        temperature = Double(readings.first?.value.tenths ?? p.temperatureTenths) / 10
        remeasured = readings.count > 1 ? Double(readings.last!.value.tenths) / 10 : nil
        abnormal = p.status == "abnormal"
        status = Strings.text(abnormal ? "status_abnormal" : "status_normal", language)
        decision = (EntryDecision(rawValue: p.decision) ?? .deny).label.text(for: lang)
        reasons = p.reasons.split(separator: ",").map { EntryReasonCatalog.reason(String($0), restSeconds: restSeconds).message.text(for: lang) }
            .joined(separator: "；")
        recordedBy = operatorName
    }

    var csvCells: [String] {
        [String(number), time, checkpoint, direction, name, phone, BodyTemperature.text(tenths: Int((temperature * 10).rounded())),
         remeasured.map { BodyTemperature.text(tenths: Int(($0 * 10).rounded())) } ?? "", status, decision, reasons, recordedBy]
    }

    var xlsxCells: [XLSXWorkbook.Cell] {
        [.number(Double(number)), .text(time), .text(checkpoint), .text(direction), .text(name), .text(phone), .number(temperature),
         remeasured.map { .number($0) } ?? .text(""), .text(status), .text(decision), .text(reasons), .text(recordedBy)]
    }
}
