import Foundation

/// One incident record, as a row of an ``IncidentTable``.
public struct Incident: Hashable, Sendable {
    /// The portal's identifier (empty when the extract has none).
    public var id: String
    /// The moment it happened, in seconds since 1970-01-01T00:00:00Z.
    public var time: Int64
    /// Where it happened.
    public var location: GeoPoint
    /// The common category.
    public var category: CrimeCategory
    /// The portal's own offence text (`THEFT`, `BATTERY`, …).
    public var offense: String
    /// Cleaning marks.
    public var flags: IncidentFlags
    /// Extra columns kept from the extract, by name, as text.
    public var extras: [String: String]

    /// Creates an incident.
    public init(id: String, time: Int64, location: GeoPoint, category: CrimeCategory, offense: String,
                flags: IncidentFlags = [], extras: [String: String] = [:]) {
        self.id = id
        self.time = time
        self.location = location
        self.category = category
        self.offense = offense
        self.flags = flags
        self.extras = extras
    }

    /// The time as a Foundation `Date`.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(time)) }
}

/// Marks cleaning leaves on a row it keeps.
public struct IncidentFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Stamped exactly 00:00 on a day whose midnight count is a spike: the true time is likely unknown.
    public static let suspectMidnight = IncidentFlags(rawValue: 1 << 0)
    /// The time was moved by spreading a midnight spike over the day.
    public static let timeSpread = IncidentFlags(rawValue: 1 << 1)
}
