/// A compiled timestamp pattern, read straight from the bytes of a field.
///
/// The pattern language covers what police portals publish:
///
/// | letters | meaning |
/// | --- | --- |
/// | `yyyy` | four-digit year |
/// | `MM`, `dd` | month and day, one or two digits |
/// | `HH` | hour 0–23; `hh` hour 1–12 with `a` (`AM`/`PM`, any case) |
/// | `mm`, `ss` | minute and second, one or two digits |
/// | `HHmm` | a clock time written as one number 0–2359 with or without leading zeros (`5`, `45`, `1305`) |
/// | `'text'` | literal text |
///
/// Any other character is a literal, with two tolerances: a space matches a space or `T`, and `-`
/// matches `-` or `/` (and the other way round). After a pattern that contains `ss`, fractional seconds
/// (`.250`) are accepted and dropped. After any pattern, an explicit UTC offset is accepted: `Z`, `+00`,
/// `-0500`, `-05:00`; when present the instant is absolute, otherwise the time is wall-clock time in the
/// schema's zone.
public struct TimestampFormat: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case year, month, day, hour24, hour12, minute, second, meridiem, clockNumber
        case literal(UInt8)
    }

    /// The pattern as written.
    public let pattern: String
    let tokens: [Token]
    /// True when the pattern names a calendar date.
    let hasDate: Bool
    let hasSeconds: Bool

    /// Compiles a pattern; throws for unknown letters or an `hh` without `a`.
    public init(_ pattern: String) throws {
        self.pattern = pattern
        var tokens: [Token] = []
        let chars = Array(pattern.utf8)
        var i = 0
        func run(_ c: UInt8) -> Int {
            var n = 0
            while i + n < chars.count && chars[i + n] == c { n += 1 }
            return n
        }
        while i < chars.count {
            let c = chars[i]
            if c == UInt8(ascii: "'") {
                i += 1
                while i < chars.count && chars[i] != UInt8(ascii: "'") { tokens.append(.literal(chars[i])); i += 1 }
                guard i < chars.count else { throw IngestError.badTimeFormat(pattern: pattern, reason: "unclosed quote") }
                i += 1
                continue
            }
            let isLetter = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            guard isLetter else { tokens.append(.literal(c)); i += 1; continue }
            let n = run(c)
            let token: Token
            switch (c, n) {
            case (UInt8(ascii: "y"), 4): token = .year
            case (UInt8(ascii: "M"), 1...2): token = .month
            case (UInt8(ascii: "d"), 1...2): token = .day
            case (UInt8(ascii: "H"), 1...2):
                if i + n + 1 < chars.count && chars[i + n] == UInt8(ascii: "m") && chars[i + n + 1] == UInt8(ascii: "m") {
                    tokens.append(.clockNumber)
                    i += n + 2
                    continue
                }
                token = .hour24
            case (UInt8(ascii: "h"), 1...2): token = .hour12
            case (UInt8(ascii: "m"), 1...2): token = .minute
            case (UInt8(ascii: "s"), 1...2): token = .second
            case (UInt8(ascii: "a"), 1): token = .meridiem
            default:
                throw IngestError.badTimeFormat(
                    pattern: pattern,
                    reason: "'\(String(repeating: Character(Unicode.Scalar(c)), count: n))' is not a known field "
                        + "(use yyyy, MM, dd, HH, hh, mm, ss, a, HHmm)")
            }
            tokens.append(token)
            i += n
        }
        guard tokens.contains(.hour12) == tokens.contains(.meridiem) else {
            throw IngestError.badTimeFormat(pattern: pattern, reason: "'hh' (12-hour clock) and 'a' (AM/PM) go together")
        }
        let dateParts = [Token.year, .month, .day].map { tokens.contains($0) }
        guard dateParts.allSatisfy({ $0 }) || !dateParts.contains(true) else {
            throw IngestError.badTimeFormat(pattern: pattern, reason: "a date needs yyyy, MM and dd")
        }
        self.tokens = tokens
        hasDate = dateParts[0]
        hasSeconds = tokens.contains(.second)
    }

    /// A timestamp read from a field: the day (nil for a time-only pattern), the second of the day,
    /// and the UTC offset when the field carried one.
    struct Reading {
        var dayNumber: Int?
        var secondOfDay: Int
        var offsetSeconds: Int?
    }

    /// Reads a field; nil when it does not match the pattern or names an impossible date or time.
    func read(_ field: UnsafeBufferPointer<UInt8>) -> Reading? {
        var i = 0
        let n = field.count
        while i < n && field[i] == 0x20 { i += 1 }
        var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0
        var pm: Bool?
        func digits(_ maxCount: Int, exactly: Bool = false) -> Int? {
            var value = 0
            var count = 0
            while count < maxCount && i < n, field[i] &- 0x30 < 10 {
                value = value * 10 + Int(field[i] &- 0x30)
                i += 1
                count += 1
            }
            if count == 0 || (exactly && count != maxCount) { return nil }
            return value
        }
        for token in tokens {
            switch token {
            case .year: guard let v = digits(4, exactly: true) else { return nil }; year = v
            case .month: guard let v = digits(2) else { return nil }; month = v
            case .day: guard let v = digits(2) else { return nil }; day = v
            case .hour24, .hour12: guard let v = digits(2) else { return nil }; hour = v
            case .minute: guard let v = digits(2) else { return nil }; minute = v
            case .second: guard let v = digits(2) else { return nil }; second = v
            case .clockNumber:
                guard let v = digits(4) else { return nil }
                hour = v / 100
                minute = v % 100
            case .meridiem:
                guard i + 1 < n, field[i + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
                switch field[i] | 0x20 {
                case UInt8(ascii: "a"): pm = false
                case UInt8(ascii: "p"): pm = true
                default: return nil
                }
                i += 2
            case let .literal(c):
                guard i < n, TimestampFormat.literal(c, matches: field[i]) else { return nil }
                i += 1
            }
        }
        if let pm {
            guard hour >= 1 && hour <= 12 else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        if hasSeconds && i < n && (field[i] == UInt8(ascii: ".") || field[i] == UInt8(ascii: ",")) {
            i += 1
            guard i < n, field[i] &- 0x30 < 10 else { return nil }
            while i < n, field[i] &- 0x30 < 10 { i += 1 }
        }
        while i < n && field[i] == 0x20 { i += 1 }
        var offset: Int?
        if i < n {
            guard let parsed = TimestampFormat.readOffset(field, from: &i) else { return nil }
            offset = parsed
        }
        while i < n && field[i] == 0x20 { i += 1 }
        guard i == n else { return nil }
        guard CivilDate.isValid(year: year, month: month, day: day, hour: hour, minute: minute, second: second) else {
            return nil
        }
        return Reading(dayNumber: hasDate ? CivilDate.dayNumber(year: year, month: month, day: day) : nil,
                       secondOfDay: hour * 3600 + minute * 60 + second, offsetSeconds: offset)
    }

    private static func literal(_ c: UInt8, matches b: UInt8) -> Bool {
        if c == b { return true }
        switch c {
        case 0x20, UInt8(ascii: "T"): return b == 0x20 || b == UInt8(ascii: "T")
        case UInt8(ascii: "-"), UInt8(ascii: "/"): return b == UInt8(ascii: "-") || b == UInt8(ascii: "/")
        default: return false
        }
    }

    /// `Z`, `±HH`, `±HHMM` or `±HH:MM`, in seconds east of UTC.
    private static func readOffset(_ field: UnsafeBufferPointer<UInt8>, from i: inout Int) -> Int? {
        let n = field.count
        if field[i] == UInt8(ascii: "Z") { i += 1; return 0 }
        guard field[i] == UInt8(ascii: "+") || field[i] == UInt8(ascii: "-") else { return nil }
        let sign = field[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        func two() -> Int? {
            guard i + 1 < n, field[i] &- 0x30 < 10, field[i + 1] &- 0x30 < 10 else { return nil }
            defer { i += 2 }
            return Int(field[i] &- 0x30) * 10 + Int(field[i + 1] &- 0x30)
        }
        guard let hours = two(), hours <= 18 else { return nil }
        var minutes = 0
        if i < n && field[i] == UInt8(ascii: ":") { i += 1 }
        if i < n && field[i] != 0x20 {
            guard let m = two(), m < 60 else { return nil }
            minutes = m
        }
        return sign * (hours * 3600 + minutes * 60)
    }
}
