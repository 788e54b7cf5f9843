import Foundation
import GatehouseServer
import NIOCore
import NIOPosix
import Vapor

// Async code runs on NIO's event loops (Vapor's own event loop group) instead of a second pool of threads: no hop
// between the two at every await. First, before any other async work (vapor/template offers the same line).
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
var failed = false
do {
    let configuration = try AppConfiguration.fromEnvironment()
    try await GatehouseApp.configure(app, configuration: configuration)
    GatehouseCommands.register(app)
    try await GatehouseCommands.prepare(app)
    try await app.execute()
} catch let error as ConfigurationError {
    FileHandle.standardError.write(Data("gatehouse: \(error.description)\n".utf8))
    failed = true
} catch {
    FileHandle.standardError.write(Data("gatehouse: \(String(reflecting: error))\n".utf8))
    failed = true
}
try await app.asyncShutdown()
if failed { exit(1) }
