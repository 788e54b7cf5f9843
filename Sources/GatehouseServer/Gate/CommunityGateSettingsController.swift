import Fluent
import GatehouseCore
import Vapor

/// A community's fever rule and its card readers, managed by its admins.
struct CommunityGateSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.community(.key, .settings), use: saveSettings)
        routes.post(.community(.key, .devices), use: addDevice)
        routes.post(.revokeDevice(.key), use: revoke)
    }

    struct SettingsForm: Content { let threshold: String?; let restMinutes: String?; let lowest: String?; let admitProposed: String? }

    func saveSettings(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.districtAdmin, .communityAdmin)
        let form = try req.content.decode(SettingsForm.self)
        guard let threshold = try? BodyTemperature(text: form.threshold ?? ""), (370...380).contains(threshold.tenths) else {
            throw AppError(.unprocessableEntity, "invalid_threshold", zh: "发热阈值应在37.0至38.0℃之间", en: "The fever threshold must lie between 37.0 and 38.0 °C")
        }
        guard let minutes = Int((form.restMinutes ?? "").trimmingCharacters(in: .whitespaces)), (0...30).contains(minutes) else {
            throw AppError(.unprocessableEntity, "invalid_rest", zh: "复测前休息时间应为0至30分钟", en: "The rest before a re-measure must be 0 to 30 minutes")
        }
        // A form from before the setting existed keeps the stored value.
        var lowestTenths = community.lowestReadingTenths
        if let text = form.lowest, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let lowest = try? BodyTemperature(text: text), FeverRule.lowestRange.contains(lowest.tenths) else {
                throw AppError(.unprocessableEntity, "invalid_lowest_reading", zh: "最低可信读数应在34.0至36.0℃之间", en: "The lowest believable reading must lie between 34.0 and 36.0 °C")
            }
            lowestTenths = lowest.tenths
        }
        community.lowestReadingTenths = lowestTenths
        community.admitProposed = form.admitProposed == "1"
        community.feverThresholdTenths = threshold.tenths
        community.remeasureRestSeconds = minutes * 60
        try await community.save(on: req.db)
        return req.redirect(to: .community(.value(community.id!), .overview))
    }

    struct DeviceForm: Content { let name: String?; let checkpointId: UUID? }

    func addDevice(req: Request) async throws -> Response {
        let (user, community) = try await req.community(.districtAdmin, .communityAdmin)
        let form = try req.content.decode(DeviceForm.self)
        guard let gid = form.checkpointId, let gate = try await Checkpoint.find(gid, on: req.db), gate.$community.id == community.id else {
            throw AppError.notFound
        }
        guard let name = OrganisationEditing.cleanName(form.name) else {
            throw AppError(.unprocessableEntity, "invalid_name", OrganisationEditing.badName)
        }
        let token = ReaderDeviceAuthenticator.prefix + BearerTokenAuthenticator.newToken()
        let device = ReaderDevice()
        device.communityID = community.id!
        device.checkpointID = gid
        device.name = name
        device.tokenHash = BearerTokenAuthenticator.hash(token)
        device.isActive = true
        device.createdAt = req.gatehouse.clock.now()
        device.createdBy = try user.requireID()
        try await device.create(on: req.db)
        return try await AdminController().renderCommunity(req, errors: [:], values: [:], status: .created,
                                                           notice: Strings.text("device_token_once", req.language), newToken: token)
    }

    func revoke(req: Request) async throws -> Response {
        let user = try req.requireUser(.districtAdmin, .communityAdmin)
        guard let id = req.parameters.get("deviceID", as: UUID.self), let device = try await ReaderDevice.find(id, on: req.db) else {
            throw AppError.notFound
        }
        _ = try await AccessScope(user).community(device.communityID, on: req.db)
        device.isActive = false
        try await device.save(on: req.db)
        return req.redirect(to: .community(.value(device.communityID), .overview))
    }
}
