import Fluent
import Foundation

/// A subdistrict or township (街道/乡镇) of a district.
final class Subdistrict: Model, @unchecked Sendable {
    static let schema = "subdistricts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "district_id") var district: District
    @Field(key: "name") var name: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID? = nil, districtID: UUID, name: String, createdAt: Date) {
        self.id = id
        self.$district.id = districtID
        self.name = name
        self.createdAt = createdAt
    }
}
