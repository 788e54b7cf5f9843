import Foundation

/// Groups a trace's contacts (`ContactGroup`): closest first, then the most co-presences. Each line learns its
/// group's index, so the page, the JSON and the files show the same grouping.
enum ContactGroups {
    static func key(of p: PassageLine) -> (key: String, kind: String) {
        if let household = p.householdID { return ("household:\(household)", "household") }
        if let person = p.personID { return ("person:\(person)", "person") }
        return ("passage:\(p.id)", "passage")
    }

    /// `lines[i]` is `contacts[i]` as a trace line (with its minutes apart).
    static func build(_ contacts: [PassageLine], lines: [ContactTrace.Line], labels: [UUID: String])
        -> (groups: [ContactGroup], lines: [ContactTrace.Line]) {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (i, p) in contacts.enumerated() {
            let k = key(of: p).key
            if members[k] == nil { order.append(k) }
            members[k, default: []].append(i)
        }
        var groups: [ContactGroup] = order.map { k in
            let indices = members[k]!
            let first = contacts[indices[0]]
            let closest = indices.min { (lines[$0].minutesApart ?? .max) < (lines[$1].minutesApart ?? .max) }!
            // Each person once, with a phone if any of their passages had one (a pass scan records none).
            var personOrder: [String] = []
            var byPerson: [String: ContactGroup.Member] = [:]
            for i in indices {
                let p = contacts[i]
                let id = p.personID?.uuidString ?? "passage:\(p.id)"
                if let known = byPerson[id] {
                    if known.phoneMasked.isEmpty, !p.phoneMasked.isEmpty {
                        byPerson[id] = ContactGroup.Member(personId: known.personId, nameMasked: known.nameMasked, phoneMasked: p.phoneMasked)
                    }
                } else {
                    personOrder.append(id)
                    byPerson[id] = ContactGroup.Member(personId: p.personID, nameMasked: p.nameMasked, phoneMasked: p.phoneMasked)
                }
            }
            let people = personOrder.compactMap { byPerson[$0] }
            var gates: [String] = []
            for i in indices where !gates.contains(lines[i].checkpointName) { gates.append(lines[i].checkpointName) }
            let kind = key(of: first).kind
            return ContactGroup(key: k, kind: kind,
                                label: kind == "household" ? (first.householdID.flatMap { labels[$0] } ?? first.nameMasked) : first.nameMasked,
                                householdId: first.householdID, members: people, coPresences: indices.count,
                                closestMinutes: lines[closest].minutesApart ?? 0, closestTime: lines[closest].time,
                                checkpoints: gates.joined(separator: "、"), abnormal: indices.contains { lines[$0].abnormal })
        }
        groups.sort { ($0.closestMinutes, -$0.coPresences, $0.closestTime) < ($1.closestMinutes, -$1.coPresences, $1.closestTime) }
        let index = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.key, $0) })
        // Lines in the groups' order (closest group first), each naming its group.
        let grouped = contacts.indices.sorted { (index[key(of: contacts[$0]).key]!, $0) < (index[key(of: contacts[$1]).key]!, $1) }
            .map { i in lines[i].inGroup(index[key(of: contacts[i]).key]!) }
        return (groups, grouped)
    }
}
