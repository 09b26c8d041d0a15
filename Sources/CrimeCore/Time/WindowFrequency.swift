/// The length of a sequential time window, measured on the data's own wall clock.
public enum WindowFrequency: String, Sendable, Hashable, CaseIterable, Codable {
    /// One absolute hour, aligned to the local hour marks. On a fall-back day the repeated local hour
    /// gives two windows (their labels differ by the UTC offset); on a spring-forward day the skipped
    /// hour gives none.
    case hourly
    /// Local 00:00–12:00 and 12:00–24:00, so 11 or 13 hours long on daylight-saving days.
    case halfDay = "12-hour"
    /// One local calendar day: 23, 24 or 25 hours long.
    case daily
    /// One ISO week, Monday 00:00 to the next Monday 00:00 local time.
    case weekly
}
