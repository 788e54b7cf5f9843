/// A rental agency's tenant list (CSV): each row checked with the same rules as a tenant's own declaration, every
/// problem named by line and column. A file with any problem yields no rows.
public struct TenantListSheet: Sendable {
    public private(set) var rows: [SelfRegistrationDetails] = []
    /// The file line of each row.
    public private(set) var lines: [Int] = []
    public private(set) var problems: [ImportProblem] = []
    /// Rows to check that do not stop the list: an ID number whose division code exists in no year of GB/T 2260.
    public private(set) var warnings: [ImportProblem] = []

    public static let maximumRows = 5_000

    /// Header → form field; the template's order.
    public static let columns: [(header: String, field: String)] = [
        ("楼栋", "building"), ("单元", "unit"), ("房号", "room"), ("村组", "villageGroup"), ("门牌号", "houseNumber"),
        ("姓名", "name"), ("身份证号", "idNumber"), ("手机号", "phone"), ("来源地代码", "origin"),
        ("入住日期", "moveIn"), ("退租日期", "moveOut"), ("房东手机号", "landlordPhone"),
    ]

    /// The template: the header and one example row.
    public static var template: String {
        CSVTable.render([columns.map(\.header), ["5", "2", "602", "", "", "张三", "11010519491231002X", "13800138000", "410102",
                                                 "2026-11-01", "2027-04-30", "13900139000"]])
    }

    public init(csv text: String, today: CalendarDate, divisions: DivisionCodes = .bundled) {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch {
            problems.append(ImportProblem(line: 1, column: nil, message: LocalizedText(zh: "文件格式错误（引号没有闭合）", en: "Malformed file (a quote is not closed)")))
            return
        }
        guard let header = table.records.first else {
            problems.append(ImportProblem(line: 1, column: nil, message: LocalizedText(zh: "文件是空的，请使用模板", en: "The file is empty; use the template")))
            return
        }
        var fieldAt: [Int: String] = [:]
        for (index, title) in header.fields.enumerated() {
            let clean = title.trimmingCharacters(in: .whitespaces)
            // "组" is the household template's old spelling of 村组: both are read.
            let name = clean == "组" ? "村组" : clean
            if let column = Self.columns.first(where: { $0.header == name }) { fieldAt[index] = column.field } else if !clean.isEmpty {
                problems.append(ImportProblem(line: header.line, column: clean, message: LocalizedText(
                    zh: "无法识别的列「\(clean)」，请使用模板的列名", en: "Unknown column “\(clean)”; use the template's headers")))
            }
        }
        let body = table.records.dropFirst()
        if problems.isEmpty, body.isEmpty {
            problems.append(ImportProblem(line: header.line, column: nil, message: LocalizedText(zh: "模板下面没有数据行", en: "There are no rows under the header")))
        }
        if body.count > Self.maximumRows {
            problems.append(ImportProblem(line: header.line, column: nil, message: LocalizedText(
                zh: "一次最多\(Self.maximumRows)行，请拆分文件", en: "At most \(Self.maximumRows) rows per file; split it")))
        }
        guard problems.isEmpty else { return }
        let form = SelfRegistrationForm(today: today, divisions: divisions)
        var seen: [String: Int] = [:]
        for record in body {
            var values: [String: String] = [:]
            for (index, value) in record.fields.enumerated() { if let field = fieldAt[index] { values[field] = value } }
            switch form.check(.tenant, values: values) {
            case .success(let details):
                let id = details.answers.idNumber!.value
                if let first = seen[id] {
                    problems.append(ImportProblem(line: record.line, column: "身份证号", message: LocalizedText(
                        zh: "与第\(first)行的身份证号重复", en: "Same ID number as line \(first)")))
                } else {
                    seen[id] = record.line
                    rows.append(details)
                    lines.append(record.line)
                    if divisions.isUnknownDivision(of: details.answers.idNumber!) {
                        warnings.append(ImportProblem(line: record.line, column: "身份证号", message: EntryReason.divisionUnknown.message))
                    }
                }
            case .failure(let errors):
                for (field, message) in errors.messages.sorted(by: { Self.order($0.key) < Self.order($1.key) }) {
                    let header = field == "household" ? "房号" : Self.columns.first { $0.field == field }?.header
                    problems.append(ImportProblem(line: record.line, column: header,
                                                  message: TenantListMessages.inFile(field: field, value: values[field], formMessage: message)))
                }
            }
        }
        if !problems.isEmpty { rows = []; lines = []; warnings = [] }
    }

    private static func order(_ field: String) -> Int {
        columns.firstIndex { $0.field == field || (field == "household" && $0.field == "room") } ?? columns.count
    }
}
