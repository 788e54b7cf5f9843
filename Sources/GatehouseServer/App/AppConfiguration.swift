import Foundation

/// Everything the server needs from its environment, checked once at start-up.
public struct AppConfiguration: Sendable {
    public var database: DatabaseChoice
    /// Folder for the SQLite file and the secret key file.
    public var dataDirectory: String
    /// Path of the secret key file (`SecretKeyRing` text form).
    public var secretKeyPath: String
    public var hostname: String
    public var port: Int
    /// bcrypt cost for new password hashes (tests use a low one).
    public var bcryptCost: Int
    /// The address people reach the server at (`https://gate.example.cn`), printed in poster QR codes; when unset,
    /// the address of the admin's own request is used.
    public var publicURL: String?
    /// Whether this process runs the server's own timed steps (quarantine orders starting and ending); tests call
    /// them directly with a fixed clock instead.
    public var runsScheduledSteps: Bool
    /// Who may read `/metrics` (`GATEHOUSE_METRICS_ALLOW`); nil: anyone who reaches the server.
    var metricsAllow: AddressRanges?
    /// The proxies in front of the server (`GATEHOUSE_TRUSTED_PROXIES`): only from them is `X-Forwarded-For`
    /// believed; nil: the peer's address is the client's.
    var trustedProxies: AddressRanges?

    public init(database: DatabaseChoice, dataDirectory: String, secretKeyPath: String,
                hostname: String = "127.0.0.1", port: Int = 8080, bcryptCost: Int = 12, publicURL: String? = nil,
                runsScheduledSteps: Bool = true) {
        self.database = database
        self.dataDirectory = dataDirectory
        self.secretKeyPath = secretKeyPath
        self.hostname = hostname
        self.port = port
        self.bcryptCost = bcryptCost
        self.publicURL = publicURL
        self.runsScheduledSteps = runsScheduledSteps
    }

    /// Reads `DATABASE_URL`, `GATEHOUSE_DATA_DIR`, `GATEHOUSE_SECRET_KEY_FILE`, `GATEHOUSE_HOST`,
    /// `GATEHOUSE_PORT`, `GATEHOUSE_BCRYPT_COST` and `GATEHOUSE_PUBLIC_URL`, failing with a message that names the variable.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfiguration {
        let dataDir = env["GATEHOUSE_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        let database: DatabaseChoice
        if let url = env["DATABASE_URL"], !url.isEmpty {
            guard let parsed = URL(string: url), ["postgres", "postgresql"].contains(parsed.scheme ?? ""),
                  parsed.host != nil
            else {
                throw ConfigurationError("DATABASE_URL must look like postgres://user:password@host:5432/database (got a value that does not)")
            }
            database = .postgres(url: url)
        } else {
            database = .sqliteFile(path: (dataDir as NSString).appendingPathComponent("gatehouse.sqlite"))
        }
        let keyPath = env["GATEHOUSE_SECRET_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (dataDir as NSString).appendingPathComponent("secret.key")
        let host = env["GATEHOUSE_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        var port = 8080
        if let text = env["GATEHOUSE_PORT"], !text.isEmpty {
            guard let p = Int(text), (1...65535).contains(p) else {
                throw ConfigurationError("GATEHOUSE_PORT must be a port number from 1 to 65535 (got \"\(text)\")")
            }
            port = p
        }
        var cost = 12
        if let text = env["GATEHOUSE_BCRYPT_COST"], !text.isEmpty {
            guard let c = Int(text), (4...31).contains(c) else {
                throw ConfigurationError("GATEHOUSE_BCRYPT_COST must be a number from 4 to 31 (got \"\(text)\")")
            }
            cost = c
        }
        var publicURL: String?
        if let text = env["GATEHOUSE_PUBLIC_URL"], !text.isEmpty {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil, url.query == nil else {
                throw ConfigurationError("GATEHOUSE_PUBLIC_URL must be an http(s) address such as https://gate.example.cn (got \"\(text)\")")
            }
            publicURL = text.hasSuffix("/") ? String(text.dropLast()) : text
        }
        var configuration = AppConfiguration(database: database, dataDirectory: dataDir, secretKeyPath: keyPath,
                                             hostname: host, port: port, bcryptCost: cost, publicURL: publicURL)
        if let text = env["GATEHOUSE_METRICS_ALLOW"], !text.trimmingCharacters(in: .whitespaces).isEmpty {
            switch AddressRanges.parse(text) {
            case .success(let ranges): configuration.metricsAllow = ranges
            case .failure(let error): throw ConfigurationError("GATEHOUSE_METRICS_ALLOW: \(error.description) (a list such as 127.0.0.1, 10.0.0.0/8)")
            }
        }
        if let text = env["GATEHOUSE_SCHEDULER"], !text.isEmpty {
            // One instance of several may be kept out of the timed steps (the others take them in turn).
            guard ["on", "off"].contains(text) else {
                throw ConfigurationError("GATEHOUSE_SCHEDULER must be on or off (is \(text))")
            }
            configuration.runsScheduledSteps = text == "on"
        }
        if let text = env["GATEHOUSE_TRUSTED_PROXIES"], !text.trimmingCharacters(in: .whitespaces).isEmpty {
            switch AddressRanges.parse(text) {
            case .success(let ranges): configuration.trustedProxies = ranges
            case .failure(let error): throw ConfigurationError("GATEHOUSE_TRUSTED_PROXIES: \(error.description) (a list such as 127.0.0.1, 10.0.0.0/8)")
            }
        }
        return configuration
    }
}
