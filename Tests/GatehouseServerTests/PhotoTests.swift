import Fluent
import Foundation
import GatehouseCore
@testable import GatehouseServer
import NIOCore
import XCTVapor

final class PhotoTests: XCTestCase {
    static func jpegWithLocation() -> Data {
        var b: [UInt8] = [0xFF, 0xD8]
        b += [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
        let exif = Array("Exif\0\0GPS 35.09N 112.58E".utf8)
        b += [0xFF, 0xE1, 0x00, UInt8(exif.count + 2)] + exif
        b += [0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]
        b += [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x11, 0x22, 0x33, 0xFF, 0xD9]
        return Data(b)
    }

    func testNoIDRegistrationWithAPhoto() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gh-photo-\(UUID().uuidString)")
        try await TestApp.run(database: .sqliteFile(path: folder.appendingPathComponent("g.sqlite").path)) { app in
            let g = try await GateFixture.make(app)
            var body = g.body(36.5, id: nil)
            body["noId"] = ["name": "黄小明", "phone": "13200000000"]
            let passage = try await g.guardA.send(.POST, "/api/v1/passages", json: body).json()
            XCTAssertEqual(passage["mode"] as? String, "noId")
            XCTAssertEqual(passage["nameMasked"] as? String, "黄**")
            XCTAssertEqual(passage["decision"] as? String, "deny", "no registration, no pass")
            let id = passage["id"] as! String

            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: g.guardA.token!)
            headers.contentType = .jpeg
            let upload = try await app.testable().sendRequest(.POST, "/api/v1/passages/\(id)/photo", headers: headers,
                                                              body: ByteBuffer(data: Self.jpegWithLocation()))
            XCTAssertEqual(upload.status, .noContent, upload.body.string)
            headers.contentType = .png
            let fake = try await app.testable().sendRequest(.POST, "/api/v1/passages/\(id)/photo", headers: headers,
                                                            body: ByteBuffer(string: "<svg onload=alert(1)>"))
            XCTAssertEqual(fake.status, .unprocessableEntity)
            XCTAssertEqual(fake.errorCode, "invalid_photo")
            // A PNG of a few hundred bytes claiming 20000 × 20000 pixels is not stored for staff to open.
            var huge: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            for (type, data) in [("IHDR", [0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 2, 0, 0, 0] as [UInt8]), ("IDAT", [0x78, 0x9C, 0x63, 0x60]), ("IEND", [])] {
                let crc = CRC32.of(Array(type.utf8) + data)
                huge += [0, 0, 0, UInt8(data.count)] + Array(type.utf8) + data + [UInt8(crc >> 24), UInt8(crc >> 16 & 255), UInt8(crc >> 8 & 255), UInt8(crc & 255)]
            }
            let bomb = try await app.testable().sendRequest(.POST, "/api/v1/passages/\(id)/photo", headers: headers, body: ByteBuffer(bytes: huge))
            XCTAssertEqual(bomb.status, .unprocessableEntity)
            XCTAssertEqual(bomb.errorMessage, "照片像素过多（最多4000万像素），请用相机的普通模式重拍")

            let web = WebClient(app)
            _ = try await web.login("guard.a")
            do { let value = try await web.get("/records/\(id)").body.string.contains("id=\"record-photo\""); XCTAssertTrue(value) }
            let photo = try await web.get("/records/\(id)/photo")
            XCTAssertEqual(photo.status, .ok)
            XCTAssertEqual(photo.headers.contentType, .jpeg)
            let bytes = Data(buffer: photo.body)
            XCTAssertNil(bytes.range(of: Data("GPS".utf8)), "location metadata stripped")
            XCTAssertNotNil(bytes.range(of: Data([0x11, 0x22, 0x33])))

            let again = try await g.guardA.send(.POST, "/api/v1/passages", json: body.merging(["clientRequestId": UUID().uuidString]) { $1 }).json()
            XCTAssertEqual(again["personId"] as? String, passage["personId"] as? String, "recognised by phone")
        }
        var all = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            all.append(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        XCTAssertNil(all.range(of: Data("黄小明".utf8)))
        XCTAssertNil(all.range(of: Data("13200000000".utf8)))
        XCTAssertNil(all.range(of: Data("JFIF".utf8)), "the photo is stored sealed")
    }
}
