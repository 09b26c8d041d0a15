import CrimeCore

/// The 168 hours of the week (Monday 0h = 0 … Sunday 23h = 167) on a zone's wall clock: which hour an
/// instant falls in, how many days of each hour an interval holds, and the integral of an hour-of-week
/// rate over an interval. The SEPP background's time-of-week rhythm is a rate per hour of the week.
///
/// An interval is walked in pieces that end where the wall clock reaches the next whole hour; a piece's
/// hour is the wall hour at its start (daylight-saving days give 23 or 25 pieces).
struct WeekHours: Sendable {
    static let count = 168
    let zone: ZoneClock

    /// The hour of the week of a UTC instant.
    func hour(utc t: Int64) -> Int {
        let wall = zone.wallSeconds(utc: t)
        let day = wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400
        let hour = Int(wall - day * 86_400) / 3600
        return CivilDate.weekday(dayNumber: Int(day)) * 24 + hour
    }

    /// Days spent in each hour of the week between `start` and `end` (UTC seconds).
    func exposure(from start: Int64, to end: Int64) -> [Double] {
        var days = [Double](repeating: 0, count: Self.count)
        walk(from: start, to: end) { hour, seconds in days[hour] += Double(seconds) / 86_400 }
        return days
    }

    /// ∫ rate(hour of t) dt over `start..<end`, in rate × days.
    func integral(of rate: [Double], from start: Int64, to end: Int64) -> Double {
        var sum = 0.0
        walk(from: start, to: end) { hour, seconds in sum += rate[hour] * Double(seconds) / 86_400 }
        return sum
    }

    private func walk(from start: Int64, to end: Int64, _ body: (Int, Int64) -> Void) {
        var t = start
        while t < end {
            let wall = zone.wallSeconds(utc: t)
            let intoHour = ((wall % 3600) + 3600) % 3600
            let next = min(t + 3600 - intoHour, end)
            body(hour(utc: t), next - t)
            t = next
        }
    }
}
