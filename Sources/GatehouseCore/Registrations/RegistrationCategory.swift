/// Who registers themselves at a gate's poster (进出人员自助登记): each category needs its own fields and meets its
/// own rule at the gate (Henan guide).
public enum RegistrationCategory: String, Sendable, Codable, CaseIterable {
    /// A resident applying for a pass.
    case resident
    /// A visitor: refused unless a resident of the host household vouches and escorts.
    case visitor
    /// A tenant declaring their stay: the landlord confirms.
    case tenant
    /// A migrant worker or other newcomer declaring themselves (外来人员自主申报).
    case migrant
    /// Someone returning from elsewhere, reporting on arrival day.
    case returnee
    /// A courier or delivery rider: hands over at the gate, never enters.
    case courier

    public var label: LocalizedText {
        switch self {
        case .resident: return LocalizedText(zh: "本小区居民（申请通行证）", en: "Resident (apply for a pass)")
        case .visitor: return LocalizedText(zh: "访客", en: "Visitor")
        case .tenant: return LocalizedText(zh: "租户", en: "Tenant")
        case .migrant: return LocalizedText(zh: "外来务工及其他新到人员（自主申报）", en: "Migrant worker or newcomer (self-declaration)")
        case .returnee: return LocalizedText(zh: "返乡/返回人员（到达当日报告）", en: "Returnee (report on arrival day)")
        case .courier: return LocalizedText(zh: "快递员、外卖骑手", en: "Courier or delivery rider")
        }
    }

    /// The fields the form shows for this category, in order.
    public var fields: [RegistrationField] {
        switch self {
        case .resident: return [.name, .idNumber, .phone, .household]
        case .visitor: return [.name, .phone, .idNumber, .household, .visitPurpose]
        case .tenant: return [.name, .idNumber, .phone, .household, .origin, .moveIn, .moveOut, .landlordPhone]
        case .migrant: return [.name, .idNumber, .phone, .household, .origin, .moveIn, .employer, .landlordPhone]
        case .returnee: return [.name, .idNumber, .phone, .household, .origin, .arrivalDate, .transport, .transportNumber, .symptoms]
        case .courier: return [.platform, .name, .phone, .household]
        }
    }

    /// What the data is for and how long it is kept, shown above the form.
    public var purpose: LocalizedText {
        switch self {
        case .resident:
            return LocalizedText(zh: "用于社区核实住户身份并发放通行证。", en: "Used by the community office to verify you and issue a pass.")
        case .visitor:
            return LocalizedText(zh: "用于门岗核实来访并记录陪同住户；访客通行仅限本次、当日有效。", en: "Used by the gate to check the visit and record the escorting resident; valid for this visit and today only.")
        case .tenant, .migrant:
            return LocalizedText(zh: "用于社区和房东核实居住情况；房东确认并提交租赁凭证后方可办理通行证。", en: "Used by the community and the landlord to confirm your stay; a pass is issued only after the landlord confirms and a proof is attached.")
        case .returnee:
            return LocalizedText(zh: "用于到达当日健康报告和之后的健康监测。", en: "Used for the arrival-day health report and the monitoring that follows.")
        case .courier:
            return LocalizedText(zh: "用于登记投递并通知收件住户到指定取件点取件；快递外卖人员不进入小区。", en: "Used to log the delivery and tell the household to collect it at the pickup point; couriers do not enter.")
        }
    }
}
