import Foundation
import GatehouseCore

/// An audit entry as a community worker reads it: "钱秀兰（社区管理员）为 1栋1单元101室 下达居家隔离令" — who (name and
/// role), what, to what (`AuditTargetNames`), and for an export the days and rows — never a route or a code.
struct AuditSentence {
    /// Staff by account: `姓名（角色）`.
    let actors: [UUID: String]
    let names: [AuditTarget: String]
    let language: Language

    private var lang: String { language.rawValue }
    private var gone: String { LocalizedText(zh: "（已删除）", en: "(deleted)").text(for: lang) }

    /// The route pattern of a change as `AuditPhrases.changes` keys it (from `POST /admin/households/… → 303`).
    static func pattern(ofChange detail: String) -> String {
        var path = detail.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        if path.hasPrefix("/") { path.removeFirst() }
        for prefix in ["api/v1/", "admin/"] where path.hasPrefix(prefix) { path.removeFirst(prefix.count) }
        return path
    }

    func text(_ e: AuditEvent) -> String {
        let actor = actors[e.userID] ?? LocalizedText(zh: "已删除的账号", en: "A deleted account").text(for: lang)
        let phrase: LocalizedText
        if e.action == AuditAction.change.rawValue {
            phrase = AuditPhrases.changes[Self.pattern(ofChange: e.detail)] ?? LocalizedText(zh: "修改了一项记录", en: "changed a record")
        } else {
            phrase = AuditPhrases.actions[e.action + "." + e.detail] ?? AuditPhrases.actions[e.action]
                ?? LocalizedText(zh: "进行了一项操作", en: "did something")
        }
        let targets = AuditTarget.parse(e.target)
        var said = phrase.text(for: lang)
        while let open = said.range(of: "{"), let close = said.range(of: "}", range: open.upperBound..<said.endIndex) {
            let key = String(said[open.upperBound..<close.lowerBound])
            said.replaceSubrange(open.lowerBound..<close.upperBound, with: words(for: key, targets, e))
        }
        said = said.trimmingCharacters(in: .whitespaces)
        let sentence = lang == "zh" ? actor + said : actor + " " + said
        return sentence + (range(e).map { lang == "zh" ? "（\($0)）" : " (\($0))" } ?? "")
    }

    private func words(for key: String, _ targets: [AuditTarget], _ e: AuditEvent) -> String {
        let space = lang == "zh" ? " " : ""
        func named(_ kinds: [AuditTarget.Kind]) -> [String] { targets.filter { kinds.contains($0.kind) }.map { names[$0] ?? gone } }
        switch key {
        case "detail": return space + e.detail + space
        case "place": return space + (named([.checkpoint, .community]).first ?? gone) + space
        case "person": return space + (named([.person]).isEmpty ? gone : named([.person]).joined(separator: lang == "zh" ? "、" : ", ")) + space
        case "seen":
            let what = AuditPhrases.seen[e.detail]?.text(for: lang) ?? e.detail
            return what + (named([.feverCase]).first.map { lang == "zh" ? "（\($0)）" : " (\($0))" } ?? "")
        default:
            guard let kind = AuditTarget.Kind(rawValue: key) else { return gone }
            return space + (named([kind]).first ?? gone) + space
        }
    }

    /// The days and rows of an export or a print (`csv 2026-11-20…2026-11-22, 312 rows`).
    private func range(_ e: AuditEvent) -> String? {
        guard [AuditAction.exportPassages.rawValue, AuditAction.printPassages.rawValue].contains(e.action),
              let match = e.detail.firstMatch(of: /(\d{4}-\d{2}-\d{2})…(\d{4}-\d{2}-\d{2}), (\d+)( of \d+)? rows/) else { return nil }
        let rows = Int(match.3) ?? 0
        return lang == "zh" ? "\(match.1) 至 \(match.2)，\(rows) 条"
            : "\(match.1) to \(match.2), \(rows) \(rows == 1 ? "row" : "rows")"
    }
}
