import GatehouseCore

extension GatehouseServices {
    /// The signed token for a pass (what its QR code holds), signed afresh from the row.
    func passToken(for pass: Pass) -> String {
        passSigner.token(for: PassClaims(passID: pass.id!, householdID: pass.$household.id, communityID: pass.communityID,
                                         kind: PassKind(code: pass.kind) ?? .household, expiresAt: pass.expiresAt))
    }
}
