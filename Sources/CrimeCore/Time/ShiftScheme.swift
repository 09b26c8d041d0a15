/// A named part of the day that starts at a local hour and lasts until the next shift starts.
public struct Shift: Sendable, Hashable, Codable {
    /// The shift's name, e.g. `Late Night`.
    public let name: String
    /// The local hour (0–23) at which it starts.
    public let startHour: Int

    /// Creates a shift.
    public init(name: String, startHour: Int) {
        self.name = name
        self.startHour = startHour
    }
}

/// Named shifts that together cover the 24 hours of a day, for day-of-week × shift buckets.
///
/// Each shift runs from its start hour to the next shift's start hour. A shift that runs across
/// midnight (say `Late Night` from 22:00 to 04:00) belongs to the day it starts on, so Saturday 01:00
/// falls in "Friday Late Night". Shifts are kept in order of their start hour.
public struct ShiftScheme: Sendable, Hashable {
    /// The shifts, by ascending start hour.
    public let shifts: [Shift]
    /// For each local hour 0–23, the ordinal of the shift it belongs to.
    let shiftOfHour: [Int]
    /// For each local hour 0–23, 1 when that hour belongs to a shift that started the day before.
    let dayBackOfHour: [Int]

    /// Builds a scheme from shifts in any order; throws for no shifts, an hour outside 0–23, or a
    /// repeated start hour or name.
    public init(_ shifts: [Shift]) throws {
        guard !shifts.isEmpty else { throw WindowError.emptyShiftScheme }
        var hours = Set<Int>()
        var names = Set<String>()
        for s in shifts {
            guard (0..<24).contains(s.startHour) else {
                throw WindowError.shiftHourOutOfRange(name: s.name, hour: s.startHour)
            }
            guard hours.insert(s.startHour).inserted else { throw WindowError.duplicateShiftStart(hour: s.startHour) }
            guard names.insert(s.name).inserted else { throw WindowError.duplicateShiftName(s.name) }
        }
        self.init(validated: shifts.sorted { $0.startHour < $1.startHour })
    }

    /// Builds a scheme from `(name, start hour)` pairs.
    public init(_ pairs: [(name: String, startHour: Int)]) throws {
        try self.init(pairs.map { Shift(name: $0.name, startHour: $0.startHour) })
    }

    /// "Late Night" 00–06, "Morning" 06–12, "Afternoon" 12–18, "Evening" 18–24.
    public static let standard: ShiftScheme = {
        let shifts = [Shift(name: "Late Night", startHour: 0), Shift(name: "Morning", startHour: 6),
                      Shift(name: "Afternoon", startHour: 12), Shift(name: "Evening", startHour: 18)]
        return ShiftScheme(validated: shifts)
    }()

    /// A scheme from shifts already known to be valid, sorted by start hour.
    private init(validated shifts: [Shift]) {
        self.shifts = shifts
        // Hours before the first start belong to the last shift, which began the day before.
        shiftOfHour = (0..<24).map { h in shifts.lastIndex(where: { $0.startHour <= h }) ?? shifts.count - 1 }
        dayBackOfHour = (0..<24).map { h in shifts.contains(where: { $0.startHour <= h }) ? 0 : 1 }
    }

    /// Number of shifts in a day.
    public var count: Int { shifts.count }

    /// The length of a shift in hours on a day without a clock change.
    public func hours(ofShift k: Int) -> Int {
        let next = k + 1 < shifts.count ? shifts[k + 1].startHour : shifts[0].startHour + 24
        return next - shifts[k].startHour
    }
}
