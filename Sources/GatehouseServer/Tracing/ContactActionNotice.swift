import GatehouseCore

/// What a trace's action did, in a sentence: "已将2人纳入健康监测；1人已在监测中，未重复。" — counts and plurals right in
/// English ("1 person", "2 people").
enum ContactActionNotice {
    static func text(_ action: ContactActions.Action, _ o: ContactActions.Outcome, language: Language) -> String {
        let zh = language == .zh
        func people(_ n: Int) -> String { CountedNoun.person.text(n, language: language.rawValue) }
        func households(_ n: Int) -> String { CountedNoun.household.text(n, language: language.rawValue) }
        func contacts(_ n: Int) -> String { CountedNoun.contact.text(n, language: language.rawValue) }
        var parts: [String] = []
        switch action {
        case .monitoring:
            if o.started > 0 || o.already + o.unreachable == 0 {
                parts.append(zh ? "已将\(people(o.started))纳入健康监测" : "\(people(o.started).capitalizedFirst) now under health monitoring")
            }
            if o.already > 0 { parts.append(zh ? "\(people(o.already))已在监测中，未重复" : "\(people(o.already).capitalizedFirst) already monitored, left as they are") }
        case .quarantine:
            if o.started > 0 || o.already + o.unreachable == 0 {
                parts.append(zh ? "已为\(households(o.started))下达居家隔离令" : "Home quarantine ordered for \(households(o.started))")
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
