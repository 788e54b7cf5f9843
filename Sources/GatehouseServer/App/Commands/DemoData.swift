import Fluent
import GatehouseCore
import Vapor

/// The demo district: 济源示范区 with a subdistrict, two communities, their gates and staff.
struct DemoData {
    static let password = "gatehouse-demo"

    struct Login { let username: String; let role: Role; let place: String }

    static let logins: [Login] = [
        Login(username: "demo-district", role: .districtAdmin, place: "济源示范区"),
        Login(username: "demo-admin1", role: .communityAdmin, place: "幸福小区社区"),
        Login(username: "demo-admin2", role: .communityAdmin, place: "和平村"),
        Login(username: "demo-guard1", role: .operator, place: "幸福小区北门"),
        Login(username: "demo-guard2", role: .operator, place: "和平村村口"),
        Login(username: "demo-health", role: .health, place: "沁园街道"),
        Login(username: "demo-police", role: .police, place: "沁园街道"),
        Login(username: "demo-landlord", role: .landlord, place: "幸福小区社区"),
        Login(username: "demo-property", role: .property, place: "幸福小区社区"),
    ]

    /// A few households of 幸福小区 (one rented), so that passes, visitors and parcels can be tried at once.
    static let households = """
    楼栋,单元,房号,姓名,身份证号,手机号,类别,暂住截止日期,房东姓名,房东手机号
    1,1,101,王建华,419001197503010028,13900001101,常住,,,
    1,1,101,王小明,419001200509090043,,常住,,,
    1,1,102,刘芳,419001197804120036,13900001102,常住,,,
    1,2,201,陈静,419001199007150055,13900001201,常住,,,
    2,1,301,周租客,412821199202020064,13900001301,暂住,2027-05-31,冯房东,13900000008
    """

    let services: GatehouseServices
    let db: any Database
    let hasher: AsyncPasswordHasher

    func create() async throws {
        let now = services.clock.now()
        let editing = OrganisationEditing(services: services, db: db)
        let district = District(name: "济源示范区", divisionCode: "419001", isDemo: true, createdAt: now)
        try await district.create(on: db)
        let sub = try await editing.addSubdistrict(name: "沁园街道", districtID: district.id!)
        let xingfu = try await editing.addCommunity(name: "幸福小区社区", address: "沁园路88号", subdistrict: sub)
        let heping = try await editing.addCommunity(name: "和平村", address: "沁园街道和平村", subdistrict: sub)
        let north = try await editing.addCheckpoint(name: "幸福小区北门", isOpen: true, community: xingfu)
        _ = try await editing.addCheckpoint(name: "幸福小区南门", isOpen: false, community: xingfu)
        let villageGate = try await editing.addCheckpoint(name: "和平村村口", isOpen: true, community: heping)

        let accounts = AccountCreation(services: services, db: db)
        func make(_ username: String, _ role: Role, _ name: String, _ phone: String,
                  _ place: (UUID?, UUID?, UUID?)) async throws -> User {
            try await accounts.create(.init(username: username, password: Self.password, name: name, phone: phone, role: role.rawValue),
                                      placement: place, createdBy: nil, language: .zh, hasher: hasher)
        }
        _ = try await make("demo-district", .districtAdmin, "赵建国", "13900000001", (district.id, nil, nil))
        _ = try await make("demo-admin1", .communityAdmin, "钱秀兰", "13900000002", (district.id, sub.id, xingfu.id))
        _ = try await make("demo-admin2", .communityAdmin, "孙志强", "13900000003", (district.id, sub.id, heping.id))
        _ = try await make("demo-health", .health, "李医生", "13900000004", (district.id, sub.id, nil))
        _ = try await make("demo-police", .police, "周警官", "13900000005", (district.id, sub.id, nil))
        _ = try await make("demo-property", .property, "物业刘经理", "13900000009", (district.id, sub.id, xingfu.id))

        let landlord = try await make("demo-landlord", .landlord, "冯房东", "13900000008", (district.id, sub.id, xingfu.id))
        _ = landlord
        let admin = try await User.query(on: db).filter(\.$username == "demo-admin1").first()!
        let imported = try await HouseholdImport(services: services, db: db, language: .zh)
            .run(Data(Self.households.utf8), community: xingfu, by: admin.id!)
        guard imported.ok else { throw Abort(.internalServerError, reason: "demo households: \(imported.problems)") }
        _ = try await HouseholdPassIssuing(services: services, db: db).issueMissing(community: xingfu.id!, by: admin.id!)

        let registration = OperatorRegistration(services: services, db: db)
        for (username, code, name, phone, gate) in [
            ("demo-guard1", "JY0101", "吴保安", "13900000006", north),
            ("demo-guard2", "JY0102", "郑志愿", "13900000007", villageGate),
        ] {
            _ = try await registration.register(
                .init(enrolmentCode: gate.enrolmentCode, userCode: code, name: name, phone: phone,
                      unitName: "沁园街道办事处", username: username, password: Self.password, passwordAgain: nil),
                language: .zh, hasher: hasher)
        }
    }

    static func loginsText() -> String {
        var lines = ["Gatehouse demo data — every password is \(password)", ""]
        for l in logins {
            lines.append("  \(l.username.padding(toLength: 15, withPad: " ", startingAt: 0)) \(l.role.label.en.padding(toLength: 20, withPad: " ", startingAt: 0)) \(l.place)")
        }
        lines.append("")
        lines.append("Operators register with the enrolment code shown on a community's page (/admin).")
        lines.append("Self-registration posters: /admin → 幸福小区社区 → 自助登记 (households 1栋1单元101室 … are there to visit).")
        return lines.joined(separator: "\n")
    }
}
