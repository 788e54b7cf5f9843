import Foundation
import GatehouseCore

/// The fields printed on an identity card, as a reader returns them (sealed as one JSON value when stored).
struct CardDetails: Codable, Sendable, Equatable {
    var cardType: String
    var name: String
    var sex: String?
    var ethnicity: String?
    var birthDate: String?
    var address: String?
    var issuingAuthority: String?
    var validFrom: String?
    var validUntil: String?
    var idNumber: String

    /// "长期" (long-term) cards never expire.
    var validUntilDate: CalendarDate? { validUntil.flatMap { CalendarDate(parsing: $0) } }
}
