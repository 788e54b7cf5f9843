import Foundation
import GatehouseCore

/// The fields printed on an identity card, as a reader returns them (sealed as one JSON value when stored).
struct CardDetails: Codable, Sendable, Equatable {
    /// `resident` (居民身份证), `permit` (港澳台居民居住证) or `foreignPermanent` (外国人永久居留身份证).
    var cardType: String
    var name: String
    var sex: String?
    var ethnicity: String?
    /// `yyyyMMdd` or `yyyy-MM-dd`.
    var birthDate: String?
    var address: String?
    var issuingAuthority: String?
    var validFrom: String?
    /// A date, or 长期 for long-term cards.
    var validUntil: String?
    var idNumber: String

    /// "长期" (long-term) cards never expire.
    var validUntilDate: CalendarDate? { validUntil.flatMap { CalendarDate(parsing: $0) } }
}
