import Foundation
import Vapor

/// What a desktop or NFC reader bridge posts after reading a card.
struct CardReadInput: Content {
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
    /// Base64 of the card's JPEG or BMP photo.
    var photo: String?
}
