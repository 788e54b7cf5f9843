import Foundation

/// Checks and masks personal names as they appear on an ID card or are typed at the gate.
public enum PersonName {
    /// Two-character surnames that stay visible when a name is masked.
    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
        "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "申屠", "太史", "澹台", "公冶", "宗政",
        "濮阳", "淳于", "单于", "太叔", "仲孙", "钟离", "闻人", "赫连", "万俟", "东郭", "拓跋", "司空", "第五",
    ]

    /// `张*`, `欧阳**`; a Latin-script name keeps its first letter: `J***`.
    public static func mask(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first else { return "" }
        if first.isASCII {
            return String(first) + String(repeating: "*", count: max(min(trimmed.count - 1, 6), 1))
        }
        let keep = trimmed.count > 2 && compoundSurnames.contains(String(trimmed.prefix(2))) ? 2 : 1
        return String(trimmed.prefix(keep)) + String(repeating: "*", count: max(trimmed.count - keep, 1))
    }

    /// A trimmed name of 1 to 40 characters with no control characters or digits (Chinese numerals are name characters: 张三), or `nil`.
    public static func validated(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...40).contains(trimmed.count),
              !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
              !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .decimalNumber }),
              !trimmed.contains(where: { "<>{}\\/@".contains($0) })
        else { return nil }
        return trimmed
    }
}
