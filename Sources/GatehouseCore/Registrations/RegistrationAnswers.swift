/// The answers of a self-registration beyond name and phone; which are present depends on the category.
public struct RegistrationAnswers: Sendable, Equatable {
    public var idNumber: ResidentIDNumber?
    public var household: HouseholdAddress?
    public var visitPurpose: String?
    /// GB/T 2260 code of where the person comes from (a county, or a city without counties).
    public var originCode: String?
    public var moveIn: CalendarDate?
    public var moveOut: CalendarDate?
    public var landlordPhone: PhoneNumber?
    public var employer: String?
    public var arrivalDate: CalendarDate?
    public var transport: TransportMode?
    public var transportNumber: String?
    /// Empty means "no symptoms" (answered, not skipped).
    public var symptoms: [Symptom] = []
    public var platform: String?

    public init() {}

    /// The answers that are not looked up by the server, as plain strings for sealing in one JSON document.
    public var sealedExtras: [String: String] {
        var out: [String: String] = [:]
        out["visitPurpose"] = visitPurpose
        out["origin"] = originCode
        out["moveIn"] = moveIn?.description
        out["moveOut"] = moveOut?.description
        out["employer"] = employer
        out["arrivalDate"] = arrivalDate?.description
        out["transport"] = transport?.rawValue
        out["transportNumber"] = transportNumber
        out["platform"] = platform
        if arrivalDate != nil { out["symptoms"] = symptoms.isEmpty ? "none" : symptoms.map(\.rawValue).joined(separator: ",") }
        return out
    }
}
