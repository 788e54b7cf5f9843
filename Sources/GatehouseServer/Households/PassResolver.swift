import Fluent
import Foundation
import GatehouseCore

/// Turns what the scanner read — a signed token or a typed short code — into a pass of `community`, checking the
/// signature, the community, the expiry and the pass's status (revocation needs the database; the rest does not).
struct PassResolver {
    let services: GatehouseServices
    let db: any Database

    // 404: what was scanned or typed names no pass (the code may be well formed, the pass does not exist).
    static let unreadable = AppError(.notFound, "pass_malformed", PassTokenError.malformed.message)
    static let unknownCode = AppError(.notFound, "pass_code_unknown",
                                      zh: "没有这个通行码，请核对8位码或重新扫码", en: "No pass has this code; check the 8 characters or scan again")

    func resolve(_ scanned: String, community: UUID) async throws -> PassResolution {
        let text = scanned.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("GH1.") {
            let claims: PassClaims
            do { claims = try services.passSignatures.verifySignature(text) } catch {
                if error == .malformed { throw Self.unreadable }
                return Self.refused(.pass(error))
            }
            return try await resolve(claims, community: community)
        }
        guard let code = PassShortCode(typed: text) else { throw text.isEmpty ? Self.unreadable : Self.unknownCode }
        guard let pass = try await Pass.query(on: db).filter(\.$communityID == community).filter(\.$shortCode == code.value).first()
        else { throw Self.unknownCode }
        return try await resolution(pass, refusal: Self.refusal(of: pass, now: services.clock.now()))
    }

    /// The pass behind claims whose signature has already been checked.
    func resolve(_ claims: PassClaims, community: UUID) async throws -> PassResolution {
        guard claims.communityID == community else {
            let other = try await Community.find(claims.communityID, on: db)?.name
            return Self.refused(other.map(EntryReason.passOfOtherCommunity) ?? .pass(.wrongCommunity))
        }
        guard let pass = try await Pass.find(claims.passID, on: db), pass.communityID == community else {
            return Self.refused(.passRevoked)
        }
        let now = services.clock.now()
        return try await resolution(pass, refusal: claims.expiresAt <= now ? .pass(.expired) : Self.refusal(of: pass, now: now))
    }

    private static func refusal(of pass: Pass, now: Date) -> EntryReason? {
        refusal(status: pass.statusValue, expiresAt: pass.expiresAt, now: now)
    }

    /// Why a pass in `status`, valid until `expiresAt`, cannot be honoured at `now` (nil: it holds).
    static func refusal(status: Pass.Status, expiresAt: Date, now: Date) -> EntryReason? {
        switch status {
        case .revoked: return .passRevoked
        case .suspended: return .passSuspended
        case .active: return expiresAt <= now ? .pass(.expired) : nil
        }
    }

    private func resolution(_ pass: Pass, refusal: EntryReason?) async throws -> PassResolution {
        let household = try await Household.find(pass.$household.id, on: db)
        let resident = try await Resident.find(pass.$resident.id, on: db)
        let person = try await Person.find(resident?.$person.id, on: db)
        return PassResolution(pass: pass, household: household, resident: resident, person: person, refusal: refusal)
    }

    private static func refused(_ reason: EntryReason) -> PassResolution {
        PassResolution(pass: nil, household: nil, resident: nil, person: nil, refusal: reason)
    }
}
