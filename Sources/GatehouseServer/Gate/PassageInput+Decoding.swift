import Foundation
import Vapor

extension PassageInput {
    /// The decoder `req.content` uses for JSON (dates in ISO 8601), made once.
    static let jsonDecoder = JSONDecoder.custom(dates: .iso8601)

    /// The request's passage: a JSON body straight through one shared decoder — what `req.content` does, without
    /// looking its decoder up by media type for each of the gate's requests; any other body through `req.content`.
    static func decode(from req: Request) throws -> PassageInput {
        if let body = req.body.data, let type = req.headers.first(name: .contentType), isJSON(type) {
            return try jsonDecoder.decode(PassageInput.self, from: body)
        }
        return try req.content.decode(PassageInput.self)
    }

    /// `application/json`, in any case, perhaps with parameters (`; charset=utf-8`).
    static func isJSON(_ contentType: String) -> Bool {
        let expected = "application/json".utf8
        var sent = contentType.utf8.makeIterator()
        for byte in expected {
            guard let c = sent.next(), (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c) ? c | 0x20 == byte : c == byte
            else { return false }
        }
        let rest = sent.next()
        return rest == nil || rest == UInt8(ascii: ";") || rest == UInt8(ascii: " ")
    }
}
