import Foundation

/// Everything the entry policy looks at for one person at one gate at one moment.
public struct EntryRequest: Sendable {
    /// Who the person is to the community.
    public enum Standing: Sendable, Equatable {
        /// Registered with the community (登记备案): a resident, or registered at this gate just now.
        case registered
        /// Not registered and holding no pass.
        case unregistered
        /// A self-registered visitor whose host has not vouched yet.
        case visitorWithoutHost
        /// A visitor vouched for by a resident of the host household, who escorts them.
        case visitorEscorted
        /// A visitor whose visit is over (left already, or registered on another day).
        case visitOver
        /// A visitor to a household under home medical observation: nobody visits it.
        case visitingQuarantinedHousehold
        /// A courier or delivery rider: hands over at the gate, never enters.
        case courier
        /// Applied for a pass or declared a stay; the office or the landlord has not confirmed yet.
        case awaitingConfirmation
        /// Proposed for registration by an operator, not yet checked by the office; `admitted` when the community
        /// lets such people through meanwhile.
        case proposed(admitted: Bool)
    }

    public var direction: Direction
    public var standing: Standing
    public var readings: [TemperatureReading]
    public var wearsMask: Bool
    /// Last day of the ID card's validity, when read or known.
    public var idCardValidUntil: CalendarDate?
    /// Why the pass shown cannot be honoured (revoked, suspended, expired, forged, another community's), if so.
    public var passRefusal: EntryReason?
    /// The person's household is under home medical observation: nobody of it goes out.
    public var homeQuarantine: Bool
    /// The household's or person's outing quota is used up (with what the gate tells them), if so.
    public var quotaRefusal: EntryReason?
    /// The ID number's division code exists in no year of GB/T 2260 (`DivisionCodes.isUnknownDivision`): a warning.
    public var divisionUnknown: Bool = false
    public var now: Date

    public init(direction: Direction, standing: Standing, readings: [TemperatureReading], wearsMask: Bool,
                idCardValidUntil: CalendarDate? = nil, passRefusal: EntryReason? = nil, homeQuarantine: Bool = false,
                quotaRefusal: EntryReason? = nil, now: Date) {
        self.direction = direction
        self.standing = standing
        self.readings = readings
        self.wearsMask = wearsMask
        self.idCardValidUntil = idCardValidUntil
        self.passRefusal = passRefusal
        self.homeQuarantine = homeQuarantine
        self.quotaRefusal = quotaRefusal
        self.now = now
    }
}
