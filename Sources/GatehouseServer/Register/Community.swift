import Fluent
import Foundation
import GatehouseCore

/// A residential community or village (社区/村): the unit that runs its gates.
final class Community: Model, @unchecked Sendable {
    static let schema = "communities"

    @ID(key: .id) var id: UUID?
    @Parent(key: "subdistrict_id") var subdistrict: Subdistrict
    /// Copied from the subdistrict so that scope checks need no join.
    @Field(key: "district_id") var districtID: UUID
    @Field(key: "name") var name: String
    @OptionalField(key: "address") var address: String?
    @Field(key: "created_at") var createdAt: Date
    /// Readings at or above this are abnormal (tenths of °C; default 373).
    @Field(key: "fever_threshold_tenths") var feverThresholdTenths: Int
    /// Rest before the re-measure, in seconds (default 300).
    @Field(key: "remeasure_rest_seconds") var remeasureRestSeconds: Int
    /// Readings below this (tenths of °C; default 350, 340–360) are taken again: a cold forehead or thermometer.
    @Field(key: "lowest_reading_tenths") var lowestReadingTenths: Int
    /// Whether a person an operator proposed for registration passes while the office has not checked yet.
    @Field(key: "admit_proposed") var admitProposed: Bool
    /// JSON of the `OutingQuota`, when the community limits outings.
    @OptionalField(key: "outing_quota") var outingQuotaJSON: String?
    /// Default validity of a new pass, in days.
    @Field(key: "pass_validity_days") var passValidityDays: Int
    /// Where couriers leave parcels (指定取件点), shown to households with their pickup window.
    @OptionalField(key: "pickup_point") var pickupPoint: String?
    /// Pickup windows: length in minutes and households per window.
    @Field(key: "pickup_slot_minutes") var pickupSlotMinutes: Int
    @Field(key: "pickup_slot_capacity") var pickupSlotCapacity: Int
    /// Days of health monitoring after a returnee's arrival (default 14).
    @Field(key: "returnee_monitoring_days") var returneeMonitoringDays: Int
    /// A home quarantine shorter than this asks for confirmation.
    @Field(key: "quarantine_minimum_days") var quarantineMinimumDays: Int
    /// Days personal data is kept (`RetentionPeriod`, default 28).
    @Field(key: "retention_days") var retentionDays: Int
    /// When the office stood the community down (the epidemic is over for it): all personal data was purged and the
    /// gate records nothing more.
    @OptionalField(key: "stood_down_at") var stoodDownAt: Date?
    @OptionalField(key: "stood_down_by") var stoodDownBy: UUID?
    @Children(for: \.$community) var checkpoints: [Checkpoint]

    init() {}

    init(id: UUID? = nil, subdistrictID: UUID, districtID: UUID, name: String, address: String?, createdAt: Date) {
        self.id = id
        self.$subdistrict.id = subdistrictID
        self.districtID = districtID
        self.name = name
        self.address = address
        self.createdAt = createdAt
        self.feverThresholdTenths = 373
        self.remeasureRestSeconds = 300
        self.lowestReadingTenths = FeverRule.standard.lowest.tenths
        self.admitProposed = false
        self.passValidityDays = 90
        self.pickupSlotMinutes = 30
        self.pickupSlotCapacity = 10
        self.returneeMonitoringDays = 14
        self.quarantineMinimumDays = 14
        self.retentionDays = RetentionPeriod.standard.days
    }
}
