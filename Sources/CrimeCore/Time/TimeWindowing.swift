/// How instants are grouped into time windows, on the data's own wall clock.
///
/// Either sequential windows (hourly, 12-hour, daily, weekly), each with a UTC start and end, or
/// cyclic day-of-week × shift buckets ("Saturday Late Night"), which recur every week. The
/// space-time cube takes one of these. Mapping an instant to its window costs one binary search
/// of the zone's offset table and a few integer operations; no Foundation call is made.
public struct TimeWindowing: Sendable, Hashable {
    /// The two kinds of windowing.
    public enum Kind: Sendable, Hashable {
        /// Consecutive windows of a fixed wall-clock length.
        case sequential(WindowFrequency)
        /// Day-of-week × shift buckets: `7 × shifts` of them.
        case cyclic(ShiftScheme)
    }

    /// The data's time zone.
    public let zone: ZoneClock
    /// Sequential or cyclic.
    public let kind: Kind

    /// Creates a windowing of a kind in a zone.
    public init(_ kind: Kind, zone: ZoneClock) {
        self.kind = kind
        self.zone = zone
    }

    /// Sequential windows of a frequency in a zone.
    public static func sequential(_ frequency: WindowFrequency, zone: ZoneClock) -> TimeWindowing {
        TimeWindowing(.sequential(frequency), zone: zone)
    }

    /// Day-of-week × shift buckets in a zone (the standard four shifts unless given).
    public static func dayOfWeekShifts(_ scheme: ShiftScheme = .standard, zone: ZoneClock) -> TimeWindowing {
        TimeWindowing(.cyclic(scheme), zone: zone)
    }

    /// True for day-of-week × shift buckets.
    public var isCyclic: Bool {
        if case .cyclic = kind { return true }
        return false
    }

    /// The index of the window holding a UTC instant (see ``TimeWindow/index``).
    public func index(utc t: Int64) -> Int {
        let offset = Int64(zone.offset(atUTC: t))
        switch kind {
        case let .sequential(frequency):
            switch frequency {
            case .hourly: return Int(Self.floorDiv(t + Self.floorMod(offset, 3600), 3600))
            case .halfDay: return Int(Self.floorDiv(t + offset, 43_200))
            case .daily: return Int(Self.floorDiv(t + offset, 86_400))
            case .weekly: return Int(Self.floorDiv(Self.floorDiv(t + offset, 86_400) + 3, 7))
            }
        case let .cyclic(scheme):
            let wall = t + offset
            let hour = Int(Self.floorMod(wall, 86_400) / 3600)
            let day = Int(Self.floorDiv(wall, 86_400)) - scheme.dayBackOfHour[hour]
            return CivilDate.weekday(dayNumber: day) * scheme.count + scheme.shiftOfHour[hour]
        }
    }

    /// The UTC start and end of a sequential window; nil for a bucket.
    public func interval(ofIndex i: Int) -> Range<Int64>? {
        guard case let .sequential(frequency) = kind else { return nil }
        let i64 = Int64(i)
        switch frequency {
        case .hourly:
            return hourStart(i64)..<hourStart(i64 + 1)
        case .halfDay:
            return zone.utc(wallSeconds: i64 * 43_200)..<zone.utc(wallSeconds: (i64 + 1) * 43_200)
        case .daily:
            return zone.utc(wallSeconds: i64 * 86_400)..<zone.utc(wallSeconds: (i64 + 1) * 86_400)
        case .weekly:
            let monday = i64 * 7 - 3
            return zone.utc(wallSeconds: monday * 86_400)..<zone.utc(wallSeconds: (monday + 7) * 86_400)
        }
    }

    /// The window with an index.
    public func window(ofIndex i: Int) -> TimeWindow {
        TimeWindow(index: i, interval: interval(ofIndex: i), label: label(ofIndex: i))
    }

    /// The window holding a UTC instant.
    public func window(containing t: Int64) -> TimeWindow { window(ofIndex: index(utc: t)) }

    /// Number of buckets of a cyclic windowing (`7 × shifts`); nil for sequential windows.
    public var bucketCount: Int? {
        if case let .cyclic(scheme) = kind { return 7 * scheme.count }
        return nil
    }

    /// The bucket with a label such as `Saturday Late Night`; nil when no bucket has it or the
    /// windowing is sequential.
    public func bucket(named label: String) -> Int? {
        guard let n = bucketCount else { return nil }
        return (0..<n).first { self.label(ofIndex: $0) == label }
    }

    /// Start of the absolute hour `i`: local hour marks sit `offset mod 3600` seconds before UTC hour marks.
    private func hourStart(_ i: Int64) -> Int64 {
        let mark = i * 3600
        return mark - Self.floorMod(Int64(zone.offset(atUTC: mark)), 3600)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
        let r = a % b
        return r < 0 ? r + b : r
    }
}
