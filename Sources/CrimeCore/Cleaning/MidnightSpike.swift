/// The excess of records stamped exactly 00:00:00 local time over the neighbouring exact hour marks.
///
/// Portals stamp a record at midnight when its true time is unknown. The baseline is the mean count of
/// records stamped exactly 22:00:00, 23:00:00, 01:00:00 and 02:00:00 local time; the spike is
/// significant when P(X ≥ atMidnight) for X ~ Poisson(max(baseline, 1)) is below a threshold.
public struct MidnightSpike: Sendable, Equatable {
    /// The default significance threshold, 0.001.
    public static let defaultThreshold = 0.001
    /// Records stamped exactly 00:00:00 local.
    public var atMidnight: Int
    /// Mean count at 22:00:00, 23:00:00, 01:00:00 and 02:00:00 local.
    public var baseline: Double
    /// `max(0, atMidnight − baseline)`.
    public var excess: Double
    /// P(X ≥ atMidnight) for X ~ Poisson(max(baseline, 1)).
    public var tailProbability: Double
    /// True when ``tailProbability`` is below the threshold used.
    public var isSignificant: Bool

    /// A spike from the counts at midnight and at the four neighbouring hour marks.
    public init(atMidnight: Int, neighbourCounts: Int, threshold: Double = MidnightSpike.defaultThreshold) {
        self.atMidnight = atMidnight
        baseline = Double(neighbourCounts) / 4
        excess = max(0, Double(atMidnight) - baseline)
        tailProbability = poissonUpperTail(atLeast: atMidnight, mean: max(baseline, 1))
        isSignificant = tailProbability < threshold
    }

    /// Measures the spike over every row of a table, in the table's zone.
    public static func detect(in table: IncidentTable, threshold: Double = MidnightSpike.defaultThreshold) -> MidnightSpike {
        var counter = HourMarkCounter()
        table.times.withUnsafeBufferPointer { times in
            for t in times { _ = counter.count(secondOfDay: localSecondOfDay(t, zone: table.zone)) }
        }
        return counter.spike(threshold: threshold)
    }

    /// The second of the local day of a UTC instant.
    static func localSecondOfDay(_ t: Int64, zone: ZoneClock) -> Int {
        CivilDate.split(wallSeconds: zone.wallSeconds(utc: t)).secondOfDay
    }
}

/// Counts records at exact midnight and at the four neighbouring hour marks.
struct HourMarkCounter {
    private(set) var midnight = 0
    private(set) var neighbours = 0

    /// Counts one record; returns true when it is stamped exactly midnight.
    mutating func count(secondOfDay s: Int) -> Bool {
        switch s {
        case 0: midnight += 1; return true
        case 3600, 7200, 22 * 3600, 23 * 3600: neighbours += 1
        default: break
        }
        return false
    }

    func spike(threshold: Double) -> MidnightSpike {
        MidnightSpike(atMidnight: midnight, neighbourCounts: neighbours, threshold: threshold)
    }
}
