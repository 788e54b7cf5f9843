import Fluent
import GatehouseCore
import Vapor

/// First-run registration of gate staff with the seed app's fields, through a checkpoint's enrolment code.
struct OperatorRegistration {
    /// What the person typed.
    struct Input: Content {
        var enrolmentCode: String
        var userCode: String
        var name: String
        var phone: String
        var unitName: String
        var username: String
        var password: String
        var passwordAgain: String?
    }

    /// Per-field messages; empty when everything is right.
    struct Invalid: Error {
        let errors: FieldErrors
        let code: String
    }

    let services: GatehouseServices
    let db: any Database

    /// The checkpoint an enrolment code belongs to, or nil.
    func checkpoint(forCode text: String) async throws -> Checkpoint? {
        let code = EnrolmentCode.normalise(text)
        guard !code.isEmpty, code.count <= 16 else { return nil }
        return try await Checkpoint.query(on: db).filter(\.$enrolmentCode == code).with(\.$community).first()
    }

    /// Validates everything, then stores the operator (nothing is stored when any field is wrong).
    func register(_ input: Input, language: Language, hasher: AsyncPasswordHasher) async throws -> User {
        let lang = language.rawValue
        var errors = FieldErrors()
        var firstCode = "invalid_input"
        func fail(_ field: String, _ text: LocalizedText, code: String) {
            if errors.isEmpty { firstCode = code }
            errors[field] = text.text(for: lang)
        }
        let checkpoint = try await checkpoint(forCode: input.enrolmentCode)
        if checkpoint == nil {
            fail("enrolmentCode", LocalizedText(zh: "登记码无效，请向社区管理员核实", en: "Unknown enrolment code; ask your community admin"), code: "unknown_enrolment_code")
        }
        var userCode: OperatorUserCode?
        do { userCode = try OperatorUserCode(input.userCode, today: services.today) } catch {
            let code: String
            if case .idNumber = error { code = "invalid_id_number" } else { code = "invalid_user_code" }
            fail("userCode", error.message, code: code)
        }
        let name = PersonName.validated(input.name)
        if name == nil {
            fail("name", LocalizedText(zh: "请输入姓名（1至40个字，不含数字和符号）", en: "Enter a name (1 to 40 characters, no digits or symbols)"), code: "invalid_name")
        }
        var phone: PhoneNumber?
        do { phone = try PhoneNumber(input.phone) } catch { fail("phone", error.message, code: "invalid_phone") }
        let unit = input.unitName.trimmingCharacters(in: .whitespacesAndNewlines)
        if unit.isEmpty || unit.count > 60 {
            fail("unitName", LocalizedText(zh: "请输入单位名称（不超过60个字）", en: "Enter your organisation (at most 60 characters)"), code: "invalid_unit_name")
        }
        let username = input.username.trimmingCharacters(in: .whitespaces).lowercased()
        if let problem = AccountRules.usernameProblem(username) {
            fail("username", problem, code: "invalid_username")
        } else if try await User.query(on: db).filter(\.$username == username).count() > 0 {
            fail("username", LocalizedText(zh: "该登录名已被使用", en: "This username is taken"), code: "username_taken")
        }
        if let problem = AccountRules.passwordProblem(input.password, again: input.passwordAgain) {
            fail("password", problem, code: "invalid_password")
        }
        if let userCode, let checkpoint {
            let index = services.blindIndex.token(userCode.value, domain: "user-code")
            let existing = try await User.query(on: db).filter(\.$userCodeIndex == index)
                .filter(\.$communityID == checkpoint.$community.id).filter(\.$isActive == true).count()
            if existing > 0 {
                fail("userCode", LocalizedText(zh: "此用户编码已在本社区注册，请直接登录", en: "This user code is already registered in this community; sign in instead"), code: "already_registered")
            }
        }
        guard errors.isEmpty, let checkpoint, let userCode, let name, let phone else {
            throw Invalid(errors: errors, code: firstCode)
        }
        let community = checkpoint.community
        let sealer = services.sealer
        let user = User(username: username, passwordHash: try await hasher.hash(input.password), role: .operator,
                        nameSealed: sealer.seal(name, context: "user.name"), createdAt: services.clock.now())
        user.phoneSealed = sealer.seal(phone.value, context: "user.phone")
        user.phoneIndex = services.blindIndex.phone(phone)
        user.userCodeSealed = sealer.seal(userCode.value, context: "user.code")
        user.userCodeIndex = services.blindIndex.token(userCode.value, domain: "user-code")
        user.unitName = unit
        user.districtID = community.districtID
        user.subdistrictID = community.$subdistrict.id
        user.communityID = community.id
        user.checkpointID = checkpoint.id
        try await user.create(on: db)
        return user
    }
}
