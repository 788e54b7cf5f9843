/// Whether a health check — a returnee's daily check-in, a quarantine round — needs the health worker's attention:
/// a reading at or over the community's fever threshold, or any symptom. Such a check shows red and is counted; a
/// normal one is green.
public enum HealthConcern {
    public static func needsAttention(temperatureTenths: Int, symptomCount: Int, threshold: BodyTemperature) -> Bool {
        temperatureTenths >= threshold.tenths || symptomCount > 0
    }
}
