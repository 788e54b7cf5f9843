import Fluent
import GatehouseCore
import Vapor

/// `GET /api/v1/exports/passages`: the temperature register / passages of a community or gate for a range of days,
/// as CSV (streamed, UTF-8 with BOM, formulas made inert) or XLSX. Community admins, district admins and health
/// staff; every export is audited.
struct ExportAPIController: RouteCollection {
    static let exporters: [Role] = [.communityAdmin, .districtAdmin, .health]

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.passageExport), use: passages)
    }

    static func range(_ req: Request, for user: User) async throws -> PassageExportRange {
        try await PassageExportRange.parse(communityId: try? req.query.get(String.self, at: "communityId"),
                                           checkpointId: try? req.query.get(String.self, at: "checkpointId"),
                                           from: try? req.query.get(String.self, at: "from"), to: try? req.query.get(String.self, at: "to"),
                                           today: req.gatehouse.today, for: user, on: req.db)
    }

    func passages(req: Request) async throws -> Response {
        guard let user = req.auth.get(User.self) else { throw AppError.notSignedIn }
        guard Self.exporters.contains(user.roleValue) else { throw AppError.forbidden }
        let range = try await Self.range(req, for: user)
        let format = (try? req.query.get(String.self, at: "format")) ?? "csv"
        guard ["csv", "xlsx"].contains(format) else {
            throw AppError(.unprocessableEntity, "invalid_format", zh: "格式应为 csv 或 xlsx", en: "The format is csv or xlsx")
        }
        // The export page says which language its sheet is in (the page's own): a browser set to English that was shown
        // the page in Chinese downloads a Chinese sheet.
        let language = (try? req.query.get(String.self, at: "lang")).flatMap(Language.init(rawValue:)) ?? req.language
        let exporter = PassageExporter(services: req.gatehouse, db: req.db, language: language)
        let total = try await exporter.count(range)
        try await AuditLog(services: req.gatehouse, db: req.db).record(
            .exportPassages, by: user, community: range.community.id, target: range.target,
            detail: "\(format) \(range.from)…\(range.to), \(total) rows")
        var headers = HTTPHeaders()
        headers.cacheControl = .init(noStore: true)
        headers.add(name: "X-Total-Rows", value: String(total))
        let header = RegisterRow.header(language)
        if format == "xlsx" {
            var book = XLSXWorkbook(sheetName: Strings.text("temperature_register", language), header: header)
            try await exporter.pages(range) { rows in for r in rows { book.append(r.xlsxCells) } }
            let data = try book.data()
            headers.contentType = .init(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            headers.contentDisposition = .init(.attachment, filename: range.fileStem + ".xlsx")
            return Response(status: .ok, headers: headers, body: .init(data: data))
        }
        headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: range.fileStem + ".csv")
        headers.add(name: "X-Accel-Buffering", value: "no")
        let response = Response(status: .ok, headers: headers)
        response.body = .init(asyncStream: { writer in
            do {
                try await writer.write(.buffer(ByteBuffer(string: CSVWriter.byteOrderMark + CSVWriter.line(header))))
                try await exporter.pages(range) { rows in
                    var text = ""
                    text.reserveCapacity(rows.count * 128)
                    for row in rows { CSVWriter.append(row.csvCells, to: &text) }
                    try await writer.write(.buffer(ByteBuffer(string: text)))
                }
                try await writer.write(.end)
            } catch {
                try? await writer.write(.error(error))
            }
        })
        return response
    }
}
