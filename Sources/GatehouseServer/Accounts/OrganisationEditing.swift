import Fluent
import GatehouseCore
import Vapor

/// Creates subdistricts, communities and checkpoints, with checks and clear messages.
struct OrganisationEditing {
    let services: GatehouseServices
    let db: any Database

    static func cleanName(_ text: String?, max: Int = 60) -> String? {
        let t = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty, t.count <= max, !t.contains(where: { "<>{}\\".contains($0) }) else { return nil }
        return t
    }

    static let badName = LocalizedText(zh: "请输入名称（1至60个字，不含<>{}\\）", en: "Enter a name (1 to 60 characters, no <>{}\\)")
    static let duplicate = LocalizedText(zh: "已存在同名项目", en: "One with this name exists already")

    func addSubdistrict(name: String?, districtID: UUID) async throws -> Subdistrict {
        guard let clean = Self.cleanName(name) else { throw AppError(.unprocessableEntity, "invalid_name", Self.badName) }
        guard try await Subdistrict.query(on: db).filter(\.$district.$id == districtID).filter(\.$name == clean).count() == 0 else {
            throw AppError(.conflict, "duplicate_name", Self.duplicate)
        }
        let s = Subdistrict(districtID: districtID, name: clean, createdAt: services.clock.now())
        try await s.create(on: db)
        return s
    }

    func addCommunity(name: String?, address: String?, subdistrict: Subdistrict) async throws -> Community {
        guard let clean = Self.cleanName(name) else { throw AppError(.unprocessableEntity, "invalid_name", Self.badName) }
        let sid = try subdistrict.requireID()
        guard try await Community.query(on: db).filter(\.$subdistrict.$id == sid).filter(\.$name == clean).count() == 0 else {
            throw AppError(.conflict, "duplicate_name", Self.duplicate)
        }
        let addr = Self.cleanName(address, max: 120)
        let c = Community(subdistrictID: sid, districtID: subdistrict.$district.id, name: clean, address: addr,
                          createdAt: services.clock.now())
        try await c.create(on: db)
        return c
    }

    func addCheckpoint(name: String?, isOpen: Bool, community: Community) async throws -> Checkpoint {
        guard let clean = Self.cleanName(name) else { throw AppError(.unprocessableEntity, "invalid_name", Self.badName) }
        let cid = try community.requireID()
        guard try await Checkpoint.query(on: db).filter(\.$community.$id == cid).filter(\.$name == clean).count() == 0 else {
            throw AppError(.conflict, "duplicate_name", Self.duplicate)
        }
        let gate = Checkpoint(communityID: cid, name: clean, isOpen: isOpen, enrolmentCode: try await freshCode(),
                              createdAt: services.clock.now())
        try await gate.create(on: db)
        return gate
    }

    /// A code no checkpoint has.
    func freshCode() async throws -> String {
        while true {
            let code = EnrolmentCode.generate()
            if try await Checkpoint.query(on: db).filter(\.$enrolmentCode == code).count() == 0 { return code }
        }
    }

    /// The checkpoint with `id` if its community is in `scope`, else 404.
    func checkpoint(_ id: UUID?, in scope: AccessScope) async throws -> Checkpoint {
        guard let id, let gate = try await Checkpoint.find(id, on: db) else { throw AppError.notFound }
        _ = try await scope.community(gate.$community.id, on: db)
        return gate
    }
}
