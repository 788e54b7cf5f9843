/// One valid line of a household and resident import.
public struct ResidentImportRow: Sendable, Equatable {
    public let line: Int
    public let address: HouseholdAddress
    public let name: String
    public let idNumber: ResidentIDNumber
    public let phone: PhoneNumber?
    public let category: ResidentCategory
    /// Last day of a temporary stay.
    public let stayUntil: CalendarDate?
    public let landlordName: String?
    public let landlordPhone: PhoneNumber?
}
