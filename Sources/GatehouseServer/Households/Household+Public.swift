import Foundation

extension Household {
    /// What pages show of a household: no sealed field.
    struct Public: Encodable {
        let id: UUID
        let communityId: UUID
        let label: String
        let homeQuarantine: Bool
        let rented: Bool
        let landlordPhoneMasked: String?
    }

    var `public`: Public {
        Public(id: id!, communityId: communityID, label: label, homeQuarantine: homeQuarantine, rented: isRented,
               landlordPhoneMasked: landlordPhoneMasked)
    }
}
