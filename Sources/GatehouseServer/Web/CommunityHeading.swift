import Foundation

/// The community an office page is about, as its views read it: `#(community.name)`, `#url("community", community.id)`
/// (the page's way back, `community-back.leaf`).
struct CommunityHeading: Encodable {
    let id: UUID
    let name: String

    init(_ community: Community) {
        id = community.id!
        name = community.name
    }
}
