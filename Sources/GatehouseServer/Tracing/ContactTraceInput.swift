import Vapor

/// What the health worker asks: whom (ID number, or phone for someone registered without a document), how many days
/// back, how wide a window at the gate, and why.
struct ContactTraceInput: Content {
    var idNumber: String?
    var phone: String?
    var days: Int?
    var windowMinutes: Int?
    var reason: String?
}
