import Foundation
import GatehouseCore

/// The one way the gate puts a person to the entry policy — the general path, its re-measure and the hot path alike.
extension EntryRequest {
    /// What the gate knows of the person: the card's stored validity as text (`cardValidUntil`), the pass's refusal,
    /// the household's quarantine, the outing quota's refusal.
    static func atGate(direction: Direction, standing: Standing, readings: [TemperatureReading], wearsMask: Bool,
                       cardValidUntil: String?, passRefusal: EntryReason?, homeQuarantine: Bool, quotaRefusal: EntryReason?,
                       divisionUnknown: Bool = false, now: Date) -> EntryRequest {
        var request = EntryRequest(direction: direction, standing: standing, readings: readings, wearsMask: wearsMask,
                                   idCardValidUntil: cardValidUntil.flatMap { CalendarDate(parsing: $0) }, passRefusal: passRefusal,
                                   homeQuarantine: homeQuarantine, quotaRefusal: quotaRefusal, now: now)
        request.divisionUnknown = divisionUnknown
        return request
    }
}

extension EntryRequest.Standing {
    /// How the person stands at the gate: as their registration code says; else registered (known to the office, or
    /// holding a pass); else proposed by an operator and waiting for the office (admitted meanwhile if the community
    /// allows it); else unregistered.
    static func atGate(registration: RegistrationAtGate?, registered: Bool, proposed: Bool, admitProposed: Bool,
                       today: CalendarDate) -> EntryRequest.Standing {
        registration?.standing(today: today)
            ?? (registered ? .registered : proposed ? .proposed(admitted: admitProposed) : .unregistered)
    }
}
