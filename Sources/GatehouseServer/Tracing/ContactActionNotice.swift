import GatehouseCore

/// What a trace's action did, in a sentence: "已将 2 人纳入健康监测；1 人已在监测中，未重复。" — counts and plurals right in
/// English ("1 person", "2 people").
enum ContactActionNotice {
    static func text(_ action: ContactActions.Action, _ o: ContactActions.Outcome, language: Language) -> String {
        let zh = language == .zh
        func people(_ n: Int) -> String { zh ? "\(n) 人" : "\(n) \(n == 1 ? "person" : "people")" }
        func households(_ n: Int) -> String { zh ? "\(n) 户" : "\(n) \(n == 1 ? "household" : "households")" }
        func contacts(_ n: Int) -> String { zh ? "\(n) 个接触者" : "\(n) \(n == 1 ? "contact" : "contacts")" }
        // "1 人纳入…", "1 person now…": the number leads, the unit follows without a gap in Chinese.
        var parts: [String] = []
        switch action {
        case .monitoring:
            if o.started > 0 || o.already + o.unreachable == 0 {
                parts.append(zh ? "已将 \(people(o.started))纳入健康监测" : "\(people(o.started).capitalizedFirst) now under health monitoring")
            }
            if o.already > 0 { parts.append(zh ? "\(people(o.already))已在监测中，未重复" : "\(people(o.already).capitalizedFirst) already monitored, left as they are") }
        case .quarantine:
            if o.started > 0 || o.already + o.unreachable == 0 {
                parts.append(zh ? "已为 \(households(o.started))下达居家隔离令" : "Home quarantine ordered for \(households(o.started))")
            }
            if o.already > 0 { parts.append(zh ? "\(households(o.already))已在隔离中，未重复" : "\(households(o.already).capitalizedFirst) already under an order, left as they are") }
        }
        if o.unreachable > 0 {
            parts.append(zh ? "\(contacts(o.unreachable))没有可用的登记信息（\(action == .quarantine ? "未登记住户，可纳入健康监测" : "无法联系")）"
                            : "\(contacts(o.unreachable).capitalizedFirst) with nothing to act on (\(action == .quarantine ? "no registered household: monitor them instead" : "nobody to contact"))")
        }
        return parts.joined(separator: zh ? "；" : "; ") + (zh ? "。" : ".")
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
