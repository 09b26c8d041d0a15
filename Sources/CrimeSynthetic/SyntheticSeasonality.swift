import CrimeCore
/// The synthetic city's weekly rhythm: a multiplier per local weekday (Monday = 0) and hour, with mean 1
/// over the week.
///
/// The daily shape is quiet before dawn, busy in the afternoon and evening; Friday and Saturday nights
/// from 22:00 to 04:00 (the late night running into the next morning) are `weekendLateNightRatio` times a
/// weekday morning (07:00–12:00).
struct SyntheticSeasonality: Sendable {
    /// `multiplier[weekday * 24 + hour]`.
    let multiplier: [Double]

    init(weekendLateNightRatio: Double) {
        // Relative levels by hour of an ordinary day; weekday mornings (07–12) are 1.
        let day: [Double] = [0.9, 0.8, 0.7, 0.6, 0.4, 0.35, 0.5, 1, 1, 1, 1, 1,
                             1.2, 1.2, 1.25, 1.3, 1.35, 1.4, 1.45, 1.5, 1.5, 1.4, 1.2, 1.0]
        var m = [Double](repeating: 0, count: 168)
        for weekday in 0..<7 {
            for hour in 0..<24 { m[weekday * 24 + hour] = day[hour] }
        }
        // Friday (4) and Saturday (5) 22:00–24:00, and the following Saturday and Sunday 00:00–04:00.
        for (weekday, hours) in [(4, 22..<24), (5, 0..<4), (5, 22..<24), (6, 0..<4)] {
            for hour in hours { m[weekday * 24 + hour] = weekendLateNightRatio }
        }
        let mean = m.reduce(0, +) / 168
        multiplier = m.map { $0 / mean }
    }

    /// The multiplier for a local weekday (Monday = 0) and hour.
    func value(weekday: Int, hour: Int) -> Double { multiplier[weekday * 24 + hour] }
}
