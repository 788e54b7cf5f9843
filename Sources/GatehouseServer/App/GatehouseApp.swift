import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import GatehouseCore
import GatehouseStore
import Leaf
import LeafKit
import SQLKit
import Vapor

/// The app factory: one call wires a Vapor `Application` for production, the command line or a test.
public enum GatehouseApp {
    /// Configures `app` with `configuration`, the `clock`, and the key `ring` (loaded from the key file when nil).
    public static func configure(_ app: Application, configuration: AppConfiguration,
                                 clock: any WallClock = SystemWallClock(), keyRing: SecretKeyRing? = nil) async throws {
        let ring: SecretKeyRing
        if let keyRing {
            ring = keyRing
        } else {
            let loaded = try SecretKeyFile.loadOrCreate(at: configuration.secretKeyPath)
            if loaded.created {
                app.logger.notice("Created a new secret key file at \(configuration.secretKeyPath) (mode 0600). Back it up: sealed personal data cannot be read without it.")
            }
            ring = loaded.ring
            app.storage[KeyFileCreated.self] = loaded.created
        }
        app.gatehouse = GatehouseServices(configuration: configuration, clock: clock, keyRing: ring)
        // Event ids follow the server's clock, so they keep increasing across restarts.
        app.live = InProcessLiveUpdates(now: { clock.now() })
        app.rateLimiter = RateLimiter()

        // SQLite runs every statement on this pool. Vapor's default has a thread per core, and a statement of the
        // gate's single writer then queues behind the reads of every request in flight; a few more threads let the
        // writer's statements start at once (they mostly wait for the disk, not for a core).
        app.threadPool = NIOThreadPool(numberOfThreads: max(8, 4 * System.coreCount))
        try configureDatabase(app, configuration.database)
        let caches = app.gatehouse.hotPath
        caches.watchModels(on: app.databases)
        if let target = try WriterLane.Target.of(configuration.database) {
            for _ in 0..<target.lanes {
                let lane = WriterLane(target, logger: app.logger) { caches.watchModels(on: $0) }
                app.gatehouse.groupCommit.use(lane)
                app.lifecycle.use(WriterLaneLifecycle(lane: lane))
            }
        }
        app.migrations.add(MigrationList.all)

        app.http.server.configuration.hostname = configuration.hostname
        app.http.server.configuration.port = configuration.port
        // Pages, styles and scripts go out gzipped to browsers that ask for it (a gate's phone on mobile data); the
        // API's small JSON answers and the live event streams are sent as they are.
        app.http.server.configuration.responseCompression = .disabled(
            allowedTypes: [.html, .css, HTTPMediaType(type: "application", subType: "javascript"), .svg], allowRequestOverrides: true)
        app.passwords.use(.bcrypt(cost: configuration.bcryptCost))
        // Forms and JSON are small; the upload routes (photos, CSV files) name their own limits.
        app.routes.defaultMaxBodySize = "64kb"

        app.directory.viewsDirectory = ResourceLocator.views
        app.directory.publicDirectory = ResourceLocator.publicFiles
        app.views.use(.leaf)
        // The bundle sits under `.build/` in development; the default limits refuse hidden folders on the path.
        app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                                                      sandboxDirectory: ResourceLocator.views,
                                                      viewDirectory: ResourceLocator.views))
        app.leaf.cache.isEnabled = app.environment.isRelease
        app.leaf.tags["url"] = SiteURLTag(keysOnly: false)
        app.leaf.tags["route"] = SiteURLTag(keysOnly: true)
        app.leaf.tags["fieldError"] = FieldErrorTag()
        app.leaf.tags["amount"] = AmountTag()

        app.sessions.use(.fluent)
        app.sessions.configuration.cookieName = "gatehouse_session"
        // Behind TLS (an https public address) cookies are Secure and HSTS is sent.
        let behindTLS = configuration.publicURL?.hasPrefix("https://") == true
        app.sessions.configuration.cookieFactory = { id in
            HTTPCookies.Value(string: id.string, expires: nil, maxAge: 12 * 3600, path: "/",
                              isSecure: behindTLS, isHTTPOnly: true, sameSite: .lax)
        }

        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware(behindTLS: behindTLS))
        app.middleware.use(GatehouseErrorMiddleware())
        app.middleware.use(MetricsMiddleware(metrics: app.gatehouse.metrics))
        app.middleware.use(PublicFilesMiddleware(publicDirectory: app.directory.publicDirectory))
        app.middleware.use(app.sessions.middleware)
        app.middleware.use(SessionUserAuthenticator())

        try Routes.register(app)
        app.allowedMethods = AllowedMethods(app.routes.all)
        if configuration.runsScheduledSteps { app.lifecycle.use(ScheduledSteps()) }
    }

    /// The database file (and so the WAL and shared-memory files, which SQLite creates with the file's own mode)
    /// readable by the server's user alone: it holds the sealed register, photos included.
    static func restrictToOwner(_ path: String) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw ConfigurationError("cannot create the database file \(path)")
            }
        }
        for file in [path, path + "-wal", path + "-shm"] where fm.fileExists(atPath: file) {
            try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
    }

    static func configureDatabase(_ app: Application, _ choice: DatabaseChoice) throws {
        switch choice {
        case .sqliteMemory:
            app.databases.use(.sqlite(.memory), as: .sqlite)
        case .sqliteFile(let path):
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try restrictToOwner(path)
            // Several connections per event loop: the writer holds one for a whole batch while requests read on the others.
            app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 4), as: .sqlite)
        case .postgres(let url):
            let config = try postgresConfiguration(url)
            app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: postgresConnectionsPerLoop), as: .psql)
        }
    }

    /// The PostgreSQL pool's connections on each event loop (requests wait for the server's disk at every commit:
    /// more connections than cores keep it busy).
    static let postgresConnectionsPerLoop = 8

    /// `DATABASE_URL` as PostgresKit takes it, or a clear error.
    static func postgresConfiguration(_ url: String) throws -> SQLPostgresConfiguration {
        do { return try SQLPostgresConfiguration(url: url) } catch {
            throw ConfigurationError("DATABASE_URL cannot be used: \(error)")
        }
    }

    /// Puts SQLite into WAL mode (the setting persists in the file) and checks that the database answers.
    public static func prepareDatabase(_ app: Application) async throws {
        let sql = app.db as! SQLDatabase
        if case .sqliteFile = app.gatehouse.configuration.database {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        try await sql.raw("SELECT 1").run()
    }
}
