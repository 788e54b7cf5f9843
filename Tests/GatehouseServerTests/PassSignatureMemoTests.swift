import Crypto
import Foundation
import GatehouseCore
@testable import GatehouseServer
import XCTest

final class PassSignatureMemoTests: XCTestCase {
    private let ring = SecretKeyRing.generate().ring

    private func token(community: UUID = UUID()) -> (String, PassClaims) {
        let claims = PassClaims(passID: UUID(), householdID: UUID(), communityID: community, kind: .household,
                                expiresAt: Date(timeIntervalSince1970: 1_795_305_600))
        return (PassTokenSigner(ring: ring).token(for: claims), claims)
    }

    func testAGoodTokenIsVerifiedOnceAndThenRemembered() throws {
        let memo = PassSignatureMemo(verifier: PassTokenVerifier(ring: ring))
        let (text, claims) = token()
        XCTAssertEqual(try memo.verifySignature(text), claims)
        XCTAssertEqual(memo.count, 1)
        XCTAssertEqual(try memo.verifySignature(text), claims)
        XCTAssertEqual(memo.count, 1)
    }

    func testOnlyTheSameTextHitsAndBadTokensAreNeverRemembered() throws {
        let memo = PassSignatureMemo(verifier: PassTokenVerifier(ring: ring))
        let (text, _) = token()
        _ = try memo.verifySignature(text)
        // The remembered token with one byte of its claims changed: checked, and refused.
        var parts = text.split(separator: ".").map(String.init)
        var payload = Base64URL.decode(parts[2])!
        payload[20] ^= 0x01
        parts[2] = Base64URL.encode(payload)
        XCTAssertThrowsError(try memo.verifySignature(parts.joined(separator: "."))) {
            XCTAssertEqual($0 as? PassTokenError, .badSignature)
        }
        // Signed by a key this server does not have, under its key id; and not a token at all.
        let foreignText = PassTokenSigner(keyID: ring.currentID, key: P256.Signing.PrivateKey()).token(for: token().1)
        XCTAssertThrowsError(try memo.verifySignature(foreignText)) { XCTAssertEqual($0 as? PassTokenError, .badSignature) }
        XCTAssertThrowsError(try memo.verifySignature(foreignText)) { XCTAssertEqual($0 as? PassTokenError, .badSignature) }
        XCTAssertThrowsError(try memo.verifySignature("GH1.k1.x.y")) { XCTAssertEqual($0 as? PassTokenError, .malformed) }
        XCTAssertEqual(memo.count, 1)
    }

    func testAFullMemoStartsAfresh() throws {
        let memo = PassSignatureMemo(verifier: PassTokenVerifier(ring: ring), capacity: 2)
        for _ in 0..<2 { _ = try memo.verifySignature(token().0) }
        XCTAssertEqual(memo.count, 2)
        let (third, claims) = token()
        XCTAssertEqual(try memo.verifySignature(third), claims)
        XCTAssertEqual(memo.count, 1)
    }
}
