/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), with no time zone.
///
/// These are the conversions every time computation in CrimeKit rests on; they are exact for any
/// year that fits in an `Int`.
package enum CivilDate {
    /// Days from 1970-01-01 to the given date. Month 1–12, day 1–31 (not range-checked here).
    package static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Shift the year to start in March so that the leap day is the last day of the year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                    // 0...399
        let shiftedMonth = month > 2 ? month - 3 : month + 9             // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1           // 0...365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month (1–12) and day (1–31) of a day number.
    package static func date(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO weekday of a day number: Monday = 0 … Sunday = 6.
    package static func weekday(dayNumber: Int) -> Int {
        // 1970-01-01 was a Thursday (3).
        let w = (dayNumber + 3) % 7
        return w < 0 ? w + 7 : w
    }

    /// True for a leap year of the Gregorian calendar.
    package static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in a month.
    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// True when the fields name a real date and time of day (seconds 0–59).
    package static func isValid(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year: year, month: month)
            && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60
    }

    /// Seconds since 1970-01-01T00:00 of a wall-clock time, as if the zone were UTC.
    package static func wallSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64 {
        Int64(dayNumber(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Floor division of seconds into (day number, seconds into the day).
    package static func split(wallSeconds s: Int64) -> (day: Int, secondOfDay: Int) {
        var d = s / 86_400
        var r = s % 86_400
        if r < 0 { d -= 1; r += 86_400 }
        return (Int(d), Int(r))
    }

    /// ISO 8601 text of a UTC instant with its offset: `2024-03-10T03:30:00-05:00` (or `Z` for zero).
    package static func iso8601(utc: Int64, offsetSeconds: Int) -> String {
        let (day, sod) = split(wallSeconds: utc + Int64(offsetSeconds))
        let (y, m, d) = date(dayNumber: day)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = y >= 0 && y < 10_000 ? String(repeating: "0", count: 4 - String(y).count) + String(y) : String(y)
        var text = "\(year)-\(two(m))-\(two(d))T\(two(sod / 3600)):\(two(sod / 60 % 60)):\(two(sod % 60))"
        if offsetSeconds == 0 {
            text += "Z"
        } else {
            let a = abs(offsetSeconds)
            text += (offsetSeconds < 0 ? "-" : "+") + "\(two(a / 3600)):\(two(a / 60 % 60))"
        }
        return text
    }
}
