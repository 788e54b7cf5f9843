import Foundation

extension Passage {
    /// The passage's columns as plain values (every field must be set).
    var values: PassageValues {
        PassageValues(
            id: id!, communityID: communityID, checkpointID: $checkpoint.id, operatorID: $operatorUser.id,
            personID: $person.id, householdID: householdID, passID: passID, registrationID: registrationID,
            direction: direction, mode: mode,
            outcome: .init(readings: readings, temperatureTenths: temperatureTenths, status: status, decision: decision,
                           reasons: reasons, awaitingRemeasure: awaitingRemeasure),
            wearsMask: wearsMask, nameMasked: nameMasked, phoneMasked: phoneMasked, recordedAt: recordedAt,
            clientTime: clientTime, clientRequestID: clientRequestID, updatedAt: updatedAt,
            // A model made in memory and never stored may not have them set (the database's defaults).
            offline: $offline.value ?? false,
            review: ($reviewDecision.value ?? nil).map { PassageValues.Review(decision: $0, reasons: reviewReasons ?? "") })
    }
}
