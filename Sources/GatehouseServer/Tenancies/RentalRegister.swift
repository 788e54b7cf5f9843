import Fluent
import Foundation
import GatehouseCore

/// The office's rental register (出租房屋台账): every stay — pending, confirmed with its lease photo, rejected,
/// ended — by landlord and by household; the stays whose landlord has no account yet ("房东未开通账号"), so an
/// agency's row never disappears; the landlord and agency accounts; and the temporary stays ending within a week.
struct RentalRegister {
    struct Row: Encodable {
        let id: UUID
        let nameMasked: String
        let phoneMasked: String
        let householdLabel: String
        let moveIn: String
        let moveOut: String?
        let status: String
        let statusLabel: String
        let source: String
        /// Who reported it: the agency's or the landlord's name; empty for the tenant's own declaration.
        let reportedBy: String
        let reportedById: UUID?
        let landlord: String
        let landlordHasAccount: Bool
        let hasProof: Bool
        let reason: String?
    }

    struct Group: Encodable {
        let title: String
        let rows: [Row]
    }

    struct Account: Encodable {
        let name: String
        let role: String
        let username: String
        let createdAt: String
        let active: Bool
    }

    struct Ending: Encodable {
        let nameMasked: String
        let householdLabel: String
        let until: String
        let kind: String
    }

    struct Register: Encodable {
        /// Every stay, newest first.
        let rows: [Row]
        let byLandlord: [Group]
        let byHousehold: [Group]
        let withoutAccount: [Row]
        let accounts: [Account]
        let ending: [Ending]
        let counts: [String: Int]
    }

    let services: GatehouseServices
    let db: any Database
    let language: Language

    private var lang: String { language.rawValue }

    func build(community: UUID) async throws -> Register {
        let today = services.today
        let stays = try await Tenancy.query(on: db).filter(\.$communityID == community).sort(\.$createdAt, .descending).limit(2000).all()
        let households = try await Household.query(on: db).filter(\.$communityID == community).all()
        let labels = Dictionary(uniqueKeysWithValues: households.map { ($0.id!, $0.label) })
        let accounts = try await User.query(on: db).filter(\.$communityID == community)
            .filter(\.$role ~~ [Role.landlord.rawValue, Role.agency.rawValue]).sort(\.$createdAt).all()
        let landlordByPhone = Dictionary(accounts.filter { $0.roleValue == .landlord }.compactMap { u in u.phoneIndex.map { ($0, u) } },
                                         uniquingKeysWith: { a, _ in a })
        // A landlord without an account is known only by what the office's household sheet says of them.
        var namedOnSheet: [String: String] = [:]
        for h in households {
            guard let index = h.landlordPhoneIndex else { continue }
            let name = h.landlordNameSealed.flatMap { try? services.sealer.open($0, context: "household.landlord_name") } ?? ""
            namedOnSheet[index] = [name, h.landlordPhoneMasked ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        }
        let reporterIDs = Set(stays.compactMap(\.reportedBy))
        let reporters = reporterIDs.isEmpty ? [:] : StaffNames.byID(try await User.query(on: db).filter(\.$id ~~ reporterIDs).all(),
                                                                   services: services, roles: language)
        let noAccount = LocalizedText(zh: "房东未开通账号", en: "Landlord has no account").text(for: lang)
        let rows = stays.map { t -> Row in
            let account = landlordByPhone[t.landlordPhoneIndex]
            let ended = t.statusValue == .confirmed && (t.moveOut.flatMap(CalendarDate.init(parsing:)).map { $0 < today } ?? false)
            let status = ended ? "ended" : t.status
            let landlord = account.map { StaffNames.name(of: $0, services: services) }
                ?? ([noAccount, namedOnSheet[t.landlordPhoneIndex]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "："))
            return Row(id: t.id!, nameMasked: t.nameMasked, phoneMasked: t.phoneMasked, householdLabel: labels[t.householdID] ?? "",
                       moveIn: t.moveIn, moveOut: t.moveOut, status: status, statusLabel: Self.statusLabel(status).text(for: lang),
                       source: t.source, reportedBy: t.reportedBy.flatMap { reporters[$0] } ?? "", reportedById: t.reportedBy, landlord: landlord,
                       landlordHasAccount: account != nil, hasProof: t.proofPhotoID != nil, reason: t.decisionReason)
        }
        func grouped(_ key: (Row) -> String) -> [Group] {
            var order: [String] = []
            var members: [String: [Row]] = [:]
            for r in rows {
                let k = key(r)
                if members[k] == nil { order.append(k) }
                members[k, default: []].append(r)
            }
            return order.sorted().map { Group(title: $0, rows: members[$0]!) }
        }
        var ending: [Ending] = rows.filter { r in
            r.status == "confirmed" && r.moveOut.flatMap(CalendarDate.init(parsing:)).map { $0 >= today && $0 <= today.adding(days: 7) } == true
        }.map { Ending(nameMasked: $0.nameMasked, householdLabel: $0.householdLabel, until: $0.moveOut ?? "",
                       kind: LocalizedText(zh: "租住", en: "Tenancy").text(for: lang)) }
        let lastDay = today.adding(days: 7).description
        let temporary = try await Resident.query(on: db).filter(\.$communityID == community)
            .filter(\.$stayUntil >= today.description).filter(\.$stayUntil <= lastDay).all()
        if !temporary.isEmpty {
            let people = try await Person.query(on: db).filter(\.$id ~~ Set(temporary.map { $0.$person.id })).all()
            let masked = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0.nameMasked) })
            ending += temporary.map { Ending(nameMasked: masked[$0.$person.id] ?? "", householdLabel: labels[$0.$household.id] ?? "",
                                             until: $0.stayUntil ?? "", kind: LocalizedText(zh: "暂住", en: "Temporary resident").text(for: lang)) }
        }
        ending.sort { $0.until < $1.until }
        return Register(
            rows: rows, byLandlord: grouped(\.landlord), byHousehold: grouped(\.householdLabel),
            withoutAccount: rows.filter { !$0.landlordHasAccount && $0.status == Tenancy.Status.pending.rawValue },
            accounts: accounts.map { u in
                Account(name: StaffNames.name(of: u, services: services), role: u.roleValue.label.text(for: lang), username: u.username,
                        createdAt: ChinaTime.text(u.createdAt, "yyyy-MM-dd"), active: u.isActive)
            },
            ending: ending,
            counts: Dictionary(grouping: rows, by: \.status).mapValues(\.count))
    }

    static func statusLabel(_ status: String) -> LocalizedText {
        switch status {
        case "confirmed": return LocalizedText(zh: "已确认", en: "Confirmed")
        case "rejected": return LocalizedText(zh: "已拒绝", en: "Rejected")
        case "ended": return LocalizedText(zh: "已退租", en: "Ended")
        default: return LocalizedText(zh: "待房东确认", en: "Waiting for the landlord")
        }
    }
}
