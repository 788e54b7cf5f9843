import Foundation

/// What a signed pass says: which pass, whose household, which community, what kind, until when.
public struct PassClaims: Sendable, Equatable {
    public let passID: UUID
    public let householdID: UUID
    public let communityID: UUID
    public let kind: PassKind
    /// Whole seconds.
    public let expiresAt: Date

    public init(passID: UUID, householdID: UUID, communityID: UUID, kind: PassKind, expiresAt: Date) {
        self.passID = passID
        self.householdID = householdID
        self.communityID = communityID
        self.kind = kind
        self.expiresAt = Date(timeIntervalSince1970: expiresAt.timeIntervalSince1970.rounded(.down))
    }

    /// 1 version byte, three UUIDs, the kind, and the expiry as seconds (big-endian UInt32).
    var bytes: [UInt8] {
        var out: [UInt8] = [1]
        for id in [passID, householdID, communityID] { out += withUnsafeBytes(of: id.uuid) { Array($0) } }
        out.append(kind.rawValue)
        let t = UInt32(clamping: Int64(expiresAt.timeIntervalSince1970))
        out += [UInt8(t >> 24), UInt8(t >> 16 & 0xFF), UInt8(t >> 8 & 0xFF), UInt8(t & 0xFF)]
        return out
    }

    init?(bytes b: [UInt8]) {
        guard b.count == 54, b[0] == 1, let kind = PassKind(rawValue: b[49]) else { return nil }
        func uuid(_ at: Int) -> UUID {
            let s = Array(b[at..<(at + 16)])
            return UUID(uuid: (s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12], s[13], s[14], s[15]))
        }
        let t = UInt32(b[50]) << 24 | UInt32(b[51]) << 16 | UInt32(b[52]) << 8 | UInt32(b[53])
        self.init(passID: uuid(1), householdID: uuid(17), communityID: uuid(33), kind: kind,
                  expiresAt: Date(timeIntervalSince1970: TimeInterval(t)))
    }
}
