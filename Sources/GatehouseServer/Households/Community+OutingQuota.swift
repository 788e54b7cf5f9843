import Foundation
import GatehouseCore

extension Community {
    /// The community's outing quota, if it limits outings.
    var outingQuota: OutingQuota? {
        get { Self.outingQuota(stored: outingQuotaJSON) }
        set { outingQuotaJSON = newValue.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// The quota as the `outing_quota` column stores it (JSON), or nil.
    static func outingQuota(stored json: String?) -> OutingQuota? {
        json.flatMap { try? JSONDecoder().decode(OutingQuota.self, from: Data($0.utf8)) }
    }
}
