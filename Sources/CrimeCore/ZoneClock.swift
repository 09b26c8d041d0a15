import Foundation

/// Fast conversion between UTC instants and a time zone's wall clock, daylight-saving days included.
///
/// Built once from Foundation's zone database (its transitions from 1900 to 2100), then answered
/// by binary search without touching Foundation, so it is cheap enough for every row of an extract.
///
/// Wall-clock times that do not exist (the skipped hour when clocks go forward) are read with the
/// offset in force before the change, so 02:30 on a spring-forward day becomes 03:30 daylight time;
/// wall-clock times that happen twice (the repeated hour when clocks go back) are read as the first
/// of the two. These match what `dateutil` and Foundation's `Calendar` do.
public struct ZoneClock: Sendable, Hashable {
    /// The IANA identifier, e.g. `America/Chicago`.
    public let identifier: String
    /// UTC instants (seconds since 1970) at which the offset changes, ascending.
    private let transitions: [Int64]
    /// `offsets[i]` is in force before `transitions[i]`; the last entry after the last transition.
    private let offsets: [Int32]

    /// Loads a zone by IANA identifier; throws for an unknown one.
    public init(identifier: String) throws {
        guard let zone = TimeZone(identifier: identifier) else { throw ZoneError.unknownZone(identifier) }
        self.identifier = identifier
        var times: [Int64] = []
        var offs: [Int32] = []
        var cursor = Date(timeIntervalSince1970: -2_208_988_800)             // 1900-01-01
        let end = Date(timeIntervalSince1970: 4_102_444_800)                 // 2100-01-01
        offs.append(Int32(zone.secondsFromGMT(for: cursor)))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            let offset = Int32(zone.secondsFromGMT(for: next))
            if offset != offs[offs.count - 1] {
                times.append(Int64(next.timeIntervalSince1970.rounded()))
                offs.append(offset)
            }
            cursor = next
        }
        transitions = times
        offsets = offs
    }

    /// Coordinated Universal Time.
    public static let utc: ZoneClock = {
        do { return try ZoneClock(identifier: "UTC") } catch { return ZoneClock(fixedIdentifier: "UTC") }
    }()

    private init(fixedIdentifier: String) {
        identifier = fixedIdentifier
        transitions = []
        offsets = [0]
    }

    /// The offset from UTC, in seconds, in force at a UTC instant.
    public func offset(atUTC t: Int64) -> Int {
        // Number of transitions at or before t.
        var lo = 0
        var hi = transitions.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if transitions[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return Int(offsets[lo])
    }

    /// The wall-clock seconds (as if the zone were UTC) of a UTC instant.
    public func wallSeconds(utc t: Int64) -> Int64 { t + Int64(offset(atUTC: t)) }

    /// The UTC instant of a wall-clock time given as seconds since 1970-01-01T00:00 local.
    public func utc(wallSeconds w: Int64) -> Int64 {
        let before = offset(atUTC: w - 86_400)
        let after = offset(atUTC: w + 86_400)
        // The earliest valid reading wins when the hour happens twice.
        let first = max(before, after)
        let second = min(before, after)
        if offset(atUTC: w - Int64(first)) == first { return w - Int64(first) }
        if offset(atUTC: w - Int64(second)) == second { return w - Int64(second) }
        // A skipped wall-clock time: read it with the offset in force before the change.
        return w - Int64(before)
    }

    /// ISO 8601 text of a UTC instant in this zone, with its offset.
    public func iso8601(utc t: Int64) -> String {
        CivilDate.iso8601(utc: t, offsetSeconds: offset(atUTC: t))
    }
}

/// Errors about time zones.
public enum ZoneError: Error, Equatable, CustomStringConvertible {
    /// The IANA identifier is not in the zone database.
    case unknownZone(String)

    public var description: String {
        switch self {
        case let .unknownZone(id): return "unknown time zone '\(id)'"
        }
    }
}

extension ZoneError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
