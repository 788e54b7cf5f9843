import Crypto
import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import NIOCore
import XCTVapor

final class PassTests: XCTestCase {
    func verify(_ client: APIClient, _ token: String) async throws -> (Bool, String?) {
        let json = try await client.send(.POST, "/api/v1/passes/verify", json: ["token": token]).json()
        return (json["valid"] as? Bool ?? false, (json["reason"] as? [String: Any])?["code"] as? String)
    }

    func testImportIsAllOrNothingWithEveryProblemNamed() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let bad = PassWorld.csv + "\n8,1,,王五,110105199003150026,123,外地,"
            let refused = try await upload(app, w.admin, w.g.f.communityA, bad)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            let problems = try XCTUnwrap(try refused.json()["problems"] as? [[String: Any]])
            XCTAssertEqual(problems.compactMap { $0["column"] as? String }, ["房号", "身份证号", "手机号", "类别"])
            let awaited1 = try await Household.query(on: app.db).count()
            XCTAssertEqual(awaited1, 0)
            let awaited2 = try await Resident.query(on: app.db).count()
            XCTAssertEqual(awaited2, 0)

            let ok = try await upload(app, w.admin, w.g.f.communityA, PassWorld.csv)
            XCTAssertEqual(try ok.json()["householdsCreated"] as? Int, 2)
            XCTAssertEqual(try ok.json()["residentsCreated"] as? Int, 3)
            // The same file again updates, never duplicates; another community's admin cannot import here.
            let again = try await upload(app, w.admin, w.g.f.communityA, PassWorld.csv)
            XCTAssertEqual(try again.json()["residentsUpdated"] as? Int, 3)
            let awaited3 = try await Resident.query(on: app.db).count()
            XCTAssertEqual(awaited3, 3)
            let awaited4 = try await upload(app, w.adminB, w.g.f.communityA, PassWorld.csv).status
            XCTAssertEqual(awaited4, .notFound)
            // Excel's GB18030 "CSV" reads as well.
            let gbk = PassWorld.csv.replacingOccurrences(of: "8,1,", with: "9,1,").data(using: String.Encoding(rawValue: 0x8000_0632))!
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: w.admin.token!)
            let gbResponse = try await app.testable().sendRequest(.POST, "/api/v1/communities/\(w.g.f.communityA.id!.uuidString)/household-imports",
                                                                 headers: headers, body: ByteBuffer(data: gbk))
            XCTAssertEqual(try gbResponse.json()["householdsCreated"] as? Int, 2, gbResponse.body.string)
        }
    }

    func testTokensAreRefusedEachWithItsOwnReason() async throws {
        let clock = FixedWallClock(TestApp.today)
        try await TestApp.run(clock: clock) { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let passID = passes["8栋1单元101室"]!
            let token = try await self.token(w, passID)
            var result = try await verify(w.admin, token)
            XCTAssertEqual(result.0, true)

            // One changed byte in the claims.
            var parts = token.split(separator: ".").map(String.init)
            var claims = Array(Base64URL.decode(parts[2])!)
            claims[20] ^= 0x01
            parts[2] = Base64URL.encode(Data(claims))
            result = try await verify(w.admin, parts.joined(separator: "."))
            XCTAssertEqual(result.1, "pass_forged")
            // Signed by another key under the same key id.
            let foreign = PassTokenSigner(keyID: String(token.split(separator: ".")[1]), key: P256.Signing.PrivateKey())
            let decoded = try app.gatehouse.passVerifier.verifySignature(token)
            result = try await verify(w.admin, foreign.token(for: decoded))
            XCTAssertEqual(result.1, "pass_forged")
            // Another community's admin.
            result = try await verify(w.adminB, token)
            XCTAssertEqual(result.1, "pass_wrong_community")
            // Revoked.
            let other = passes["8栋1单元102室"]!
            let otherToken = try await self.token(w, other)
            let awaited5 = try await w.admin.send(.POST, "/api/v1/passes/\(other)/revoke").status
            XCTAssertEqual(awaited5, .ok)
            result = try await verify(w.admin, otherToken)
            XCTAssertEqual(result.1, "pass_revoked")
            // Expired.
            clock.advance(by: 91 * 86_400)
            let admin = try await APIClient.signedIn(app, "admin.a") // the old sign-in has expired too
            result = try await verify(admin, token)
            XCTAssertEqual(result.1, "pass_expired")
            let awaited6 = try await verify(admin, "not a pass").1
            XCTAssertEqual(awaited6, "pass_malformed")
        }
    }

    func testGateAppliesPassQuotaAndQuarantine() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let a = try await self.token(w, passes["8栋1单元101室"]!)
            let cid = w.g.f.communityA.id!.uuidString
            let quota = try await w.admin.send(.PUT, "/api/v1/communities/\(cid)/outing-quota",
                                               json: ["enabled": true, "scope": "household", "exits": 1, "days": 2, "fromHour": 0, "toHour": 24])
            XCTAssertEqual(quota.status, .noContent)
            func pass(_ code: String, _ direction: String, guardClient: APIClient? = nil, gate: Checkpoint? = nil) async throws -> [String: Any] {
                var body = w.g.body(36.5, id: nil, direction: direction, gate: gate)
                body["passCode"] = code
                return try await (guardClient ?? w.g.guardA).send(.POST, "/api/v1/passages", json: body).json()
            }
            func codes(_ json: [String: Any]) -> [String] { (json["reasons"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
            let first = try await pass(a, "out")
            XCTAssertEqual(first["decision"] as? String, "allow")
            XCTAssertEqual(first["householdId"] as? String != nil, true)
            XCTAssertTrue(first["personId"] is NSNull || first["personId"] == nil)
            let second = try await pass(a, "out")
            XCTAssertEqual(second["decision"] as? String, "deny")
            XCTAssertEqual(codes(second), ["quota_used"])
            let awaited7 = try await pass(a, "in")["decision"] as? String
            XCTAssertEqual(awaited7, "allow")
            // The short code works like the token; the scan shows what is left.
            let b = passes["8栋1单元102室"]!
            let shortCode = try await w.admin.send(.GET, "/api/v1/passes/\(b)").json()["shortCode"] as! String
            let scan = try await w.g.guardA.send(.POST, "/api/v1/passes/scan", json: ["checkpointId": w.g.f.gateA.id!.uuidString, "code": shortCode]).json()
            XCTAssertEqual(scan["valid"] as? Bool, true)
            XCTAssertEqual((scan["quota"] as? [String: Any])?["remaining"] as? Int, 1)
            // Home quarantine: going out is denied, coming back is not.
            let household = try await Household.query(on: app.db).filter(\Household.$label == "8栋1单元102室").first()!
            let q = try await w.admin.send(.POST, "/api/v1/households/\(household.id!.uuidString)/quarantine",
                                           json: ["startsOn": "2026-11-22", "endsOn": "2026-12-05", "reason": "密切接触者", "orderedBy": "区卫健委"])
            XCTAssertEqual(q.status, .created)
            let awaited8 = try await pass(shortCode, "out")
            XCTAssertEqual(codes(awaited8), ["home_quarantine"])
            let awaited9 = try await pass(shortCode, "in")["decision"] as? String
            XCTAssertEqual(awaited9, "allow")
            // A member identified by ID card is the same household: quarantine holds too.
            var byID = w.g.body(36.5, id: "110105199003150025", direction: "out")
            byID["passCode"] = nil
            let idPassage = try await w.g.guardA.send(.POST, "/api/v1/passages", json: byID).json()
            XCTAssertEqual(codes(idPassage), ["home_quarantine"])
            // Suspended, then reissued: the old token stops working, the new one works.
            let awaited10 = try await w.admin.send(.POST, "/api/v1/passes/\(b)/suspend").status
            XCTAssertEqual(awaited10, .ok)
            let awaited11 = try await pass(shortCode, "in")
            XCTAssertEqual(codes(awaited11), ["pass_suspended"])
            let reissued = try await w.admin.send(.POST, "/api/v1/passes/\(b)/reissue")
            XCTAssertEqual(reissued.status, .created)
            let newToken = try reissued.json()["token"] as! String
            let awaited12 = try await pass(shortCode, "in")
            XCTAssertEqual(codes(awaited12), ["pass_revoked"])
            let awaited13 = try await pass(newToken, "in")["decision"] as? String
            XCTAssertEqual(awaited13, "allow")
            // Community A's pass never opens community B's gate.
            let atB = try await pass(a, "in", guardClient: w.g.guardB, gate: w.g.f.gateB)
            XCTAssertEqual(codes(atB), ["pass_wrong_community"])
        }
    }

    func testKeysQRCodesAndAccess() async throws {
        try await TestApp.run { app in
            let w = try await world(app)
            let passes = try await householdPasses(app, w)
            let id = passes["8栋1单元101室"]!
            let keys = try await APIClient(app: app).send(.GET, "/api/v1/pass-keys")
            XCTAssertEqual(keys.status, .ok)
            let jwks = try XCTUnwrap(try keys.json()["keys"] as? [[String: Any]])
            XCTAssertEqual(jwks.first?["crv"] as? String, "P-256")
            let png = try await w.admin.send(.GET, "/api/v1/passes/\(id)/qr.png")
            XCTAssertEqual(png.headers.contentType, .png)
            XCTAssertEqual(Array(png.body.readableBytesView.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
            let svg = try await w.admin.send(.GET, "/api/v1/passes/\(id)/qr.svg")
            XCTAssertTrue(svg.body.string.hasPrefix("<svg"))
            let awaited14 = try await w.adminB.send(.GET, "/api/v1/passes/\(id)/qr.svg").status
            XCTAssertEqual(awaited14, .notFound)
            let awaited15 = try await w.g.guardA.send(.GET, "/api/v1/passes/\(id)/qr.svg").status
            XCTAssertEqual(awaited15, .forbidden)
            // One household pass per household.
            let household = try await Household.query(on: app.db).filter(\Household.$label == "8栋1单元101室").first()!
            let again = try await w.admin.send(.POST, "/api/v1/households/\(household.id!.uuidString)/passes", json: ["kind": "household"])
            XCTAssertEqual(again.errorCode, "household_pass_exists")
            // A temporary resident's pass ends with the stay.
            let tenantHousehold = try await Household.query(on: app.db).filter(\Household.$label == "8栋1单元102室").first()!
            let tenant = try await Resident.query(on: app.db).filter(\.$household.$id == tenantHousehold.id!).first()!
            let wrongKind = try await w.admin.send(.POST, "/api/v1/households/\(tenantHousehold.id!.uuidString)/passes",
                                                   json: ["kind": "personal", "residentId": tenant.id!.uuidString])
            XCTAssertEqual(wrongKind.errorCode, "kind_not_for_category")
            let unconfirmed = try await w.admin.send(.POST, "/api/v1/households/\(tenantHousehold.id!.uuidString)/passes",
                                                     json: ["kind": "temporaryResident", "residentId": tenant.id!.uuidString])
            XCTAssertEqual(unconfirmed.errorCode, "tenancy_unconfirmed")
            // The landlord's confirmation with a proof (TenancyTests walks through it) lets the office issue it.
            let photo = try PhotoStore(services: app.gatehouse, db: app.db).photo(PhotoTests.jpegWithLocation(), community: tenantHousehold.communityID,
                                                                                   by: tenantHousehold.createdBy)
            try await photo.create(on: app.db)
            let stay = Tenancy()
            stay.communityID = tenantHousehold.communityID
            stay.householdID = tenantHousehold.id!
            stay.source = "self"
            (stay.nameSealed, stay.nameMasked, stay.idNumberSealed, stay.idNumberIndex, stay.phoneSealed, stay.phoneMasked) = ("", "李*", "", "", "", "")
            (stay.originCode, stay.moveIn, stay.landlordPhoneIndex, stay.createdAt) = ("410102", "2026-11-01", "", Date())
            (stay.status, stay.proofPhotoID, stay.residentID) = (Tenancy.Status.confirmed.rawValue, photo.id, tenant.id)
            try await stay.create(on: app.db)
            let temp = try await w.admin.send(.POST, "/api/v1/households/\(tenantHousehold.id!.uuidString)/passes",
                                              json: ["kind": "temporaryResident", "residentId": tenant.id!.uuidString])
            XCTAssertEqual(temp.status, .created)
            XCTAssertEqual(try temp.json()["expiresText"] as? String, "2027-01-31")
        }
    }
}
