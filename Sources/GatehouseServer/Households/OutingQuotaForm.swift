import GatehouseCore

/// Checks the outing quota settings a community admin enters.
enum OutingQuotaForm {
    static let invalidScope = AppError(.unprocessableEntity, "invalid_scope", zh: "请选择按户或按人", en: "Choose per household or per person")
    static let invalidQuota = AppError(.unprocessableEntity, "invalid_quota", zh: "外出次数为1至50次，周期为1至30天", en: "Exits 1 to 50, period 1 to 30 days")
    static let invalidHours = AppError(.unprocessableEntity, "invalid_hours", zh: "允许外出时段无效（开始早于结束，0至24点）", en: "Invalid hours (start before end, 0 to 24)")

    static func quota(enabled: Bool, scope: String?, exits: Int?, days: Int?, fromHour: Int?, toHour: Int?) throws -> OutingQuota? {
        // Out of range is wrong whether or not the quota is on (as the API description says).
        if let scope, OutingQuota.Scope(rawValue: scope) == nil { throw invalidScope }
        if let exits, !(1...50).contains(exits) { throw invalidQuota }
        if let days, !(1...30).contains(days) { throw invalidQuota }
        if let fromHour, !(0...23).contains(fromHour) { throw invalidHours }
        if let toHour, !(1...24).contains(toHour) { throw invalidHours }
        guard enabled else { return nil }
        guard let scope = OutingQuota.Scope(rawValue: scope ?? "household") else { throw invalidScope }
        guard let exits, let days else { throw invalidQuota }
        let from = fromHour ?? 0, to = toHour ?? 24
        guard from < to else { throw invalidHours }
        return OutingQuota(scope: scope, exits: exits, days: days, fromHour: from, toHour: to)
    }
}
