import CrimeCore

/// The time-of-window buckets the GLM forecaster gives their own effect, by window length, and each
/// window's exposure.
///
/// | windows | buckets |
/// | --- | --- |
/// | hourly | hour of the week: weekday × local hour of the window's start (168) |
/// | 12-hour | day of week × half, morning (00–12) or afternoon (12–24) (14) |
/// | daily | day of week (7) |
/// | weekly | none: one bucket, the intercept |
///
/// Weekdays and hours are read on the data's wall clock at each window's start. The exposure of a window
/// is its length in days (23 or 25 hours on clock-change days), so every rate is per day.
struct GLMTimeTerms {
    /// The sequential windowing the buckets are read from.
    let windowing: TimeWindowing

    /// The number of buckets.
    var bucketCount: Int {
        switch frequency {
        case .hourly: return 168
        case .halfDay: return 14
        case .daily: return 7
        case .weekly, nil: return 1
        }
    }

    /// The bucket of the window with windowing index `i`.
    func bucket(ofIndex i: Int) -> Int {
        guard let start = windowing.interval(ofIndex: i)?.lowerBound else { return 0 }
        let wall = windowing.zone.wallSeconds(utc: start)
        let day = Int(wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400)
        let hour = Int(wall - Int64(day) * 86_400) / 3600
        let weekday = CivilDate.weekday(dayNumber: day)
        switch frequency {
        case .hourly: return weekday * 24 + hour
        case .halfDay: return weekday * 2 + (hour >= 12 ? 1 : 0)
        case .daily: return weekday
        case .weekly, nil: return 0
        }
    }

    /// A bucket's name for messages: `Monday 13h`, `Monday afternoon`, `Monday`, `any week`.
    func label(ofBucket k: Int) -> String {
        let names = TimeWindowing.weekdayNames
        switch frequency {
        case .hourly: return "\(names[k / 24]) \(k % 24)h"
        case .halfDay: return "\(names[k / 2]) \(k % 2 == 0 ? "morning" : "afternoon")"
        case .daily: return names[k]
        case .weekly, nil: return "any week"
        }
    }

    /// The length in days of the window with windowing index `i`, counted from `dataStart` when the
    /// data start inside it.
    func exposure(ofIndex i: Int, dataStart: Int64? = nil) -> Double {
        guard let interval = windowing.interval(ofIndex: i) else { return 1 }
        let start = max(interval.lowerBound, min(dataStart ?? interval.lowerBound, interval.upperBound - 1))
        return Double(interval.upperBound - start) / 86_400
    }

    private var frequency: WindowFrequency? {
        if case let .sequential(frequency) = windowing.kind { return frequency }
        return nil
    }
}
