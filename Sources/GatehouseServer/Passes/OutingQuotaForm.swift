import GatehouseCore

/// Checks the outing quota settings a community admin enters.
enum OutingQuotaForm {
    static func quota(enabled: Bool, scope: String?, exits: Int?, days: Int?, fromHour: Int?, toHour: Int?) throws -> OutingQuota? {
        guard enabled else { return nil }
        guard let scope = OutingQuota.Scope(rawValue: scope ?? "household") else {
            throw AppError(.unprocessableEntity, "invalid_scope", zh: "请选择按户或按人", en: "Choose per household or per person")
        }
        guard let exits, (1...50).contains(exits), let days, (1...30).contains(days) else {
            throw AppError(.unprocessableEntity, "invalid_quota", zh: "外出次数为1至50次，周期为1至30天", en: "Exits 1 to 50, period 1 to 30 days")
        }
        let from = fromHour ?? 0, to = toHour ?? 24
        guard (0...23).contains(from), (1...24).contains(to), from < to else {
            throw AppError(.unprocessableEntity, "invalid_hours", zh: "允许外出时段无效（开始早于结束，0至24点）", en: "Invalid hours (start before end, 0 to 24)")
        }
        return OutingQuota(scope: scope, exits: exits, days: days, fromHour: from, toHour: to)
    }
}
