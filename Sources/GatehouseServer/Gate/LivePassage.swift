import Foundation

/// A passage as the live record lists receive it: the API's view with the gate's and the recorder's names, so a
/// row that arrives live says who recorded it as the rendered rows do.
struct LivePassage: Encodable, Sendable {
    let passage: PassageView
    let checkpointName: String
    let operatorName: String

    private enum Keys: String, CodingKey { case checkpointName, operatorName }

    func encode(to encoder: any Encoder) throws {
        try passage.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(checkpointName, forKey: .checkpointName)
        try container.encode(operatorName, forKey: .operatorName)
    }
}
