import GatehouseCore
import Testing

/// A check-in at or over the community's threshold, or with any symptom, needs attention.
struct HealthConcernTests {
    @Test func theThresholdIsTheCommunitysAndAnySymptomCounts() throws {
        let standard = FeverRule.standard.threshold
        #expect(HealthConcern.needsAttention(temperatureTenths: 376, symptomCount: 0, threshold: standard))
        #expect(HealthConcern.needsAttention(temperatureTenths: 373, symptomCount: 0, threshold: standard))
        #expect(!HealthConcern.needsAttention(temperatureTenths: 372, symptomCount: 0, threshold: standard))
        #expect(HealthConcern.needsAttention(temperatureTenths: 365, symptomCount: 1, threshold: standard))
        #expect(!HealthConcern.needsAttention(temperatureTenths: 374, symptomCount: 0, threshold: try BodyTemperature(tenths: 375)))
    }
}
