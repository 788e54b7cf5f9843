/// A body temperature reading in °C, held in tenths of a degree (36.6 °C is 366).
public struct BodyTemperature: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The lowest reading a live, measurable person gives; below is a bad measurement (cold skin, wrong mode).
    public static let lowest = 340
    /// The highest plausible reading.
    public static let highest = 425

    public let tenths: Int

    /// Accepts 34.0 to 42.5 with at most one decimal; anything else is "invalid reading, measure again".
    public init(celsius: Double) throws(TemperatureError) {
        guard celsius.isFinite else { throw .outOfRange }
        let scaled = (celsius * 10).rounded()
        guard abs(celsius * 10 - scaled) < 1e-6 else { throw .precision }
        try self.init(tenths: Int(scaled))
    }

    /// Parses a typed reading ("36.6", "36,6", "３６.６").
    public init(text: String) throws(TemperatureError) {
        let cleaned = ResidentIDNumber.normalise(text).replacingOccurrences(of: ",", with: ".")
            .replacingOccurrences(of: "℃", with: "").replacingOccurrences(of: "°C", with: "")
        guard let value = Double(cleaned) else { throw .notANumber }
        try self.init(celsius: value)
    }

    /// From tenths of a degree.
    public init(tenths: Int) throws(TemperatureError) {
        guard (Self.lowest...Self.highest).contains(tenths) else { throw .outOfRange }
        self.tenths = tenths
    }

    /// Degrees Celsius.
    public var celsius: Double { Double(tenths) / 10 }

    /// "36.6".
    public var description: String { Self.text(tenths: tenths) }

    /// Tenths of a degree as text with one decimal, e.g. 365 → "36.5" (lists and exports format many of them).
    public static func text(tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : "", size = abs(tenths)
        return "\(sign)\(size / 10).\(size % 10)"
    }

    public static func < (a: BodyTemperature, b: BodyTemperature) -> Bool { a.tenths < b.tenths }
}
