import Crypto
import Foundation
@testable import GatehouseCore
import XCTest

/// One pass, one token text: signatures are made and accepted in low-s form only.
final class PassTokenLowSTests: XCTestCase {
    func testEveryTokenIsLowSAndItsHighSTwinIsRefused() throws {
        let ring = SecretKeyRing.generate().ring
        let signer = PassTokenSigner(ring: ring)
        let verifier = PassTokenVerifier(ring: ring)
        let now = Date(timeIntervalSince1970: 1_795_305_600)
        var twinsTried = 0
        for _ in 0..<40 {
            let claims = PassClaims(passID: UUID(), householdID: UUID(), communityID: UUID(), kind: .household, expiresAt: now + 86_400)
            let token = signer.token(for: claims)
            let parts = token.split(separator: ".").map(String.init)
            let raw = Array(Base64URL.decode(parts[3])!)
            XCTAssertTrue(ECDSALowS.isLow(raw))
            XCTAssertEqual(try verifier.verifySignature(token), claims)
            // The twin (r, n − s) is a valid ECDSA signature of the same text — and refused.
            let twin = ECDSALowS.normalized(Array(raw[..<32]) + Self.minus(raw))
            let highS = Array(raw[..<32]) + Self.minus(raw)
            XCTAssertEqual(twin, raw, "normalising the twin gives the signature back")
            let key = signer.publicKey
            let signed = Data("GH1.\(parts[1]).".utf8) + Base64URL.decode(parts[2])!
            XCTAssertTrue(key.isValidSignature(try P256.Signing.ECDSASignature(rawRepresentation: highS), for: signed))
            let twinToken = [parts[0], parts[1], parts[2], Base64URL.encode(Data(highS))].joined(separator: ".")
            XCTAssertThrowsError(try verifier.verifySignature(twinToken)) { XCTAssertEqual($0 as? PassTokenError, .badSignature) }
            twinsTried += 1
        }
        XCTAssertEqual(twinsTried, 40)
    }

    /// n − s of a raw signature's s.
    static func minus(_ raw: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32), borrow = 0
        for i in stride(from: 31, through: 0, by: -1) {
            var d = Int(ECDSALowS.order[i]) - Int(raw[32 + i]) - borrow
            borrow = d < 0 ? 1 : 0
            if d < 0 { d += 256 }
            out[i] = UInt8(d)
        }
        return out
    }
}
