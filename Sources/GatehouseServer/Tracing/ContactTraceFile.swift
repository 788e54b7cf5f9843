import Foundation
import GatehouseCore

/// A contact trace as CSV or XLSX: the traced person's passages, then the contacts in their groups (one group per
/// household or person, closest first: its number, who, how many co-presences on each of its lines).
enum ContactTraceFile {
    static func header(_ language: Language) -> [String] {
        ["trace_kind", "contact_group", "contact_group_label", "co_presences", "time", "community", "checkpoint", "direction", "person_name",
         "phone", "household", "temperature", "minutes_apart"].map { Strings.text($0, language) }
    }

    static func cells(_ trace: ContactTrace, language: Language) -> [[String]] {
        let own = Strings.text("traced_person", language), contact = Strings.text("contact", language)
        var rows = trace.passages.map { row(own, $0, group: nil) } + trace.contacts.map { line in
            row(contact, line, group: line.group.flatMap { $0 < trace.groups.count ? ($0 + 1, trace.groups[$0]) : nil })
        }
        if trace.cappedWindows > 0 { rows.append([cappedNotice(trace, language: language)]) }
        return rows
    }

    private static func row(_ kind: String, _ l: ContactTrace.Line, group: (number: Int, group: ContactGroup)?) -> [String] {
        [kind, group.map { String($0.number) } ?? "", group?.group.label ?? "", group.map { String($0.group.coPresences) } ?? "", l.time, l.communityName, l.checkpointName, l.direction, l.nameMasked, l.phoneMasked, l.householdLabel ?? "",
         l.temperature, l.minutesApart.map(String.init) ?? ""]
    }

    /// Said under a trace whose busiest windows were cut at `ContactTracer.contactsPerWindow` passages.
    static func cappedNotice(_ trace: ContactTrace, language: Language) -> String {
        Strings.text("trace_capped", language).replacingOccurrences(of: "{n}", with: String(trace.cappedWindows))
    }

    static func csv(_ trace: ContactTrace, language: Language) -> String {
        CSVWriter.byteOrderMark + CSVWriter.line(header(language)) + cells(trace, language: language).map(CSVWriter.line).joined()
    }

    static func xlsx(_ trace: ContactTrace, language: Language) throws -> Data {
        var book = XLSXWorkbook(sheetName: Strings.text("contact_tracing", language), header: header(language))
        for r in cells(trace, language: language) { book.append(r.map { .text($0) }) }
        return try book.data()
    }
}
