import GatehouseCore

/// A health check entered by the health worker (returnee check-in, quarantine round): the temperature they
/// measured, the symptoms (or explicitly none) and a short note.
struct HealthObservation {
    let temperature: BodyTemperature
    let symptoms: [Symptom]
    let note: String?

    init(temperature celsius: Double?, symptoms chosen: [String], note: String?) throws {
        do { temperature = try BodyTemperature(celsius: celsius ?? .nan) } catch {
            throw AppError(.unprocessableEntity, error.code, error.message)
        }
        let picked = chosen.filter { !$0.isEmpty }
        let parsed = picked == ["none"] ? [] : picked.compactMap(Symptom.init(rawValue:))
        guard !picked.isEmpty, picked == ["none"] || (parsed.count == picked.count && !picked.contains("none")) else {
            throw AppError(.unprocessableEntity, "invalid_symptoms", zh: "请选择症状；没有症状请只选“无”", en: "Choose the symptoms; with none, choose only “None”")
        }
        symptoms = parsed
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (text?.count ?? 0) <= 100 else { throw AppError(.unprocessableEntity, "note_too_long", zh: "说明最多100字", en: "At most 100 characters") }
        self.note = text?.isEmpty == true ? nil : text
    }

    /// Comma-separated raw values, as stored.
    var storedSymptoms: String { symptoms.map(\.rawValue).joined(separator: ",") }
}
