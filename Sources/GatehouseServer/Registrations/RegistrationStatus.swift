import Fluent
import Foundation
import GatehouseCore

/// What the person sees on their status link: the code for the guard, where their registration stands, and what to
/// do next (and, once approved, their pass).
struct RegistrationStatus: Encodable {
    let categoryLabel: String
    let code: String
    let codeQR: String
    let communityName: String
    let gateName: String
    let householdLabel: String?
    let nameMasked: String
    /// `pending`, `ok`, `refused`, `done`: the colour of the status line.
    let tone: String
    let headline: String
    let steps: [String]
    let validUntil: String
    let passQR: String?
    let passShortCode: String?

    static func build(_ r: SelfRegistration, services: GatehouseServices, db: any Database, language: Language) async throws -> RegistrationStatus {
        let lang = language.rawValue
        let reg = try await RegistrationAtGate.load(r, services: services, db: db)
        let gate = try await Checkpoint.find(r.checkpointID, on: db)
        let community = try await Community.find(r.communityID, on: db)
        let show = LocalizedText(zh: "请向\(gate?.name ?? "门岗")的工作人员出示此码，由工作人员测温。", en: "Show this code to the staff at \(gate?.name ?? "the gate"); they take your temperature.")
        var tone = "pending"
        var headline: LocalizedText
        var steps: [LocalizedText] = []
        var passQR: String?
        var passCode: String?
        switch reg.category {
        case .visitor:
            let visit = reg.visit
            if visit?.exitedAt != nil {
                (tone, headline) = ("done", LocalizedText(zh: "本次来访已结束", en: "This visit is over"))
            } else if visit?.enteredAt != nil {
                (tone, headline) = ("ok", LocalizedText(zh: "已进入：离开时请再次出示此码", en: "You are in: show this code again when you leave"))
            } else if visit?.declinedAt != nil {
                (tone, headline) = ("refused", LocalizedText(zh: "被访住户已拒绝此来访", en: "The household declined this visit"))
            } else if visit?.isVouched == true {
                (tone, headline) = ("ok", LocalizedText(zh: "住户已担保", en: "A resident has vouched for you"))
                steps = [show, LocalizedText(zh: "进入后须由住户陪同；本次来访仅当日有效。", en: "A resident escorts you; valid for this visit and today only.")]
            } else {
                headline = LocalizedText(zh: "等待住户担保", en: "Waiting for a resident to vouch")
                steps = [LocalizedText(zh: "请联系被访住户：到门口请门岗扫其通行证担保，或在其手机“我的住户”页面担保。", en: "Call the household you visit: a member vouches at the gate (their pass scanned) or on their phone (My household)."), show]
            }
        case .courier:
            if let d = try await Delivery.query(on: db).filter(\.$registrationID == r.id!).first() {
                (tone, headline) = ("done", LocalizedText(zh: "已登记投递，住户已收到取件通知", en: "Delivery logged; the household has been told"))
                steps = [LocalizedText(zh: "请将物品放到：\(d.pickupPoint)", en: "Leave it at: \(d.pickupPoint)")]
            } else {
                headline = LocalizedText(zh: "请在门口交接，不进入小区", en: "Hand over at the gate; do not enter")
                steps = [show, LocalizedText(zh: "物品放到：\(community?.pickupPoint ?? DeliveryLog.defaultPickupPoint.text(for: lang))", en: "Leave it at: \(community?.pickupPoint ?? DeliveryLog.defaultPickupPoint.en)")]
            }
        case .returnee:
            let report = try await ReturneeReport.query(on: db).filter(\.$registrationID == r.id!).first()
            (tone, headline) = ("ok", LocalizedText(zh: "到达报告已提交", en: "Arrival report filed"))
            if let until = report?.monitoringUntil {
                steps.append(LocalizedText(zh: "健康监测至 \(until)，期间请每日报告健康状况。", en: "Health monitoring until \(until); report your health daily."))
            }
            if reg.member == nil {
                steps.append(LocalizedText(zh: "您不是该住户登记的成员：进入需持通行证或由住户担保。", en: "You are not a registered member of this household: entry needs a pass or a resident's word."))
            }
            steps.append(show)
        case .resident, .tenant, .migrant:
            switch r.statusValue {
            case .approved:
                (tone, headline) = ("ok", LocalizedText(zh: "已通过，这是您的通行证", en: "Approved: here is your pass"))
                if let pass = try await Pass.find(r.passID, on: db), pass.statusValue == .active {
                    passQR = QRPass.inlineSVG(token: services.passToken(for: pass), moduleSize: 5)
                    passCode = PassShortCode(typed: pass.shortCode)?.description ?? pass.shortCode
                    steps = [LocalizedText(zh: "进出时出示此通行证二维码。请勿截图转发给他人。", en: "Show this pass QR at the gate. Do not share screenshots.")]
                }
            case .rejected:
                (tone, headline) = ("refused", LocalizedText(zh: "未通过：\(r.decisionReason ?? "")", en: "Not approved: \(r.decisionReason ?? "")"))
            default:
                headline = reg.category == .resident
                    ? LocalizedText(zh: "申请已提交，等待社区审核", en: "Application sent; the community office will review it")
                    : LocalizedText(zh: "申报已提交，等待房东确认", en: "Declaration sent; waiting for the landlord to confirm")
                steps = [LocalizedText(zh: "审核通过后，通行证会显示在本页面。请收藏本页面。", en: "Once approved, the pass appears on this page. Bookmark it.")]
            }
        }
        return RegistrationStatus(
            categoryLabel: reg.category.label.text(for: lang), code: r.code, codeQR: QRPass.inlineSVG(token: r.code, moduleSize: 8),
            communityName: community?.name ?? "", gateName: gate?.name ?? "", householdLabel: reg.household?.label ?? r.householdLabel,
            nameMasked: r.nameMasked, tone: tone, headline: headline.text(for: lang), steps: steps.map { $0.text(for: lang) },
            validUntil: ChinaTime.onScreen(r.codeExpiresAt, now: services.clock.now()), passQR: passQR, passShortCode: passCode)
    }
}
