import Foundation
import GatehouseCore

/// What the health worker decided for the household of a person transferred to hospital: home quarantine ordered
/// (a prefilled order, their own words kept), already under an order, or not needed.
enum HouseholdDecision: String, Codable, CaseIterable {
    case ordered
    case alreadyOrdered
    case declined

    /// The form's answer: `order` or `none`.
    static func chosen(_ text: String?) throws -> Bool {
        switch text {
        case "order": return true
        case "none": return false
        default:
            throw AppError(.unprocessableEntity, "household_decision_required", zh: "请决定该户是否居家隔离（转运时须作出决定）",
                           en: "Decide whether the household goes into home quarantine (required with the transfer)")
        }
    }

    /// The sentence the case page shows, with the order's days when there is one.
    func text(order: QuarantineOrder?, language: Language) -> String {
        let days = order.map { " \($0.startsOn.description.suffix(5)) – \($0.endsOn.description.suffix(5))" } ?? ""
        switch self {
        case .ordered: return LocalizedText(zh: "已为该户下达居家隔离\(days)", en: "Home quarantine ordered for the household\(days)").text(for: language.rawValue)
        case .alreadyOrdered: return LocalizedText(zh: "该户已在居家隔离中\(days)", en: "The household was already under home quarantine\(days)").text(for: language.rawValue)
        case .declined: return LocalizedText(zh: "经决定，该户不需居家隔离", en: "Decided: the household does not go into home quarantine").text(for: language.rawValue)
        }
    }
}
