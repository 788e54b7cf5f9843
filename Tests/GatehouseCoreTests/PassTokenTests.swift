import Crypto
import Foundation
import GatehouseCore
import XCTest

final class PassTokenTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_305_600)
    let community = UUID()

    func claims(expires: TimeInterval = 86_400, community: UUID? = nil) -> PassClaims {
        PassClaims(passID: UUID(), householdID: UUID(), communityID: community ?? self.community, kind: .household,
                   expiresAt: now + expires)
    }

    func testSignedTokenVerifiesOfflineAndIsCompact() throws {
        let ring = SecretKeyRing.generate().ring
        let c = claims()
        let token = PassTokenSigner(ring: ring).token(for: c)
        XCTAssertTrue(token.hasPrefix("GH1.k1."))
        XCTAssertLessThan(token.count, 200)
        XCTAssertEqual(try PassTokenVerifier(ring: ring).verify(token, now: now, community: community), c)
        XCTAssertNoThrow(try QRCode(text: token, errorCorrection: .medium))
    }

    func testEachFailureHasItsOwnReason() throws {
        let ring = SecretKeyRing.generate().ring
        let verifier = PassTokenVerifier(ring: ring)
        let token = PassTokenSigner(ring: ring).token(for: claims())
        // One changed byte of the claims.
        var parts = token.split(separator: ".").map(String.init)
        var payload = Base64URL.decode(parts[2])!
        payload[20] ^= 0x01
        parts[2] = Base64URL.encode(payload)
        XCTAssertThrowsError(try verifier.verify(parts.joined(separator: "."), now: now, community: community)) {
            XCTAssertEqual($0 as? PassTokenError, .badSignature)
        }
        // Signed by another server's key with the same key id.
        let other = PassTokenSigner(ring: SecretKeyRing.generate().ring).token(for: claims())
        XCTAssertThrowsError(try verifier.verify(other, now: now, community: community)) { XCTAssertEqual($0 as? PassTokenError, .badSignature) }
        let foreign = PassTokenSigner(keyID: "zz", key: P256.Signing.PrivateKey()).token(for: claims())
        XCTAssertThrowsError(try verifier.verify(foreign, now: now, community: community)) { XCTAssertEqual($0 as? PassTokenError, .unknownKey) }
        let expired = PassTokenSigner(ring: ring).token(for: claims(expires: -1))
        XCTAssertThrowsError(try verifier.verify(expired, now: now, community: community)) { XCTAssertEqual($0 as? PassTokenError, .expired) }
        XCTAssertThrowsError(try verifier.verify(token, now: now, community: UUID())) { XCTAssertEqual($0 as? PassTokenError, .wrongCommunity) }
        for junk in ["", "hello", "GH1.k1.!!.??", "GH1.k1.AAAA.AAAA"] {
            XCTAssertThrowsError(try verifier.verify(junk, now: now, community: community)) { XCTAssertEqual($0 as? PassTokenError, .malformed) }
        }
        XCTAssertEqual(PassTokenError.badSignature.code, "pass_forged")
    }

    func testRotationKeepsOldPassesValidAndJWKSListsEveryKey() throws {
        let old = SecretKeyRing.generate(id: "k1")
        let token = PassTokenSigner(ring: old.ring).token(for: claims())
        let rotated = try SecretKeyRing(text: old.text + SecretKeyRing.generate(id: "k2").text.split(separator: "\n").last! + "\n")
        XCTAssertEqual(PassTokenSigner(ring: rotated).keyID, "k2")
        let verifier = PassTokenVerifier(ring: rotated)
        XCTAssertNoThrow(try verifier.verify(token, now: now, community: community))
        let jwks = verifier.jwks()
        XCTAssertEqual(jwks.map { $0["kid"] }, ["k1", "k2"])
        XCTAssertEqual(jwks[0]["crv"], "P-256")
        XCTAssertEqual(Base64URL.decode(jwks[0]["x"]!)?.count, 32)
        // The same ring always gives the same key: passes survive restarts.
        XCTAssertEqual(PassTokenSigner(ring: old.ring).publicKey.rawRepresentation, PassTokenSigner(ring: old.ring).publicKey.rawRepresentation)
    }
}
