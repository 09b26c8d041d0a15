extension TimeWindowing {
    /// ISO weekday names, Monday first.
    public static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The label of a window: `2024-11-03T01:00-05:00` (hourly, with the UTC offset so that the
    /// repeated hour of a fall-back day gets two labels), `2024-03-10T12` (12-hour), `2024-03-10`
    /// (daily), `2024-W10` (ISO week), `Saturday Late Night` (bucket).
    public func label(ofIndex i: Int) -> String {
        switch kind {
        case let .cyclic(scheme):
            let n = scheme.count
            let weekday = Int(Self.floorMod(Int64(i), Int64(7 * n))) / n
            return "\(Self.weekdayNames[weekday]) \(scheme.shifts[Int(Self.floorMod(Int64(i), Int64(n)))].name)"
        case let .sequential(frequency):
            let i64 = Int64(i)
            switch frequency {
            case .hourly:
                let start = interval(ofIndex: i)?.lowerBound ?? i64 * 3600
                let offset = zone.offset(atUTC: start)
                let (day, second) = CivilDate.split(wallSeconds: start + Int64(offset))
                return "\(Self.dateText(day))T\(Self.two(second / 3600)):00\(Self.offsetText(offset))"
            case .halfDay:
                let day = Int(Self.floorDiv(i64, 2))
                return "\(Self.dateText(day))T\(Self.floorMod(i64, 2) == 0 ? "00" : "12")"
            case .daily:
                return Self.dateText(i)
            case .weekly:
                let thursday = i * 7     // Monday (7i − 3) + 3 days
                let year = CivilDate.date(dayNumber: thursday).year
                let week = (thursday - CivilDate.dayNumber(year: year, month: 1, day: 1)) / 7 + 1
                return "\(Self.yearText(year))-W\(Self.two(week))"
            }
        }
    }

    /// `YYYY-MM-DD` of a day number.
    static func dateText(_ day: Int) -> String {
        let (y, m, d) = CivilDate.date(dayNumber: day)
        return "\(yearText(y))-\(two(m))-\(two(d))"
    }

    private static func yearText(_ y: Int) -> String {
        let digits = String(abs(y))
        let padded = digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
        return y < 0 ? "-" + padded : padded
    }

    private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    private static func offsetText(_ seconds: Int) -> String {
        let a = abs(seconds)
        return (seconds < 0 ? "-" : "+") + "\(two(a / 3600)):\(two(a / 60 % 60))"
    }
}
