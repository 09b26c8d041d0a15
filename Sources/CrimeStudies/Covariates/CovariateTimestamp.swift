import CrimeCore

/// Timestamps of covariate rows: `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space may stand for
/// the `T`), wall-clock time in the data's zone, or an absolute instant when followed by `Z` or a UTC
/// offset `±HH:MM` (`±HHMM`).
enum CovariateTimestamp {
    /// The accepted form, for error messages.
    static let form = "YYYY-MM-DDTHH:MM[:SS] (local time, or followed by Z or ±HH:MM)"

    /// The UTC instant of `text`, or nil when it does not follow the form or names an impossible time.
    static func utc(_ text: String, zone: ZoneClock) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let day = try? LocalDay(String(decoding: bytes[0..<10], as: UTF8.self)) else { return nil }
        var i = 11
        func twoDigits() -> Int? {
            guard i + 2 <= bytes.count, bytes[i] &- 0x30 < 10, bytes[i + 1] &- 0x30 < 10 else { return nil }
            defer { i += 2 }
            return Int(bytes[i] - 0x30) * 10 + Int(bytes[i + 1] - 0x30)
        }
        func skip(_ c: Character) -> Bool {
            guard i < bytes.count, bytes[i] == c.asciiValue else { return false }
            i += 1
            return true
        }
        guard let hour = twoDigits(), hour < 24, skip(":"), let minute = twoDigits(), minute < 60 else { return nil }
        var second = 0
        if skip(":") {
            guard let s = twoDigits(), s < 60 else { return nil }
            second = s
        }
        let wall = Int64(day.dayNumber) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
        if i == bytes.count { return zone.utc(wallSeconds: wall) }
        if skip("Z") { return i == bytes.count ? wall : nil }
        let sign: Int64
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let offsetHours = twoDigits(), offsetHours <= 18 else { return nil }
        _ = skip(":")
        guard let offsetMinutes = twoDigits(), offsetMinutes < 60, i == bytes.count else { return nil }
        return wall - sign * Int64(offsetHours * 3_600 + offsetMinutes * 60)
    }
}
