import Foundation

/// GB/T 2260 administrative division codes, abandoned ones included, from the bundled `divisions.tsv`.
public struct DivisionCodes: Sendable {
    static let placeholders: Set<String> = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]
    private let names: [String: [DivisionName]]

    /// The table shipped with GatehouseCore.
    public static let bundled: DivisionCodes = {
        guard let url = Bundle.module.url(forResource: "divisions", withExtension: "tsv", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("GatehouseCore resource divisions.tsv is missing from the bundle") }
        return DivisionCodes(tsv: text)
    }()

    /// Parses rows of `code<TAB>name<TAB>firstYear<TAB>lastYear`; lines starting with `#` are comments.
    public init(tsv: String) {
        var table: [String: [DivisionName]] = [:]
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 2 else { continue }
            let entry = DivisionName(name: String(f[1]), firstYear: f.count > 2 ? Int(f[2]) : nil,
                                     lastYear: f.count > 3 ? Int(f[3]) : nil)
            table[String(f[0]), default: []].append(entry)
        }
        self.names = table
    }

    /// Number of codes in the table.
    public var count: Int { names.count }

    /// Every name a code has carried, oldest first.
    public func history(of code: String) -> [DivisionName] { names[code] ?? [] }

    /// The name of `code`, preferring the current one, else the one in use in `year`, else the latest.
    public func name(of code: String, inYear year: Int? = nil) -> String? {
        guard let all = names[code], !all.isEmpty else { return nil }
        if let year, let hit = all.last(where: { ($0.firstYear ?? 0) <= year && year <= ($0.lastYear ?? 9999) }) {
            return hit.name
        }
        return (all.last(where: \.isCurrent) ?? all.last)?.name
    }

    /// Whether the division code of a mainland resident ID number exists in no year of GB/T 2260 (permits of Hong Kong,
    /// Macao and Taiwan residents carry their own codes and are not checked).
    public func isUnknownDivision(of id: ResidentIDNumber) -> Bool {
        id.kind == .residentIdentityCard && !lookup(id.divisionCode).isKnown
    }

    /// Province, city and county for a six-digit code (the code of an ID number, say), as they were in `year`.
    public func lookup(_ code: String, inYear year: Int? = nil) -> DivisionLookup {
        guard code.count == 6, code.allSatisfy(\.isASCIIDigit) else {
            return DivisionLookup(code: code, province: nil, city: nil, county: nil, isKnown: false, isCurrent: false)
        }
        let provinceCode = code.prefix(2) + "0000"
        let cityCode = code.prefix(4) + "00"
        let province = name(of: String(provinceCode), inYear: year)
        let city = cityCode == provinceCode ? nil : name(of: String(cityCode), inYear: year)
        let county = code == cityCode ? nil : name(of: code, inYear: year)
        let known = names[code] != nil
        return DivisionLookup(code: code, province: province, city: city, county: county,
                              isKnown: known, isCurrent: known && names[code]!.contains(where: \.isCurrent))
    }

    /// Provinces (codes ending in 0000) currently in use, by code.
    public func provinces() -> [(code: String, name: String)] {
        children { $0.hasSuffix("0000") }
    }

    /// Current cities (prefectures) of a province code.
    public func cities(ofProvince province: String) -> [(code: String, name: String)] {
        let p = province.prefix(2)
        return children { $0.hasPrefix(p) && $0.hasSuffix("00") && !$0.hasSuffix("0000") }
    }

    /// Current counties of a city code.
    public func counties(ofCity city: String) -> [(code: String, name: String)] {
        let c = city.prefix(4)
        return children { $0.hasPrefix(c) && !$0.hasSuffix("00") }
    }

    private func children(_ filter: (String) -> Bool) -> [(code: String, name: String)] {
        names.compactMap { code, all in
            guard filter(code), let current = all.last(where: \.isCurrent) else { return nil }
            return (code, current.name)
        }.sorted { $0.code < $1.code }
    }
}
