/// A calendar day on the data's wall clock, used to split windows by date.
public struct LocalDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    /// A day from year, month and day; throws when they name no real day.
    public init(year: Int, month: Int, day: Int) throws {
        guard CivilDate.isValid(year: year, month: month, day: day) else {
            throw WindowError.badDate("\(year)-\(month)-\(day)")
        }
        dayNumber = CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// A day from `YYYY-MM-DD` text; throws for anything else.
    public init(_ text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            throw WindowError.badDate(text)
        }
        guard CivilDate.isValid(year: y, month: m, day: d) else { throw WindowError.badDate(text) }
        dayNumber = CivilDate.dayNumber(year: y, month: m, day: d)
    }

    /// The local day holding a UTC instant in a zone.
    public init(utc t: Int64, in zone: ZoneClock) {
        let wall = zone.wallSeconds(utc: t)
        dayNumber = Int(wall >= 0 ? wall / 86_400 : (wall - 86_399) / 86_400)
    }

    /// The day `days` after this one (before it for negative `days`).
    public func adding(days: Int) -> LocalDay { LocalDay(dayNumber: dayNumber + days) }

    private init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// The UTC instant at which this day starts in a zone.
    public func start(in zone: ZoneClock) -> Int64 { zone.utc(wallSeconds: Int64(dayNumber) * 86_400) }

    public static func < (a: LocalDay, b: LocalDay) -> Bool { a.dayNumber < b.dayNumber }
    public var description: String { TimeWindowing.dateText(dayNumber) }
}
