/// One time window: a sequential window with a UTC start and end, or a day-of-week × shift bucket.
public struct TimeWindow: Sendable, Hashable {
    /// The window's index in its windowing: an absolute count for sequential windows (local day
    /// number for daily windows, ISO week number since 1970 for weekly ones …), or the bucket
    /// number `weekday × shifts + shift` (Monday = 0) for day-of-week × shift buckets.
    public let index: Int
    /// The UTC instants (seconds since 1970) the window covers, `start..<end`; nil for a bucket,
    /// which recurs every week.
    public let interval: Range<Int64>?
    /// A human label: `2024-11-03T01:00-05:00`, `2024-03-10T12`, `2024-03-10`, `2024-W10`,
    /// `Saturday Late Night`.
    public let label: String

    /// Creates a window.
    public init(index: Int, interval: Range<Int64>?, label: String) {
        self.index = index
        self.interval = interval
        self.label = label
    }

    /// Length in seconds (nil for a bucket).
    public var duration: Int64? { interval.map { $0.upperBound - $0.lowerBound } }
}
