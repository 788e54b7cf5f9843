import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import SQLKit
import XCTVapor

final class RegistrationTests: XCTestCase {
    static let idNumber = "11010519491231002X"
    static let phone = "13812348058"

    func form(_ code: String, userCode: String = idNumber, name: String = "田壮", phone: String = phone,
              unit: String = "沁园街道办事处", username: String = "guard1", password: String = "gate-pass-1") -> [String: String] {
        ["enrolmentCode": code, "userCode": userCode, "name": name, "phone": phone, "unitName": unit,
         "username": username, "password": password, "passwordAgain": password]
    }

    func testOperatorRegistersThroughTheWebFormWithTheEnrolmentCode() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            let web = WebClient(app)
            let codePage = try await web.get("/register")
            XCTAssertTrue(codePage.body.string.contains("非公务私自采集居民身份证信息属违法行为"))
            let formPage = try await web.get("/register?code=\(f.gateA.enrolmentCode.lowercased())")
            XCTAssertTrue(formPage.body.string.contains("幸福北门"), "the checkpoint name comes from the code")
            for label in ["用户编码", "用户姓名", "联系方式", "单位名称", "卡点名称"] {
                XCTAssertTrue(formPage.body.string.contains(label), label)
            }
            let done = try await web.post("/register", form(f.gateA.enrolmentCode))
            XCTAssertEqual(done.status, .seeOther)
            XCTAssertEqual(done.location, "/operator")
            let home = try await web.get("/operator")
            XCTAssertEqual(home.status, .ok)
            XCTAssertTrue(home.body.string.contains("幸福北门"))
            XCTAssertTrue(home.body.string.contains("田*"))
            XCTAssertTrue(home.body.string.contains("138****8058"))
            XCTAssertFalse(home.body.string.contains(Self.phone))
            let user = try await User.query(on: app.db).filter(\.$username == "guard1").first()
            XCTAssertEqual(user?.roleValue, .operator)
            XCTAssertEqual(user?.checkpointID, f.gateA.id)
            XCTAssertEqual(user?.communityID, f.communityA.id)
            XCTAssertEqual(try app.gatehouse.sealer.open(user!.userCodeSealed!, context: "user.code"), Self.idNumber)
        }
    }

    func testBadInputGetsOneClearMessagePerFieldAndStoresNothing() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            let web = WebClient(app)
            try await web.get("/register?code=\(f.gateA.enrolmentCode)")
            let cases: [([String: String], String, String)] = [
                (form(f.gateA.enrolmentCode, userCode: "110105194912310021"), "error-userCode", "校验位"),
                (form(f.gateA.enrolmentCode, userCode: "1101051949123100211"), "error-userCode", "18位"),
                (form(f.gateA.enrolmentCode, userCode: "410105200102290038"), "error-userCode", "出生日期"),
                (form(f.gateA.enrolmentCode, phone: "1381234805"), "error-phone", "手机号为1开头的11位数字"),
                (form(f.gateA.enrolmentCode, name: ""), "error-name", "请输入姓名"),
                (form(f.gateA.enrolmentCode, unit: " "), "error-unitName", "单位名称"),
                (form(f.gateA.enrolmentCode, password: "short"), "error-password", "密码至少8位"),
                (form("WRONGCODE"), "error-enrolmentCode", "登记码无效"),
            ]
            for (fields, id, text) in cases {
                let response = try await web.post("/register", fields)
                XCTAssertEqual(response.status, .unprocessableEntity, id)
                let html = response.body.string
                XCTAssertTrue(html.contains("id=\"\(id)\""), "\(id) missing")
                XCTAssertTrue(html.contains(text), "\(text) missing for \(id)")
            }
            do { let value = try await User.query(on: app.db).count(); XCTAssertEqual(value, 0) }
        }
    }

    func testRegistrationAPIAndItsErrorCodes() async throws {
        try await TestApp.run { app in
            let f = try await Fixture.make(app)
            let api = APIClient(app: app)
            var body: [String: String] = form(f.gateB.enrolmentCode, userCode: "JY0413")
            let created = try await api.send(.POST, "/api/v1/operators/register", json: body)
            XCTAssertEqual(created.status, .created)
            XCTAssertEqual(try created.json()["checkpointId"] as? String, f.gateB.id!.uuidString)
            body["username"] = "guard2"
            let again = try await api.send(.POST, "/api/v1/operators/register", json: body)
            XCTAssertEqual(again.status, .unprocessableEntity)
            XCTAssertEqual(again.errorCode, "already_registered")
            for (fields, code) in [
                (form("NOPE1234", username: "x1"), "unknown_enrolment_code"),
                (form(f.gateB.enrolmentCode, userCode: "110105194912310021", username: "x2"), "invalid_id_number"),
                (form(f.gateB.enrolmentCode, phone: "12345", username: "x3"), "invalid_phone"),
            ] {
                let r = try await api.send(.POST, "/api/v1/operators/register", json: fields)
                XCTAssertEqual(r.status, code == "unknown_enrolment_code" ? .notFound : .unprocessableEntity)
                XCTAssertEqual(r.errorCode, code)
            }
            let english = try await api.send(.POST, "/api/v1/operators/register",
                                             json: form(f.gateB.enrolmentCode, userCode: "110105194912310021", username: "x4"),
                                             headers: ["Accept-Language": "en"])
            XCTAssertTrue(english.errorMessage?.contains("check character") ?? false)
            let missing = try await api.send(.POST, "/api/v1/operators/register", json: ["name": "x"])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            do { let value = try await User.query(on: app.db).count(); XCTAssertEqual(value, 1) }
        }
    }

    func testPersonalDataIsNotInTheSQLiteFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gh-file-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("gatehouse.sqlite").path
        try await TestApp.run(database: .sqliteFile(path: path)) { app in
            let f = try await Fixture.make(app)
            let web = WebClient(app)
            try await web.get("/register?code=\(f.gateA.enrolmentCode)")
            let done = try await web.post("/register", form(f.gateA.enrolmentCode))
            XCTAssertEqual(done.status, .seeOther)
            do { let value = try await User.query(on: app.db).count(); XCTAssertEqual(value, 1) }
        }
        var bytes = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            bytes.append(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        XCTAssertGreaterThan(bytes.count, 4096)
        XCTAssertNotNil(bytes.range(of: Data("沁园街道办事处".utf8)), "the unit name is not personal and is stored as is: the search works")
        for secret in [Self.idNumber, Self.phone, "田壮"] {
            XCTAssertNil(bytes.range(of: Data(secret.utf8)), "\(secret) found in the database file")
        }
    }
}
