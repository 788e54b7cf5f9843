/// What the office fills in to put a household under home medical observation.
struct QuarantineOrderInput: Codable {
    /// `yyyy-MM-dd`, China dates, both included.
    var startsOn: String?
    var endsOn: String?
    var reason: String?
    /// Who ordered it (e.g. 区卫健委 / 王医生).
    var orderedBy: String?
    /// The orderer confirms an order shorter than the community's minimum.
    var confirmShort: Bool?
}
