import Fluent
import Foundation
import GatehouseCore
import GatehouseStore

/// Operators propose registrations at the gate; the office confirms each into a household or rejects it. A
/// person with a pending proposal passes only where the community allows it (`Community.admitProposed`).
struct RegistrationProposals {
    let services: GatehouseServices
    let db: any Database

    /// One row of the office's list.
    struct Row: Encodable {
        let id: UUID
        let nameMasked: String
        let phoneMasked: String
        let checkpointName: String
        let proposedBy: String
        let proposedAt: String
    }

    /// The person's pending proposal, if any.
    func pending(person: UUID, community: UUID) async throws -> RegistrationProposal? {
        try await RegistrationProposal.query(on: db).filter(\.$personID == person).filter(\.$communityID == community)
            .filter(\.$status == RegistrationProposal.Status.pending.rawValue).first()
    }

    /// Proposes `person` (once: a second proposal while one waits is the same proposal).
    func propose(person: UUID, community: UUID, checkpoint: UUID, passage: UUID?, by user: UUID) async throws -> RegistrationProposal {
        if let existing = try await pending(person: person, community: community) { return existing }
        let proposal = RegistrationProposal(communityID: community, checkpointID: checkpoint, personID: person, passageID: passage,
                                            by: user, at: services.clock.now())
        try await proposal.create(on: db)
        return proposal
    }

    /// The community's pending proposals, oldest first, naming the gate and who proposed each.
    func list(community: UUID) async throws -> [Row] {
        let proposals = try await RegistrationProposal.query(on: db).filter(\.$communityID == community)
            .filter(\.$status == RegistrationProposal.Status.pending.rawValue).sort(\.$proposedAt).limit(200).all()
        guard !proposals.isEmpty else { return [] }
        let people = try await Person.query(on: db).filter(\.$id ~~ proposals.map(\.personID)).all()
        let gates = try await Checkpoint.query(on: db).filter(\.$id ~~ Array(Set(proposals.map(\.checkpointID)))).all()
        let users = try await User.query(on: db).filter(\.$id ~~ Array(Set(proposals.map(\.proposedBy)))).all()
        let byPerson = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0) })
        let gateNames = Dictionary(uniqueKeysWithValues: gates.map { ($0.id!, $0.name) })
        let userNames = Dictionary(uniqueKeysWithValues: users.map { ($0.id!, StaffNames.name(of: $0, services: services)) })
        return proposals.map { p in
            Row(id: p.id!, nameMasked: byPerson[p.personID]?.nameMasked ?? "—", phoneMasked: byPerson[p.personID]?.phoneMasked ?? "",
                checkpointName: gateNames[p.checkpointID] ?? "", proposedBy: userNames[p.proposedBy] ?? "",
                proposedAt: RecordRow.listTime(p.proposedAt, now: services.clock.now()))
        }
    }

    /// The office confirms: the person is registered (登记备案) as a permanent resident of the household `label`.
    func confirm(_ id: UUID?, community: Community, householdLabel: String?, by admin: UUID) async throws {
        let proposal = try await open(id, community: community)
        let label = householdLabel?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !label.isEmpty, let household = try await Household.query(on: db).filter(\.$communityID == community.id!)
            .filter(\.$label == label).first() else {
            throw AppError(.unprocessableEntity, "household_unknown", zh: "请选择本社区已有的住户（如 1栋1单元101室）",
                           en: "Choose a household of this community (e.g. 1栋1单元101室)")
        }
        let now = services.clock.now()
        try await db.writeTransaction { tx in
            guard let person = try await Person.find(proposal.personID, on: tx) else { throw AppError.notFound }
            _ = try await Resident.enrol(person: person.id!, in: household, by: admin, at: now, on: tx)
            if !person.isRegistered {
                person.isRegistered = true
                person.registeredAt = now
                person.registeredBy = admin
                try await person.save(on: tx)
            }
            proposal.status = RegistrationProposal.Status.confirmed.rawValue
            proposal.householdID = household.id
            proposal.decidedBy = admin
            proposal.decidedAt = now
            try await proposal.save(on: tx)
        }
    }

    /// The office rejects, with its reason; the person stays unregistered.
    func reject(_ id: UUID?, community: Community, reason: String?, by admin: UUID) async throws {
        let proposal = try await open(id, community: community)
        guard let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty, reason.count <= 100 else {
            throw AppError(.unprocessableEntity, "reason_required", zh: "请填写不通过的理由（100字以内）", en: "Give the reason (at most 100 characters)")
        }
        proposal.status = RegistrationProposal.Status.rejected.rawValue
        proposal.note = reason
        proposal.decidedBy = admin
        proposal.decidedAt = services.clock.now()
        try await proposal.save(on: db)
    }

    private func open(_ id: UUID?, community: Community) async throws -> RegistrationProposal {
        guard let id, let proposal = try await RegistrationProposal.find(id, on: db), proposal.communityID == community.id else {
            throw AppError.notFound
        }
        guard proposal.statusValue == .pending else {
            throw AppError(.conflict, "already_decided", zh: "此登记已处理过", en: "This proposal has been decided already")
        }
        return proposal
    }
}
