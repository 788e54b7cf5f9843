import Fluent
import Foundation
import GatehouseCore
import GatehouseStore
import Vapor

extension GateService {
    /// The re-measure after the rest: it decides.
    func remeasure(_ passageID: UUID?, _ input: RemeasureInput, by user: User) async throws -> PassageView {
        guard let passageID, let passage = try await Passage.find(passageID, on: db) else { throw AppError.notFound }
        let (gate, community) = try await GateAccess.checkpoint(passage.$checkpoint.id, for: user, on: db)
        let rule = Self.feverRule(of: community)
        guard passage.awaitingRemeasure else {
            throw AppError(.conflict, "not_awaiting_remeasure", zh: "该记录无需复测", en: "This passage is not waiting for a re-measure")
        }
        let reading = try Self.reading(input.temperature, rule: rule)
        let now = services.clock.now()
        var readings = ReadingsCodec.decode(passage.readings)
        if let first = readings.first {
            let remaining = rule.restRemaining(after: first, now: now)
            if remaining > 0 {
                let minutes = (remaining + 59) / 60
                throw Self.invalid("rest_not_over", LocalizedText(zh: "休息时间未到，请\(minutes)分钟后再复测", en: "The rest is not over: measure again in \(minutes) min"))
            }
        }
        readings.append(TemperatureReading(value: reading, takenAt: now))
        let allReadings = readings
        let person = try await Person.find(passage.$person.id, on: db)
        let household = try await Household.find(passage.householdID, on: db)
        let direction = passage.direction
        let quota = direction == .out
            ? try await OutingQuotaCounter(db: db).status(community.outingQuota, householdID: household?.id, personID: person?.id,
                                                          passID: passage.passID, now: now)
            : nil
        let passRefusal = passage.reasons.split(separator: ",").map(String.init).first { $0.hasPrefix("pass_") }
            .map { EntryReasonCatalog.reason($0, restSeconds: rule.restSeconds) }
        let registered = passage.passID != nil || person?.isRegistered == true
        let registration: RegistrationAtGate? = if let r = try await SelfRegistration.find(passage.registrationID, on: db) {
            try await RegistrationAtGate.load(r, services: services, db: db)
        } else { nil }
        let proposed = !registered && person != nil
            ? try await RegistrationProposals(services: services, db: db).pending(person: person!.id!, community: community.id!) != nil : false
        let standing = EntryRequest.Standing.atGate(registration: registration, registered: registered, proposed: proposed,
                                                    admitProposed: community.admitProposed, today: services.today)
        let outcome = EntryPolicy(feverRule: rule).decide(.atGate(
            direction: direction, standing: standing, readings: readings, wearsMask: passage.wearsMask,
            cardValidUntil: person?.cardValidUntil, passRefusal: passRefusal, homeQuarantine: household?.homeQuarantine ?? false,
            quotaRefusal: quota?.refusal, divisionUnknown: passage.reasons.split(separator: ",").contains("division_unknown"), now: now))
        let userID = try user.requireID()
        let fever: FeverCase? = try await db.writeTransaction { tx in
            Self.apply(outcome, readings: allReadings, to: passage, now: now)
            try await passage.save(on: tx)
            if let registration {
                _ = try await RegistrationPassage.apply(registration, passage: passage, community: community, by: userID,
                                                        services: services, on: tx)
            }
            return try await Self.openFeverCaseIfNeeded(outcome, passage: passage, by: userID, now: now, on: tx)
        }
        let values = passage.values
        await announce(values, gate: gate, feverCase: fever, rule: rule, by: user)
        return PassageView(values, restSeconds: rule.restSeconds, quota: community.outingQuota, language: language)
    }
}
