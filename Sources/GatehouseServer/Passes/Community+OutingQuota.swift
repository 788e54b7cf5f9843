import Foundation
import GatehouseCore

extension Community {
    /// The community's outing quota, if it limits outings.
    var outingQuota: OutingQuota? {
        get { outingQuotaJSON.flatMap { try? JSONDecoder().decode(OutingQuota.self, from: Data($0.utf8)) } }
        set { outingQuotaJSON = newValue.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) } }
    }
}
