import Crypto
import Foundation

/// Seals personal fields with AES-256-GCM before they are stored.
///
/// A sealed value is `keyID.base64(nonce‖ciphertext‖tag)`; the key id beside the ciphertext lets keys rotate
/// while old rows still open. The field's context (e.g. `user.phone`) is bound as associated data, so a
/// ciphertext moved to another column does not open.
public struct FieldSealer: Sendable {
    public enum OpenError: Error, Sendable { case malformed, unknownKey(String), authentication }

    private let ring: SecretKeyRing

    public init(ring: SecretKeyRing) { self.ring = ring }

    /// Seals `plaintext` with the current key.
    public func seal(_ plaintext: String, context: String) -> String {
        let id = ring.currentID
        let key = ring.derivedKey(purpose: "field-seal/v1", keyID: id)!
        let box = try! AES.GCM.seal(Data(plaintext.utf8), using: key, authenticating: Data(context.utf8))
        return id + "." + box.combined!.base64EncodedString()
    }

    /// Opens a sealed value.
    public func open(_ sealed: String, context: String) throws(OpenError) -> String {
        let parts = sealed.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let data = Data(base64Encoded: String(parts[1])) else { throw .malformed }
        guard let key = ring.derivedKey(purpose: "field-seal/v1", keyID: String(parts[0])) else {
            throw .unknownKey(String(parts[0]))
        }
        do {
            let box = try AES.GCM.SealedBox(combined: data)
            let plain = try AES.GCM.open(box, using: key, authenticating: Data(context.utf8))
            guard let text = String(data: plain, encoding: .utf8) else { throw OpenError.malformed }
            return text
        } catch {
            throw .authentication
        }
    }

    /// Seals bytes (a photo), returning `keyID` and the combined box.
    public func sealData(_ bytes: Data, context: String) -> (keyID: String, box: Data) {
        let id = ring.currentID
        let key = ring.derivedKey(purpose: "field-seal/v1", keyID: id)!
        let box = try! AES.GCM.seal(bytes, using: key, authenticating: Data(context.utf8))
        return (id, box.combined!)
    }

    /// Opens bytes sealed by `sealData`.
    public func openData(_ box: Data, keyID: String, context: String) throws(OpenError) -> Data {
        guard let key = ring.derivedKey(purpose: "field-seal/v1", keyID: keyID) else { throw .unknownKey(keyID) }
        do {
            return try AES.GCM.open(AES.GCM.SealedBox(combined: box), using: key, authenticating: Data(context.utf8))
        } catch {
            throw .authentication
        }
    }
}
