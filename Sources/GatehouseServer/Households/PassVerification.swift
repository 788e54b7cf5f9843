import Fluent
import Foundation
import GatehouseCore
import Vapor

/// `POST /api/v1/passes/verify`: whether a token is a valid pass of the caller's community right now.
struct PassVerification {
    struct Input: Content { var token: String }

    struct Result: Content {
        let valid: Bool
        let passId: UUID?
        let kind: String?
        let householdId: UUID?
        let expiresAt: Date?
        let reason: ReasonView?
    }

    let services: GatehouseServices
    let db: any Database
    let language: Language

    func verify(_ input: Input, by user: User) async throws -> Result {
        let lang = language.rawValue
        let claims: PassClaims
        do { claims = try services.passSignatures.verifySignature(input.token) } catch {
            return Result(valid: false, passId: nil, kind: nil, householdId: nil, expiresAt: nil,
                          reason: ReasonView(code: error.code, message: error.message.text(for: lang)))
        }
        // The caller's community decides: a pass of another community is never valid here.
        let inScope: Bool
        if let own = user.communityID { inScope = own == claims.communityID }
        else { inScope = (try? await AccessScope(user).community(claims.communityID, on: db)) != nil }
        guard inScope else {
            let e = PassTokenError.wrongCommunity
            return Result(valid: false, passId: nil, kind: nil, householdId: nil, expiresAt: nil,
                          reason: ReasonView(code: e.code, message: e.message.text(for: lang)))
        }
        // A resident checks their own household's passes, not a neighbour's.
        if user.roleValue == .resident, !(try await OwnHousehold.of(user, on: db).households.contains(claims.householdID)) {
            throw AppError(.forbidden, "not_own_pass", zh: "居民只能查验本户的通行证", en: "Residents can only check their own household's passes")
        }
        let r = try await PassResolver(services: services, db: db).resolve(claims, community: claims.communityID)
        return Result(valid: r.isValid, passId: claims.passID, kind: claims.kind.code, householdId: claims.householdID,
                      expiresAt: claims.expiresAt, reason: r.refusal.map { ReasonView(code: $0.code, message: $0.message.text(for: lang)) })
    }
}
