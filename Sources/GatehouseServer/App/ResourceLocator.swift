import Foundation

/// Finds the server's views and public files in the bundle SwiftPM builds beside the executable,
/// so the server works whatever directory it is started from.
enum ResourceLocator {
    /// `.../Resources/` with a trailing slash.
    static var root: String {
        if let override = ProcessInfo.processInfo.environment["GATEHOUSE_RESOURCES_DIR"], !override.isEmpty {
            return override.hasSuffix("/") ? override : override + "/"
        }
        guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            fatalError("The GatehouseServer resource bundle is missing: keep it beside the gatehouse executable")
        }
        return url.path + "/"
    }

    static var views: String { root + "Views/" }
    static var publicFiles: String { root + "Public/" }
}
