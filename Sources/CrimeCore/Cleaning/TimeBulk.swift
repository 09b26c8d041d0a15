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
        let n = times.count
        let tail = (1 - Self.share) / 2
        let loRank = min(n - 1, Int((tail * Double(n)).rounded(.down)))
        let hiRank = max(0, min(n - 1, Int(((1 - tail) * Double(n)).rounded(.up)) - 1))
        var scratch = times
        let lo = OrderStatistic.select(loRank, in: &scratch)
        let hi = OrderStatistic.select(hiRank, in: &scratch)
        scratch = []
        let firstDay = LocalDay(utc: lo, in: zone), lastDay = LocalDay(utc: hi, in: zone)
        let start = firstDay.start(in: zone), end = lastDay.adding(days: 1).start(in: zone)
        self.firstDay = firstDay.description
        self.lastDay = lastDay.description
        var before = 0, after = 0
        for t in times {
            if t < start { before += 1 } else if t >= end { after += 1 }
        }
        self.before = before
        self.after = after
    }
}
