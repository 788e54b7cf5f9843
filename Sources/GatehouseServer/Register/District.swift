import Fluent
import Foundation

/// A district (区/县): the top of a deployment's organisation.
final class District: Model, @unchecked Sendable {
    static let schema = "districts"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// GB/T 2260 code of the district, when known.
    @OptionalField(key: "division_code") var divisionCode: String?
    /// Made by `gatehouse demo`: the demo command refuses to touch any other data.
    @Field(key: "is_demo") var isDemo: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID? = nil, name: String, divisionCode: String?, isDemo: Bool = false, createdAt: Date) {
        self.id = id
        self.name = name
        self.divisionCode = divisionCode
        self.isDemo = isDemo
        self.createdAt = createdAt
    }
}
