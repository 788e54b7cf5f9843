import Foundation
import GatehouseCore

extension SelfRegistration {
    /// The sealed fields, opened for the gate, the office or the person's own status page.
    struct Opened {
        let name: String
        let phone: String
        let idNumber: String?
        /// `RegistrationAnswers.sealedExtras` plus the household's address parts.
        let answers: [String: String]

        var address: HouseholdAddress? {
            try? HouseholdAddress(building: answers["building"], unit: answers["unit"], room: answers["room"],
                                  villageGroup: answers["villageGroup"], houseNumber: answers["houseNumber"])
        }
    }

    func opened(with sealer: FieldSealer) -> Opened {
        let answersJSON = (try? sealer.open(answersSealed, context: "self_registration.answers")) ?? "{}"
        let answers = (try? JSONDecoder().decode([String: String].self, from: Data(answersJSON.utf8))) ?? [:]
        return Opened(name: (try? sealer.open(nameSealed, context: "self_registration.name")) ?? nameMasked,
                      phone: (try? sealer.open(phoneSealed, context: "self_registration.phone")) ?? phoneMasked,
                      idNumber: idNumberSealed.flatMap { try? sealer.open($0, context: "self_registration.id_number") },
                      answers: answers)
    }

    /// Seals what the person gave (replacing what an earlier submission of the same day gave).
    func fill(from details: SelfRegistrationDetails, services: GatehouseServices) {
        let sealer = services.sealer
        nameSealed = sealer.seal(details.name, context: "self_registration.name")
        nameMasked = PersonName.mask(details.name)
        phoneSealed = sealer.seal(details.phone.value, context: "self_registration.phone")
        phoneIndex = services.blindIndex.phone(details.phone)
        phoneMasked = details.phone.masked
        let id = details.answers.idNumber
        idNumberSealed = id.map { sealer.seal($0.value, context: "self_registration.id_number") }
        idNumberIndex = id.map { services.blindIndex.idNumber($0) }
        householdLabel = details.answers.household?.label
        var answers = details.answers.sealedExtras
        if let address = details.answers.household {
            answers["building"] = address.building
            answers["unit"] = address.unit
            answers["room"] = address.room
            answers["villageGroup"] = address.villageGroup
            answers["houseNumber"] = address.houseNumber
        }
        answers["landlordPhone"] = details.answers.landlordPhone?.value
        landlordPhoneIndex = details.answers.landlordPhone.map { services.blindIndex.phone($0) }
        let json = (try? JSONEncoder().encode(answers)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        answersSealed = sealer.seal(json, context: "self_registration.answers")
    }

    var categoryValue: RegistrationCategory { RegistrationCategory(rawValue: category) ?? .visitor }
}
