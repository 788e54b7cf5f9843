import Fluent
import Foundation
import GatehouseCore

/// Builds `PassView`s for a list of passes with few queries.
struct PassViews {
    let services: GatehouseServices
    let db: any Database
    let language: Language

    func views(_ passes: [Pass], withTokens: Bool) async throws -> [PassView] {
        let householdIDs = Set(passes.map { $0.$household.id })
        let households = Dictionary(uniqueKeysWithValues: try await Household.query(on: db).filter(\.$id ~~ householdIDs).all().map { ($0.id!, $0) })
        let residentIDs = Set(passes.compactMap { $0.$resident.id })
        let residents = residentIDs.isEmpty ? [] : try await Resident.query(on: db).filter(\.$id ~~ residentIDs).all()
        let personIDs = Set(residents.map { $0.$person.id })
        let persons = personIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await Person.query(on: db).filter(\.$id ~~ personIDs).all().map { ($0.id!, $0) })
        let holders = Dictionary(uniqueKeysWithValues: residents.map { ($0.id!, persons[$0.$person.id]) })
        let now = services.clock.now()
        return passes.compactMap { pass in
            guard let household = households[pass.$household.id] else { return nil }
            let holder = pass.$resident.id.flatMap { holders[$0] ?? nil }
            return PassView(pass, household: household, holder: holder, token: withTokens ? services.passToken(for: pass) : nil,
                            now: now, language: language)
        }
    }

    func view(_ pass: Pass, withToken: Bool) async throws -> PassView {
        guard let view = try await views([pass], withTokens: withToken).first else { throw AppError.notFound }
        return view
    }
}
