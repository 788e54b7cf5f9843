import Fluent
import Vapor

/// Checks a username and password; the same work is done for unknown users so timing does not tell them apart.
/// Repeated failures lock out with back-off (`LoginThrottle`): 429 with the time to try again.
enum LoginCheck {
    private static let dummyHash = "$2b$12$C6UzMDM.H6dfI/f/IKxGhuR8yNrMYqkFOr4Ih0N8Vv9yZGg9ZXqhe"

    static func verify(username: String, password: String, on req: Request) async throws -> User? {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        guard !name.isEmpty, !password.isEmpty, password.count <= 128 else { return nil }
        let throttle = req.application.loginThrottle
        let address = ClientAddress.of(req)
        let now = req.gatehouse.clock.now()
        let wait = await throttle.wait(username: name, address: address, now: now)
        guard wait == 0 else {
            let minutes = (wait + 59) / 60
            let at = ChinaTime.text(now + TimeInterval(wait) + 59, "HH:mm")
            throw AppError(.tooManyRequests, "login_locked",
                           zh: "登录失败次数过多，请于 \(at) 后再试（约\(minutes)分钟）；急需登录请联系社区管理员解除锁定",
                           en: "Too many failed sign-ins: try again after \(at) (about \(minutes) min), or ask your community office to lift the lock")
        }
        let user = try await User.query(on: req.db).filter(\.$username == name).first()
        let ok: Bool
        if let user, user.isActive {
            ok = try await req.password.async.verify(password, created: user.passwordHash)
        } else {
            _ = try? await req.password.async.verify(password, created: dummyHash)
            ok = false
        }
        guard ok, let user else {
            await throttle.failed(username: name, address: address, now: now)
            return nil
        }
        await throttle.succeeded(username: name)
        return user
    }
}
