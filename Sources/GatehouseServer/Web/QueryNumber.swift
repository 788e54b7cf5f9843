import Vapor

/// Integer query parameters as the API description states them: absent is nil; text that is not a whole number, or
/// a number outside `range`, is refused (422 `invalid_filter`) rather than quietly read as something else.
enum QueryNumber {
    static func int(_ req: Request, _ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = try? req.query.get(String.self, at: name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            let allowed = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
            throw AppError(.unprocessableEntity, "invalid_filter", zh: "筛选条件\(name)无效（可用：\(allowed)）",
                           en: "Invalid \(name) filter (use \(allowed))")
        }
        return value
    }
}
