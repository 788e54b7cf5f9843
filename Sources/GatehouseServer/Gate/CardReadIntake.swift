import Fluent
import Foundation
import GatehouseCore
import GatehouseStore
import Vapor

/// Re-validates a reader's post, stores it sealed for the checkpoint and shows it on the operator's screen.
struct CardReadIntake {
    struct Received: Content {
        let id: UUID
        let checkpointId: UUID
        let receivedAt: Date
    }

    /// What the operator screen gets: the card as printed, for the person standing there.
    struct CardEvent: Content {
        let cardReadId: UUID
        let card: CardDetails
        let sexLabel: String
        let age: Int
        let division: String
        let expired: Bool
        let hasPhoto: Bool
        /// The card's own photo as a `data:` address, so the guard can compare face and card. It travels in this
        /// event alone (to the checkpoint's screen, held in memory there for the read) and is never stored.
        let photo: String?
    }

    let services: GatehouseServices
    let db: any Database
    let live: any LiveUpdates

    static func invalid(_ code: String, zh: String, en: String) -> AppError {
        AppError(.unprocessableEntity, code, zh: zh, en: en)
    }

    func receive(_ read: CardReadInput, from device: ReaderDevice) async throws -> Received {
        let input = read.card
        guard ["resident", "permit", "foreignPermanent"].contains(input.cardType) else {
            throw Self.invalid("invalid_card_type", zh: "证件类型无效", en: "cardType must be resident, permit or foreignPermanent")
        }
        guard let name = PersonName.validated(input.name) else { throw GateService.invalid("invalid_name", GateService.badName) }
        let id = try GateService.idNumber(input.idNumber, today: services.today)
        if let text = input.birthDate {
            guard let birth = CalendarDate(parsing: text), birth == id.birthDate else {
                throw Self.invalid("birth_date_mismatch", zh: "卡面出生日期与身份证号码不符", en: "The birth date on the card does not match the ID number")
            }
        }
        if let sex = input.sex, !["男", "女", "male", "female", "M", "F"].contains(sex) {
            throw Self.invalid("invalid_sex", zh: "性别无效", en: "Invalid sex")
        }
        if let sex = input.sex, (["男", "male", "M"].contains(sex) ? Sex.male : .female) != id.sex {
            throw Self.invalid("sex_mismatch", zh: "卡面性别与身份证号码不符", en: "The sex on the card does not match the ID number")
        }
        let validUntil = input.validUntil.map { $0.trimmingCharacters(in: .whitespaces) }
        if let v = validUntil, v != "长期", CalendarDate(parsing: v) == nil {
            throw Self.invalid("invalid_validity", zh: "有效期限格式无效", en: "validUntil must be a date or 长期")
        }
        var photoData: Data?
        if let b64 = read.photo, !b64.isEmpty {
            guard let data = Data(base64Encoded: b64, options: .ignoreUnknownCharacters), !data.isEmpty, data.count <= 1_048_576,
                  data.starts(with: [0xFF, 0xD8, 0xFF]) || data.starts(with: [0x42, 0x4D]) // JPEG or BMP
            else { throw Self.invalid("invalid_photo", zh: "证件照片应为JPEG或BMP", en: "The card photo must be a JPEG or BMP") }
            photoData = data
        }
        let card = CardDetails(cardType: input.cardType, name: name, sex: id.sex.rawValue, ethnicity: clean(input.ethnicity),
                               birthDate: id.birthDate.description, address: clean(input.address, max: 120),
                               issuingAuthority: clean(input.issuingAuthority), validFrom: clean(input.validFrom),
                               validUntil: validUntil, idNumber: id.value)
        let now = services.clock.now()
        let stored = CardRead()
        stored.id = UUID()
        stored.checkpointID = device.checkpointID
        stored.deviceID = try device.requireID()
        stored.payloadSealed = services.sealer.seal(String(decoding: try JSONEncoder().encode(card), as: UTF8.self), context: "card_read.payload")
        stored.createdAt = now
        try await db.writeTransaction { tx in
            try await stored.create(on: tx)
            device.lastSeenAt = now
            try await device.save(on: tx)
        }
        // The card photo is checked but not kept: the person's own photo is taken at the gate when needed.
        let photo = photoData.map { ($0.starts(with: [0x42, 0x4D]) ? "data:image/bmp;base64," : "data:image/jpeg;base64,") + $0.base64EncodedString() }
        let division = services.divisions.lookup(id.divisionCode, inYear: id.birthDate.year)
        let event = CardEvent(cardReadId: stored.id!, card: card, sexLabel: id.sex.label.zh, age: id.age(on: services.today),
                              division: division.fullName, expired: card.validUntilDate.map { $0 < services.today } ?? false,
                              hasPhoto: photoData != nil, photo: photo)
        await live.publish(LiveEvent(type: "card", payload: event), to: .checkpoint(device.checkpointID))
        return Received(id: stored.id!, checkpointId: device.checkpointID, receivedAt: now)
    }

    private func clean(_ text: String?, max: Int = 60) -> String? {
        guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return String(t.prefix(max))
    }
}
