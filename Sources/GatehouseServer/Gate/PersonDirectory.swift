import Fluent
import Foundation
import GatehouseCore

/// Finds the person seen before — by ID number (blind index) or, with no document, by phone — or records a new one.
struct PersonDirectory {
    let services: GatehouseServices
    let db: any Database
    let communityID: UUID
    /// Who records new people (nil for look-ups that store nothing).
    let actor: UUID?

    func find(idNumber: ResidentIDNumber) async throws -> Person? {
        try await Person.query(on: db).filter(\.$communityID == communityID)
            .filter(\.$idNumberIndex == services.blindIndex.idNumber(idNumber)).first()
    }

    /// The person with this ID number, updated with what is new (a name, a phone, a fresh card read); registered with
    /// the community (登记备案) by `registeringBy` when given and not yet registered.
    func upsert(idNumber: ResidentIDNumber, name: String?, phone: PhoneNumber?, card: CardDetails?,
                registeringBy registrar: UUID? = nil) async throws -> Person {
        let sealer = services.sealer
        let person = try await find(idNumber: idNumber)
            ?? Person(communityID: communityID, createdAt: services.clock.now(), createdBy: try recorder())
        if person.id == nil {
            person.idNumberIndex = services.blindIndex.idNumber(idNumber)
            person.idNumberSealed = sealer.seal(idNumber.value, context: "person.id_number")
            person.documentKind = idNumber.kind.rawValue
        }
        if let name = card?.name ?? name {
            person.nameSealed = sealer.seal(name, context: "person.name")
            person.nameMasked = PersonName.mask(name)
        }
        if let phone { setPhone(person, phone) }
        if let card {
            let json = String(decoding: try JSONEncoder().encode(card), as: UTF8.self)
            person.cardSealed = sealer.seal(json, context: "person.card")
            person.cardValidUntil = card.validUntilDate?.description
        }
        if let registrar, !person.isRegistered {
            person.isRegistered = true
            person.registeredAt = services.clock.now()
            person.registeredBy = registrar
        }
        try await person.save(on: db)
        return person
    }

    /// A person registered without a document, recognised again by phone.
    func upsertWithoutDocument(name: String, phone: PhoneNumber) async throws -> Person {
        let person = try await find(phone: phone)
            ?? Person(communityID: communityID, createdAt: services.clock.now(), createdBy: try recorder())
        person.nameSealed = services.sealer.seal(name, context: "person.name")
        person.nameMasked = PersonName.mask(name)
        setPhone(person, phone)
        try await person.save(on: db)
        return person
    }

    /// A person seen before without a document, by phone.
    func find(phone: PhoneNumber) async throws -> Person? {
        try await Person.query(on: db).filter(\.$communityID == communityID)
            .filter(\.$phoneIndex == services.blindIndex.phone(phone)).filter(\.$idNumberIndex == nil).first()
    }

    /// The person behind a self-registration, when seen before (nothing is stored).
    func find(registrationOf r: SelfRegistration.Opened) async throws -> Person? {
        if let text = r.idNumber, let id = try? ResidentIDNumber(text, today: services.today) { return try await find(idNumber: id) }
        guard let phone = try? PhoneNumber(r.phone) else { return nil }
        return try await find(phone: phone)
    }

    /// The person behind a self-registration: by ID number when given, otherwise by phone.
    func upsert(registrationOf r: SelfRegistration.Opened) async throws -> Person {
        let phone = try? PhoneNumber(r.phone)
        if let text = r.idNumber, let id = try? ResidentIDNumber(text, today: services.today) {
            return try await upsert(idNumber: id, name: r.name, phone: phone, card: nil)
        }
        guard let phone else { throw AppError(.unprocessableEntity, "invalid_phone", PhoneNumberError.empty.message) }
        return try await upsertWithoutDocument(name: r.name, phone: phone)
    }

    /// Who records a new person: a directory made for look-ups alone records nobody.
    private func recorder() throws -> UUID {
        guard let actor else { throw AppError(.internalServerError, "no_recorder", zh: "无法登记：缺少登记人", en: "Cannot record: nobody is recording") }
        return actor
    }

    private func setPhone(_ person: Person, _ phone: PhoneNumber) {
        person.phoneSealed = services.sealer.seal(phone.value, context: "person.phone")
        person.phoneIndex = services.blindIndex.phone(phone)
        person.phoneMasked = phone.masked
    }
}
