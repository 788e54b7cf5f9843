import Fluent
import GatehouseCore
import Vapor

/// Gate staff register once, with the seed app's fields, through their checkpoint's enrolment code.
struct RegistrationController: RouteCollection {
    struct RegisterPage: Encodable {
        let page: PageContext
        let code: String
        let checkpointName: String?
        let communityName: String?
        let values: [String: String]
        let errors: FieldErrors
    }

    struct Registered: Content {
        let id: UUID
        let username: String
        let role: String
        let communityId: UUID
        let checkpointId: UUID
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(.register, use: form)
        routes.post(.register, use: submit)
    }

    /// The API twin: `POST /api/v1/operators/register` with the same fields as JSON.
    static func registerAPI(_ api: any RoutesBuilder) {
        api.post(.api(.operatorRegistration)) { req async throws -> Response in
            let input = try req.content.decode(OperatorRegistration.Input.self)
            let registration = OperatorRegistration(services: req.gatehouse, db: req.db)
            do {
                let user = try await registration.register(input, language: req.language, hasher: req.password.async)
                let body = Registered(id: try user.requireID(), username: user.username, role: user.role,
                                      communityId: user.communityID!, checkpointId: user.checkpointID!)
                return try await body.encodeResponse(status: .created, for: req)
            } catch let invalid as OperatorRegistration.Invalid {
                let message = invalid.errors.sorted { $0.key < $1.key }.map(\.value).joined(separator: "；")
                // An enrolment code that names no gate is a missing thing (404), whatever else the form got wrong.
                let status: HTTPStatus = invalid.errors["enrolmentCode"] != nil && invalid.code == "unknown_enrolment_code" ? .notFound : .unprocessableEntity
                throw AppError(status, invalid.code, LocalizedText(zh: message, en: message))
            }
        }
    }

    func form(req: Request) async throws -> View {
        let code = (try? req.query.get(String.self, at: "code")) ?? ""
        var errors = FieldErrors()
        var checkpoint: Checkpoint?
        if !code.isEmpty {
            checkpoint = try await OperatorRegistration(services: req.gatehouse, db: req.db).checkpoint(forCode: code)
            if checkpoint == nil {
                errors["enrolmentCode"] = LocalizedText(zh: "登记码无效，请向社区管理员核实", en: "Unknown enrolment code; ask your community admin").text(for: req.language.rawValue)
            }
        }
        return try await render(req, code: EnrolmentCode.normalise(code), checkpoint: checkpoint, values: [:], errors: errors)
    }

    func submit(req: Request) async throws -> Response {
        let input = try req.content.decode(OperatorRegistration.Input.self)
        let registration = OperatorRegistration(services: req.gatehouse, db: req.db)
        do {
            let user = try await registration.register(input, language: req.language, hasher: req.password.async)
            try await SignIn.begin(user, on: req)
            return req.redirect(to: .operatorCard)
        } catch let invalid as OperatorRegistration.Invalid {
            let checkpoint = try await registration.checkpoint(forCode: input.enrolmentCode)
            let values = ["userCode": input.userCode, "name": input.name, "phone": input.phone,
                          "unitName": input.unitName, "username": input.username]
            return try await render(req, code: EnrolmentCode.normalise(input.enrolmentCode), checkpoint: checkpoint,
                                    values: values, errors: invalid.errors)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    private func render(_ req: Request, code: String, checkpoint: Checkpoint?, values: [String: String], errors: FieldErrors) async throws -> View {
        let page = RegisterPage(page: PageContext(req, title: Strings.text("register_title", req.language)),
                                code: code, checkpointName: checkpoint?.name,
                                communityName: checkpoint?.$community.value?.name, values: values, errors: errors)
        return try await req.view.render("accounts/register", page)
    }
}
