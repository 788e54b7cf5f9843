/// A whole import file checked line by line: either every row is valid, or the problems say what to fix.
/// Nothing is imported from a file with problems.
public struct ResidentImportSheet: Sendable {
    public private(set) var rows: [ResidentImportRow] = []
    public private(set) var problems: [ImportProblem] = []
    /// What the office should check but that does not stop the import: an ID number whose division code exists in no
    /// year of GB/T 2260 (a typing mistake, or a number to check against the card).
    public private(set) var warnings: [ImportProblem] = []

    /// The most lines one file may hold.
    public static let maximumRows = 20_000

    public init(csv text: String, today: CalendarDate, divisions: DivisionCodes = .bundled) {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch {
            if case .unterminatedQuote(let line) = error {
                problems.append(ImportProblem(line: line, column: nil, message: LocalizedText(
                    zh: "引号没有闭合", en: "A quoted field is not closed")))
            }
            return
        }
        guard let header = table.records.first else {
            problems.append(ImportProblem(line: 1, column: nil, message: LocalizedText(zh: "文件是空的，请使用模板", en: "The file is empty; use the template")))
            return
        }
        var columns: [Int: ImportColumn] = [:]
        for (index, title) in header.fields.enumerated() {
            guard let column = ImportColumn(header: title) else {
                if !title.trimmingCharacters(in: .whitespaces).isEmpty {
                    problems.append(ImportProblem(line: header.line, column: title, message: LocalizedText(
                        zh: "无法识别的列「\(title)」，请使用模板的列名", en: "Unknown column “\(title)”; use the template's headers")))
                }
                continue
            }
            columns[index] = column
        }
        for required in [ImportColumn.name, .idNumber] where !columns.values.contains(required) {
            problems.append(ImportProblem(line: header.line, column: required.header, message: LocalizedText(
                zh: "缺少「\(required.header)」列", en: "The “\(required.header)” column is missing")))
        }
        guard problems.isEmpty else { return }
        let body = table.records.dropFirst()
        if body.isEmpty {
            problems.append(ImportProblem(line: header.line, column: nil, message: LocalizedText(zh: "模板下面没有数据行", en: "There are no rows under the header")))
            return
        }
        if body.count > Self.maximumRows {
            problems.append(ImportProblem(line: header.line, column: nil, message: LocalizedText(
                zh: "一次最多导入\(Self.maximumRows)行，请拆分文件", en: "At most \(Self.maximumRows) rows per file; split it")))
            return
        }
        var seen: [String: Int] = [:]
        for record in body {
            var values: [ImportColumn: String] = [:]
            for (index, value) in record.fields.enumerated() {
                if let column = columns[index] { values[column] = value.trimmingCharacters(in: .whitespacesAndNewlines) }
            }
            let parsed = ResidentImportRowParser(line: record.line, values: values, today: today).parse()
            switch parsed {
            case .success(let row):
                if let first = seen[row.idNumber.value] {
                    problems.append(ImportProblem(line: record.line, column: ImportColumn.idNumber.header, message: LocalizedText(
                        zh: "与第\(first)行的身份证号重复", en: "Same ID number as line \(first)")))
                } else {
                    seen[row.idNumber.value] = record.line
                    rows.append(row)
                    if divisions.isUnknownDivision(of: row.idNumber) {
                        warnings.append(ImportProblem(line: record.line, column: ImportColumn.idNumber.header,
                                                      message: EntryReason.divisionUnknown.message))
                    }
                }
            case .failure(let list):
                problems.append(contentsOf: list.problems)
            }
        }
        if !problems.isEmpty { rows = []; warnings = [] }
    }
}
