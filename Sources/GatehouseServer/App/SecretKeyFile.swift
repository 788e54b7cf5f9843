import Foundation
import GatehouseCore

/// Reads the secret key file, creating it (mode 0600) with a fresh key on first start.
public enum SecretKeyFile {
    /// The ring, and whether the file was created just now.
    public static func loadOrCreate(at path: String) throws -> (ring: SecretKeyRing, created: Bool) {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            let attributes = try fm.attributesOfItem(atPath: path)
            if let mode = attributes[.posixPermissions] as? NSNumber, mode.intValue & 0o077 != 0 {
                throw ConfigurationError("secret key file \(path) can be read by other users (mode \(String(mode.intValue, radix: 8))): run chmod 600 \(path)")
            }
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw ConfigurationError("cannot read the secret key file \(path): \(error.localizedDescription)")
            }
            do { return (try SecretKeyRing(text: text), false) } catch {
                throw ConfigurationError("secret key file \(path): \(error.description)")
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let generated = SecretKeyRing.generate()
        guard fm.createFile(atPath: path, contents: Data(generated.text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError("cannot create the secret key file \(path): check that its folder is writable")
        }
        return (generated.ring, true)
    }
}
