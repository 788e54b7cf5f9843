import Fluent
import GatehouseCore
import Vapor

/// Creates staff accounts (admins, health, police) with sealed personal fields.
struct AccountCreation {
    struct Input: Content {
        var username: String
        var password: String
        var name: String
        var phone: String?
        var role: String?
    }

    let services: GatehouseServices
    let db: any Database

    /// Validates and stores; throws `OperatorRegistration.Invalid` with per-field messages.
    func create(_ input: Input, placement: (district: UUID?, subdistrict: UUID?, community: UUID?),
                createdBy: UUID?, language: Language, hasher: AsyncPasswordHasher) async throws -> User {
        let lang = language.rawValue
        var errors = FieldErrors()
        var code = "invalid_input"
        func fail(_ field: String, _ text: LocalizedText, _ c: String) {
            if errors.isEmpty { code = c }
            errors[field] = text.text(for: lang)
        }
        let username = input.username.trimmingCharacters(in: .whitespaces).lowercased()
        if let p = AccountRules.usernameProblem(username) { fail("username", p, "invalid_username") }
        else if try await User.query(on: db).filter(\.$username == username).count() > 0 {
            fail("username", LocalizedText(zh: "该登录名已被使用", en: "This username is taken"), "username_taken")
        }
        if let p = AccountRules.passwordProblem(input.password, again: nil) { fail("password", p, "invalid_password") }
        let name = PersonName.validated(input.name)
        if name == nil { fail("name", LocalizedText(zh: "请输入姓名", en: "Enter a name"), "invalid_name") }
        var phone: PhoneNumber?
        if let text = input.phone, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            do { phone = try PhoneNumber(text) } catch { fail("phone", error.message, "invalid_phone") }
        }
        let role = Role(rawValue: input.role ?? "")
        if role == nil { fail("role", LocalizedText(zh: "请选择角色", en: "Choose a role"), "invalid_role") }
        guard errors.isEmpty, let name, let role else { throw OperatorRegistration.Invalid(errors: errors, code: code) }
        let user = User(username: username, passwordHash: try await hasher.hash(input.password), role: role,
                        nameSealed: services.sealer.seal(name, context: "user.name"), createdAt: services.clock.now())
        if let phone {
            user.phoneSealed = services.sealer.seal(phone.value, context: "user.phone")
            user.phoneIndex = services.blindIndex.phone(phone)
        }
        user.districtID = placement.district
        user.subdistrictID = placement.subdistrict
        user.communityID = placement.community
        user.createdBy = createdBy
        try await user.create(on: db)
        return user
    }
}
