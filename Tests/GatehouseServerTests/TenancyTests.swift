import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import NIOCore
import XCTVapor

final class TenancyTests: XCTestCase {
    static let migrant = ["name": "马超", "phone": "13300007777", "idNumber": "412821197910110010", "building": "8", "unit": "1",
                          "room": "102", "origin": "410102", "moveIn": "2026-11-20", "landlordPhone": "13700001111"]

    struct Rentals {
        let w: PassWorld
        let landlord: User
        let office: WebClient
    }

    func rentals(_ app: Application) async throws -> Rentals {
        let w = try await world(app)
        _ = try await householdPasses(app, w)
        let office = WebClient(app)
        try await office.login("admin.a")
        let path = "/admin/communities/\(w.g.f.communityA.id!.uuidString)"
        try await office.get(path + "/registrations")
        let created = try await office.post(path + "/rental-accounts", ["role": "landlord", "name": "曹操", "phone": "13700001111",
                                                                          "username": "landlord.cao", "password": Fixture.password])
        XCTAssertTrue(created.body.string.contains("landlord.cao"), created.body.string)
        let landlord = try await User.query(on: app.db).filter(\.$username == "landlord.cao").first()!
        XCTAssertEqual(landlord.roleValue, .landlord)
        XCTAssertEqual(landlord.communityID, w.g.f.communityA.id)
        return Rentals(w: w, landlord: landlord, office: office)
    }

    func declare(_ app: Application, _ w: PassWorld, _ fields: [String: String], category: String = "migrant") async throws -> (code: String, status: String) {
        let web = WebClient(app)
        try await web.get("/r/\(w.g.f.gateA.registrationCode!)/\(category)")
        let response = try await web.post("/r/\(w.g.f.gateA.registrationCode!)/\(category)", fields)
        XCTAssertEqual(response.status, .seeOther, response.body.string)
        let status = response.headers.first(name: .location)!
        let page = try await WebClient(app).get(status).body.string
        let range = try XCTUnwrap(page.range(of: "id=\"registration-code\">"))
        return (String(page[range.upperBound...].prefix(6)), status)
    }

    func passage(_ w: PassWorld, _ code: String) async throws -> [String: Any] {
        var body = w.g.body(36.5, id: nil)
        body["registrationCode"] = code
        return try await w.g.guardA.send(.POST, "/api/v1/passages", json: body).json()
    }

    func codes(_ json: [String: Any]) -> [String] { (json["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }

    func testNoTenantPassWithoutTheLandlordsConfirmationAndAProof() async throws {
        try await TestApp.run { app in
            let r = try await rentals(app)
            let w = r.w
            let (code, status) = try await declare(app, w, Self.migrant)
            let scanned = try await w.g.guardA.send(.POST, "/api/v1/registrations/scan",
                                                    json: ["checkpointId": w.g.f.gateA.id!.uuidString, "code": code]).json()
            XCTAssertEqual(scanned["needsLandlord"] as? Bool, true)
            let awaited1 = try await passage(w, code)
            XCTAssertEqual(codes(awaited1), ["awaiting_confirmation"])

            let tenancy = try await Tenancy.query(on: app.db).first()!
            XCTAssertEqual(tenancy.statusValue, .pending)
            let landlordPage = WebClient(app)
            try await landlordPage.login("landlord.cao")
            let page = try await landlordPage.get("/landlord").body.string
            XCTAssertTrue(page.contains("马*") && page.contains("8栋1单元102室") && page.contains("河南省 郑州市 中原区"), page)
            XCTAssertFalse(page.contains("412821197910110010"))

            let service = TenancyService(services: app.gatehouse, db: app.db)
            do {
                _ = try await service.confirm(tenancy, landlord: r.landlord, proof: nil, via: "app")
                XCTFail("confirmed without a proof")
            } catch let error as AppError { XCTAssertEqual(error.code, "proof_required") }
            // The office cannot go around the landlord either.
            let tenantHousehold = try await Household.query(on: app.db).filter(\.$label == "8栋1单元102室").first()!
            let lodger = try await Resident.query(on: app.db).filter(\.$household.$id == tenantHousehold.id!).first()!
            let refused = try await w.admin.send(.POST, "/api/v1/households/\(tenantHousehold.id!.uuidString)/passes",
                                                 json: ["kind": "temporaryResident", "residentId": lodger.id!.uuidString])
            XCTAssertEqual(refused.errorCode, "tenancy_unconfirmed")
            // Another landlord may not confirm.
            try await w.g.f.account(app, "landlord.liu", .landlord, community: w.g.f.communityA)
            let other = try await User.query(on: app.db).filter(\.$username == "landlord.liu").first()!
            do {
                _ = try await service.confirm(tenancy, landlord: other, proof: PhotoTests.jpegWithLocation(), via: "app")
                XCTFail("another landlord confirmed")
            } catch let error as AppError { XCTAssertEqual(error.status, .notFound) }

            let pass = try await service.confirm(tenancy, landlord: r.landlord, proof: PhotoTests.jpegWithLocation(), via: "app")
            XCTAssertEqual(pass.kind, PassKind.temporaryResident.code)
            let confirmed = try await Tenancy.find(tenancy.id, on: app.db)!
            XCTAssertEqual(confirmed.statusValue, .confirmed)
            XCTAssertEqual(confirmed.confirmedVia, "app")
            XCTAssertNotNil(confirmed.proofPhotoID)
            let resident = try await Resident.find(confirmed.residentID, on: app.db)!
            XCTAssertEqual(resident.category, ResidentCategory.temporary.rawValue)
            let awaited2 = try await Household.find(resident.$household.id, on: app.db)?.landlordUserID
            XCTAssertEqual(awaited2, r.landlord.id)
            let awaited3 = try await WebClient(app).get(status).body.string.contains("id=\"approved-pass\"")
            XCTAssertTrue(awaited3)
            let awaited4 = try await passage(w, code)["decision"] as? String
            XCTAssertEqual(awaited4, "allow")
            // The landlord records the move-out: the stay and the pass end that day.
            do {
                try await service.moveOut(confirmed, landlord: r.landlord, on: "2026-11-01")
                XCTFail("moved out before moving in")
            } catch let error as AppError { XCTAssertEqual(error.code, "invalid_move_out") }
            try await service.moveOut(confirmed, landlord: r.landlord, on: "2026-12-31")
            let ended = try await Pass.find(pass.id, on: app.db)!
            XCTAssertEqual(ended.expiresAt, PassService.endOfDay(CalendarDate(year: 2026, month: 12, day: 31)!))
            let stayUntil = try await Resident.find(confirmed.residentID, on: app.db)?.stayUntil
            XCTAssertEqual(stayUntil, "2026-12-31")
        }
    }

    func testTheLandlordConfirmsAtTheGateWithTheirCodeAndAProofPhoto() async throws {
        try await TestApp.run { app in
            let r = try await rentals(app)
            let w = r.w
            let (code, _) = try await declare(app, w, Self.migrant, category: "tenant")
            let registrationID = try await SelfRegistration.query(on: app.db).first()!.id!
            func confirm(_ landlordCode: String, proof: Data) async throws -> XCTHTTPResponse {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: w.g.guardA.token!)
                headers.contentType = .jpeg
                let query = "checkpointId=\(w.g.f.gateA.id!.uuidString)&landlordCode=\(landlordCode.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
                return try await app.testable().sendRequest(.POST, "/api/v1/registrations/\(registrationID)/landlord-confirmation?\(query)",
                                                           headers: headers, body: ByteBuffer(data: proof))
            }
            let codes = LandlordCode(services: app.gatehouse)
            let genuine = try codes.make(for: r.landlord).code
            let awaited5 = try await confirm(genuine.replacingOccurrences(of: "GHL1.", with: "GHL1.0"), proof: PhotoTests.jpegWithLocation()).errorCode
            XCTAssertEqual(awaited5,
                           "invalid_landlord_code")
            try await w.g.f.account(app, "landlord.liu", .landlord, community: w.g.f.communityA)
            let other = try await User.query(on: app.db).filter(\.$username == "landlord.liu").first()!
            let awaited6 = try await confirm(try codes.make(for: other).code, proof: PhotoTests.jpegWithLocation()).errorCode
            XCTAssertEqual(awaited6, "not_the_landlord")
            let awaited7 = try await confirm(genuine, proof: Data("not a photo".utf8)).errorCode
            XCTAssertEqual(awaited7, "invalid_photo")
            let done = try await confirm(genuine, proof: PhotoTests.jpegWithLocation())
            XCTAssertEqual(done.status, .ok, done.body.string)
            XCTAssertEqual(try done.json()["standing"] as? String, "registered")
            let tenancy = try await Tenancy.query(on: app.db).first()!
            XCTAssertEqual(tenancy.confirmedVia, "gate")
            XCTAssertNotNil(tenancy.confirmOperatorID)
            let awaited8 = try await passage(w, code)["decision"] as? String
            XCTAssertEqual(awaited8, "allow")
            // Ten minutes later the code is dead.
            (app.gatehouse.clock as! FixedWallClock).advance(by: 601)
            XCTAssertNil(codes.accountID(genuine))
        }
    }

    func testAnAgencysListWaitsForTheLandlordsAllOrNothing() async throws {
        try await TestApp.run { app in
            let r = try await rentals(app)
            let w = r.w
            let good = TenantListSheet.template.replacingOccurrences(of: "5,2,602", with: "8,1,102")
                .replacingOccurrences(of: "13900139000", with: "13700001111")
            let sheet = TenantListSheet(csv: good, today: app.gatehouse.today)
            XCTAssertEqual(sheet.problems, [])
            let agencyID = try await User.query(on: app.db).first()!.id!
            let service = TenancyService(services: app.gatehouse, db: app.db)
            let unknownHome = TenantListSheet(csv: TenantListSheet.template, today: app.gatehouse.today)
            let problems = try await service.importAgencyList(unknownHome, community: w.g.f.communityA.id!, agency: agencyID)
            XCTAssertEqual(problems.map(\.column), ["房号"])
            let awaited9 = try await Tenancy.query(on: app.db).count()
            XCTAssertEqual(awaited9, 0)
            let bad = TenantListSheet(csv: good + "8,1,102,,,李逵,123,456,999999,2020-01-01,,\n", today: app.gatehouse.today)
            XCTAssertEqual(Set(bad.problems.compactMap(\.column)), ["身份证号", "手机号", "来源地代码", "入住日期", "房东手机号"])
            XCTAssertTrue(bad.rows.isEmpty)
            let awaited10 = try await service.importAgencyList(sheet, community: w.g.f.communityA.id!, agency: agencyID)
            XCTAssertEqual(awaited10, [])
            let stays = try await service.tenancies(of: r.landlord)
            XCTAssertEqual(stays.map(\.source), ["agency"])
            XCTAssertEqual(stays.first?.statusValue, .pending)
        }
    }

    /// The office's rental register: an agency's row naming a landlord without an account is listed ("房东未开通账号")
    /// instead of disappearing, and the agency sees it on its page; a landlord reports a tenant himself and confirms
    /// with a lease photo the office can open; a stay ending within a week is listed; another community's office
    /// sees none of it.
    func testTheRentalRegisterShowsEveryStay() async throws {
        try await TestApp.run { app in
            let r = try await rentals(app)
            let w = r.w
            let cid = w.g.f.communityA.id!.uuidString
            try await r.office.get("/admin/communities/\(cid)/registrations")
            let agencyMade = try await r.office.post("/admin/communities/\(cid)/rental-accounts", [
                "role": "agency", "name": "安居中介", "phone": "13600002222", "username": "agency.a", "password": Fixture.password])
            XCTAssertLessThan(agencyMade.status.code, 400)
            let agency = try await User.query(on: app.db).filter(\.$username == "agency.a").first()!
            let list = TenantListSheet.template.replacingOccurrences(of: "5,2,602", with: "8,1,102")
                + "8,1,101,,,孙权,412821199208170450,13300008888,410102,2026-11-20,2026-11-27,13900139000\n"
            let sheet = TenantListSheet(csv: list.replacingOccurrences(of: "13900139000\r\n", with: "13700001111\r\n"),
                                        today: app.gatehouse.today)
            XCTAssertEqual(sheet.problems, [])
            let stored = try await TenancyService(services: app.gatehouse, db: app.db)
                .importAgencyList(sheet, community: w.g.f.communityA.id!, agency: agency.id!)
            XCTAssertEqual(stored, [])
            let register = try await r.office.get("/admin/communities/\(cid)/rentals").body.string
            let unknown = register.components(separatedBy: "id=\"rentals-no-landlord\"")[1].components(separatedBy: "</section>")[0]
            XCTAssertTrue(unknown.contains("孙*") && unknown.contains("8栋1单元101室"), unknown)
            XCTAssertTrue(unknown.contains("安居中介（"), "who reported it, by name")
            XCTAssertFalse(unknown.contains("张*"), "the row whose landlord has an account is not there")
            XCTAssertTrue(register.contains("<h3>曹操</h3>"), "grouped by landlord, by name")
            XCTAssertTrue(register.contains("待房东确认"))

            let agencyPage = WebClient(app)
            try await agencyPage.login("agency.a")
            let mine = try await agencyPage.get("/agency").body.string
            let submitted = mine.components(separatedBy: "id=\"agency-submitted\"")[1]
            XCTAssertTrue(submitted.contains("孙*") && submitted.contains("房东未开通账号") && submitted.contains("待房东确认"), submitted)

            // The landlord reports a tenant of his own home, then confirms with a lease photo.
            let home = try await Household.query(on: app.db).filter(\.$label == "8栋1单元102室").first()!
            home.landlordUserID = r.landlord.id
            try await home.save(on: app.db)
            let landlord = WebClient(app)
            try await landlord.login("landlord.cao")
            try await landlord.get("/landlord")
            let report = ["household": home.id!.uuidString, "name": "周瑜", "idNumber": "110105198005050031", "phone": "13300009999",
                          "origin": "410102", "moveIn": "2026-11-21", "moveOut": "2026-11-25"]
            var missing = report
            missing["name"] = ""
            let refused = try await landlord.post("/landlord/tenancies", missing)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.string.contains("请输入姓名"), refused.body.string)
            var foreignHome = report
            foreignHome["household"] = (try await Household.query(on: app.db).filter(\.$label == "8栋1单元101室").first()!).id!.uuidString
            let notHis = try await landlord.post("/landlord/tenancies", foreignHome)
            XCTAssertTrue(notHis.body.string.contains("请选择您的房屋"))
            let reported = try await landlord.post("/landlord/tenancies", report)
            XCTAssertEqual(reported.status, .ok, reported.body.string)
            let stay = try await Tenancy.query(on: app.db).filter(\.$source == "landlord").first()!
            XCTAssertEqual(stay.statusValue, .pending)
            XCTAssertEqual(stay.reportedBy, r.landlord.id)
            _ = try await TenancyService(services: app.gatehouse, db: app.db).confirm(stay, landlord: r.landlord, proof: PhotoTests.jpegWithLocation(), via: "app")
            let after = try await r.office.get("/admin/communities/\(cid)/rentals").body.string
            XCTAssertTrue(after.contains("/admin/tenancies/\(stay.id!.uuidString)/proof"), after)
            XCTAssertTrue(after.contains("已确认"))
            let ending = after.components(separatedBy: "id=\"rentals-ending\"")[1].components(separatedBy: "</section>")[0]
            XCTAssertTrue(ending.contains("2026-11-25") && ending.contains("周*"), ending)
            let photo = try await r.office.get("/admin/tenancies/\(stay.id!.uuidString)/proof")
            XCTAssertEqual(photo.status, .ok)
            XCTAssertEqual(photo.headers.contentType?.subType, "jpeg")

            let other = WebClient(app)
            try await other.login("admin.b")
            let otherPhoto = try await other.get("/admin/tenancies/\(stay.id!.uuidString)/proof").status
            XCTAssertEqual(otherPhoto, .notFound)
            let otherRegister = try await other.get("/admin/communities/\(cid)/rentals").status
            XCTAssertEqual(otherRegister, .notFound)
        }
    }
}
