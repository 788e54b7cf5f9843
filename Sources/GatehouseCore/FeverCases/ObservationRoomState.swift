import Foundation

/// Whether an observation room can take the next person (Inner Mongolia notice: fever → observation room → … →
/// disinfection): one person at a time, and the room disinfected after each person before the next goes in.
public enum ObservationRoomState: String, Sendable, CaseIterable {
    /// Someone waits in it now (使用中).
    case occupied
    /// The last person has left and it has not been disinfected since (待消毒).
    case awaitingDisinfection
    /// Empty and disinfected since its last use, or never used (可用).
    case available

    /// `occupied`: a fever case is in the room now; `lastUsed`: when the last person left it; `lastDisinfected`: its
    /// last disinfection.
    public init(occupied: Bool, lastUsed: Date?, lastDisinfected: Date?) {
        if occupied {
            self = .occupied
        } else if let lastUsed, lastDisinfected.map({ $0 < lastUsed }) ?? true {
            self = .awaitingDisinfection
        } else {
            self = .available
        }
    }

    /// Whether a fever case at `stage` is in its room: taken in, and not yet transferred or released.
    public static func holdsTheRoom(_ stage: FeverCaseStage) -> Bool {
        stage == .inObservation || stage == .reported
    }

    public var label: LocalizedText {
        switch self {
        case .occupied: return LocalizedText(zh: "使用中", en: "In use")
        case .awaitingDisinfection: return LocalizedText(zh: "待消毒", en: "To disinfect")
        case .available: return LocalizedText(zh: "可用", en: "Available")
        }
    }

    /// Why nobody may be taken into a room in this state (nil: they may).
    public var admissionRefusal: EntryReason? {
        switch self {
        case .occupied:
            return EntryReason(code: "room_occupied", message: LocalizedText(
                zh: "该留观室正有人留观：一间留观室一次只留观一人，请选择其他留观室或登记新的留观室",
                en: "Someone is in this observation room: one person at a time — choose another room or register a new one"))
        case .awaitingDisinfection:
            return EntryReason(code: "room_not_disinfected", message: LocalizedText(
                zh: "该留观室上一位留观人员离开后尚未消毒：请先消毒，或选择其他留观室",
                en: "This observation room has not been disinfected since the last person left: disinfect it first, or choose another room"))
        case .available:
            return nil
        }
    }

    /// Why the room cannot be disinfected now (nil: it can).
    public var disinfectionRefusal: EntryReason? {
        guard self == .occupied else { return nil }
        return EntryReason(code: "room_in_use", message: LocalizedText(
            zh: "留观室内有人留观，不能消毒：待其转运或解除留观后再消毒",
            en: "Someone is in the observation room: disinfect it once they have been transferred or released"))
    }
}
