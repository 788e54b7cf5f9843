import Foundation
import Vapor

/// What a desktop or NFC reader bridge posts after reading a card: the card's printed fields (`CardDetails`, in the
/// same flat JSON object) and its photo.
struct CardReadInput: Content {
    var card: CardDetails
    /// Base64 of the card's JPEG or BMP photo.
    var photo: String?

    private enum CodingKeys: String, CodingKey { case photo }

    init(card: CardDetails, photo: String?) {
        self.card = card
        self.photo = photo
    }

    init(from decoder: any Decoder) throws {
        card = try CardDetails(from: decoder)
        photo = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .photo)
    }

    func encode(to encoder: any Encoder) throws {
        try card.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(photo, forKey: .photo)
    }
}
