import Foundation
import GatehouseCore
import Vapor

/// `gatehouse qr --text TEXT [--format png|svg] [--level L|M|Q|H] [--min-version N] --out FILE`:
/// writes a QR code with the built-in encoder (for printing, and for checking the encoder with any decoder).
struct QRCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "text", help: "What to encode")
        var text: String?
        @Option(name: "format", help: "png (default) or svg")
        var format: String?
        @Option(name: "level", help: "Error correction: L, M (default), Q or H")
        var level: String?
        @Option(name: "min-version", help: "Smallest symbol version, 1 to 40")
        var minVersion: Int?
        @Option(name: "out", help: "File to write")
        var out: String?
    }

    var help: String { "Writes a QR code as PNG or SVG." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let text = signature.text, let out = signature.out else { throw ConfigurationError("--text and --out are required") }
        let levels: [String: QRErrorCorrection] = ["L": .low, "M": .medium, "Q": .quartile, "H": .high]
        guard let level = levels[(signature.level ?? "M").uppercased()] else { throw ConfigurationError("--level must be L, M, Q or H") }
        let minVersion = signature.minVersion ?? 1
        guard (1...40).contains(minVersion) else { throw ConfigurationError("--min-version must be 1 to 40") }
        let code: QRCode
        do { code = try QRCode(bytes: Array(text.utf8), errorCorrection: level, minimumVersion: minVersion) } catch {
            throw ConfigurationError("the text is too long for a QR code at level \(signature.level ?? "M")")
        }
        let data: Data
        switch (signature.format ?? "png").lowercased() {
        case "png": data = code.png()
        case "svg": data = Data(code.svg().utf8)
        default: throw ConfigurationError("--format must be png or svg")
        }
        try data.write(to: URL(fileURLWithPath: out))
        context.console.print("version \(code.version), mask \(code.mask), \(code.size)×\(code.size) modules → \(out)")
    }
}
