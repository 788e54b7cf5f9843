import Fluent
import Foundation
import GatehouseCore

/// The person at the gate, as the operator identified them, after validation.
enum GateIdentity {
    case idNumber(ResidentIDNumber, name: String?, phone: PhoneNumber?, card: CardDetails?, cardRead: CardRead?)
    case noDocument(name: String, phone: PhoneNumber)
    case pass(PassResolution)
    case registration(RegistrationAtGate)

    var mode: IdentificationMode {
        switch self {
        case .idNumber(_, _, _, let card, _): return card == nil ? .typed : .reader
        case .noDocument: return .noId
        case .pass: return .pass
        case .registration: return .registration
        }
    }

    /// An ID number typed or read whose division code exists in no year of GB/T 2260: the gate warns.
    func divisionUnknown(_ divisions: DivisionCodes) -> Bool {
        if case .idNumber(let id, _, _, _, _) = self { return divisions.isUnknownDivision(of: id) }
        return false
    }
}

extension GateService {
    /// Validates the one identification the input carries; nothing is stored.
    func identify(_ input: PassageInput, checkpoint gate: Checkpoint) async throws -> GateIdentity {
        let given = [input.idNumber != nil, input.cardReadId != nil, input.noId != nil, input.passCode != nil,
                     input.registrationCode != nil].filter { $0 }.count
        guard given == 1 else {
            throw Self.invalid(given == 0 ? "identification_required" : "identification_ambiguous",
                               LocalizedText(zh: "请扫通行证或登记码、刷身份证、输入身份证号，或使用无证登记（只选一种）",
                                             en: "Scan the pass or registration code, read the ID card, type the ID number, or use no-ID registration (only one)"))
        }
        if let code = input.passCode {
            return .pass(try await PassResolver(services: services, db: db).resolve(code, community: gate.$community.id))
        }
        if let code = input.registrationCode {
            return .registration(try await RegistrationAtGate.resolve(code, gate: gate, services: services, db: db))
        }
        let phone = try Self.optionalPhone(input.phone)
        let name = try Self.optionalName(input.name)
        if let text = input.idNumber {
            return .idNumber(try Self.idNumber(text, today: services.today), name: name, phone: phone, card: nil, cardRead: nil)
        }
        if let readID = input.cardReadId {
            guard let read = try await CardRead.find(readID, on: db), read.checkpointID == gate.id, read.usedByPassage == nil,
                  let json = try? services.sealer.open(read.payloadSealed, context: "card_read.payload"),
                  let card = try? JSONDecoder().decode(CardDetails.self, from: Data(json.utf8)),
                  let id = try? ResidentIDNumber(card.idNumber, today: services.today)
            else {
                throw Self.invalid("unknown_card_read", LocalizedText(zh: "读卡记录无效或已使用，请重新刷卡", en: "Unknown or used card read; read the card again"))
            }
            return .idNumber(id, name: card.name, phone: phone, card: card, cardRead: read)
        }
        let noId = input.noId!
        guard let noIdName = PersonName.validated(noId.name) else { throw Self.invalid("invalid_name", Self.badName) }
        guard let noIdPhone = try Self.optionalPhone(noId.phone) else {
            throw Self.invalid("invalid_phone", PhoneNumberError.empty.message)
        }
        return .noDocument(name: noIdName, phone: noIdPhone)
    }

    static func idNumber(_ text: String, today: CalendarDate) throws -> ResidentIDNumber {
        let result = Result { () throws(IDNumberError) -> ResidentIDNumber in try ResidentIDNumber(text, today: today) }
        switch result {
        case .success(let id): return id
        case .failure(let error): throw invalid("invalid_id_number", error.message)
        }
    }

    static func optionalPhone(_ text: String?) throws -> PhoneNumber? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let result = Result { () throws(PhoneNumberError) -> PhoneNumber in try PhoneNumber(text) }
        switch result {
        case .success(let phone): return phone
        case .failure(let error): throw invalid("invalid_phone", error.message)
        }
    }

    static func optionalName(_ text: String?) throws -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let valid = PersonName.validated(text) else { throw invalid("invalid_name", badName) }
        return valid
    }

    static let badName = LocalizedText(zh: "请输入姓名（1至40个字，不含数字和符号）", en: "Enter a name (1 to 40 characters, no digits or symbols)")
}
