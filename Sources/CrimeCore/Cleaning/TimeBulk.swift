/// The span of local days that holds the middle 99.9 % of a table's incidents, and how many lie outside
/// it: the first thing to look at when an extract carries incidents reported years after they happened
/// (dates decades off), so that a study's periods are not taken from a stray record.
public struct TimeBulk: Codable, Sendable, Equatable {
    /// The share of rows the span holds at least (0.999).
    public static let share = 0.999

    /// The first local day of the span, `yyyy-MM-dd`.
    public var firstDay: String
    /// The last local day of the span, `yyyy-MM-dd`.
    public var lastDay: String
    /// Rows before the first day.
    public var before: Int
    /// Rows after the last day.
    public var after: Int

    /// The bulk of `times` in `zone`: the local days of the 0.05 % and 99.95 % order statistics (nearest
    /// rank); nil for no times.
    public init?(times: [Int64], zone: ZoneClock) {
        guard !times.isEmpty else { return nil }
        let sorted = times.sorted()
        let tail = (1 - Self.share) / 2
        let lo = sorted[min(sorted.count - 1, Int((tail * Double(sorted.count)).rounded(.down)))]
        let hi = sorted[max(0, min(sorted.count - 1, Int(((1 - tail) * Double(sorted.count)).rounded(.up)) - 1))]
        let firstDay = LocalDay(utc: lo, in: zone), lastDay = LocalDay(utc: hi, in: zone)
        let start = firstDay.start(in: zone), end = lastDay.adding(days: 1).start(in: zone)
        self.firstDay = firstDay.description
        self.lastDay = lastDay.description
        before = sorted.prefix { $0 < start }.count
        after = sorted.count - (sorted.lastIndex { $0 < end }.map { $0 + 1 } ?? 0)
    }
}
