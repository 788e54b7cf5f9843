/// The columns of the household and resident import template, with the header names each accepts.
public enum ImportColumn: String, Sendable, CaseIterable {
    case building, unit, room, villageGroup, houseNumber, name, idNumber, phone, category, stayUntil, landlordName, landlordPhone

    /// The header in the template (Chinese, as community offices write it).
    public var header: String {
        switch self {
        case .building: return "楼栋"
        case .unit: return "单元"
        case .room: return "房号"
        case .villageGroup: return "村组"
        case .houseNumber: return "门牌号"
        case .name: return "姓名"
        case .idNumber: return "身份证号"
        case .phone: return "手机号"
        case .category: return "类别"
        case .stayUntil: return "暂住截止日期"
        case .landlordName: return "房东姓名"
        case .landlordPhone: return "房东手机号"
        }
    }

    var aliases: [String] {
        switch self {
        case .building: return ["楼号", "楼栋号", "栋"]
        case .room: return ["房间号", "室", "门牌"]
        case .villageGroup: return ["组", "村民小组"]
        case .houseNumber: return ["户号"]
        case .idNumber: return ["身份证", "身份证号码", "证件号码"]
        case .phone: return ["联系电话", "电话", "联系方式", "手机"]
        case .category: return ["人员类别", "居住类型"]
        case .stayUntil: return ["暂住截止", "居住截止日期", "截止日期"]
        default: return []
        }
    }

    /// The column a header names (Chinese, an alias, or the English code), if any.
    public init?(header: String) {
        let h = header.trimmingCharacters(in: .whitespaces)
        guard let found = Self.allCases.first(where: { $0.header == h || $0.rawValue.lowercased() == h.lowercased() || $0.aliases.contains(h) })
        else { return nil }
        self = found
    }

    /// The template's first line and an example row for an estate and for a village.
    public static var template: String {
        CSVTable.render([
            allCases.map(\.header),
            ["3", "2", "301", "", "", "张三", "11010519491231002X", "13812348058", "常住", "", "", ""],
            ["3", "2", "302", "", "", "李四", "110105198001010016", "13912345678", "暂住", "2027-06-30", "王五", "13700001111"],
            ["", "", "", "二组", "15", "赵六", "110105197506060030", "", "常住", "", "", ""],
        ])
    }
}
