import CrimeCore
import CrimeGeo
import Foundation

/// Temporary, drifting hot spots ("flare-ups") on top of the synthetic city's fixed surface: the
/// emerging and moving hot spots of crime-pattern research (hot spots that appear, grow, fade within
/// weeks and are displaced across neighbourhoods, as in Short et al., "Dissipation and displacement of
/// hotspots in reaction-diffusion models of crime", PNAS 2010, and the "emerging hot spots" of space–time
/// pattern mining). Off by default (`perYear` 0), so a city without them draws exactly the events it did
/// before the option existed.
///
/// A flare starts on a uniformly random day of the simulated interval at a uniformly random point of
/// the raster, lives a uniformly random whole number of days in `minDays…maxDays`, and moves
/// `driftPerDay` metres a day in a uniformly random direction. On day `d` of its life of `D` days it adds
/// a Poisson number of events with mean `peakEventsPerDay × sin(π (d + ½) / D)` (a smooth rise and fall),
/// at uniformly random instants of that 24-hour day, displaced from the day's centre by a Gaussian of
/// standard deviation `radius` metres along each axis. Flare events are background events
/// (`isOffspring` false) and trigger near-repeat offspring like any other event; those off the raster or
/// after the interval are discarded. The flares come from their own generator seeded from the city's
/// seed, so switching them on leaves the fixed background's events unchanged.
public struct SyntheticFlareSettings: Sendable, Equatable {
    /// Expected flares started per 365 days; 0 switches flares off.
    public var perYear: Double
    /// Expected flare events on a flare's middle day (the peak of its profile).
    public var peakEventsPerDay: Double
    /// Standard deviation of a flare event's displacement from the flare's centre along each axis, metres.
    public var radius: Double
    /// Shortest life of a flare, in days.
    public var minDays: Int
    /// Longest life of a flare, in days.
    public var maxDays: Int
    /// Distance a flare's centre moves per day, in metres.
    public var driftPerDay: Double

    /// Creates flare settings.
    public init(perYear: Double, peakEventsPerDay: Double, radius: Double, minDays: Int, maxDays: Int, driftPerDay: Double) {
        self.perYear = perYear
        self.peakEventsPerDay = peakEventsPerDay
        self.radius = radius
        self.minDays = minDays
        self.maxDays = maxDays
        self.driftPerDay = driftPerDay
    }

    /// No flares (the default).
    public static let off = SyntheticFlareSettings(perYear: 0, peakEventsPerDay: 0, radius: 1_000, minDays: 1, maxDays: 1, driftPerDay: 0)

    /// The neural study's setting: about four flares a month, each 3–7 weeks long with a peak of 10 events
    /// a day over about a kilometre (σ 900 m), drifting 150 m a day (a 625 m cell every four days); in the
    /// default city (seed 1) they add about 10,900 of 143,200 events (8 %), their near-repeat offspring included.
    public static let drifting = SyntheticFlareSettings(perYear: 48, peakEventsPerDay: 10, radius: 900, minDays: 21, maxDays: 49,
                                                        driftPerDay: 150)

    /// Throws ``SyntheticCityError/badSetting(_:)`` naming the first setting out of range.
    func validate() throws {
        guard perYear >= 0, perYear.isFinite else { throw SyntheticCityError.badSetting("flares.perYear must be ≥ 0, got \(perYear)") }
        guard peakEventsPerDay >= 0, peakEventsPerDay.isFinite else {
            throw SyntheticCityError.badSetting("flares.peakEventsPerDay must be ≥ 0, got \(peakEventsPerDay)")
        }
        guard radius > 0, radius.isFinite else { throw SyntheticCityError.badSetting("flares.radius must be > 0, got \(radius)") }
        guard minDays >= 1, maxDays >= minDays else {
            throw SyntheticCityError.badSetting("flares.minDays must be ≥ 1 and ≤ flares.maxDays, got \(minDays)…\(maxDays)")
        }
        guard driftPerDay >= 0, driftPerDay.isFinite else {
            throw SyntheticCityError.badSetting("flares.driftPerDay must be ≥ 0, got \(driftPerDay)")
        }
    }
}

/// One drawn flare: where and when it starts, how it moves, how strong it is.
public struct SyntheticFlare: Sendable, Equatable {
    /// The first day of its life, counted in 24-hour steps from the city's first local midnight.
    public var startDay: Int
    /// Number of days it lives.
    public var days: Int
    /// Its centre on its first day, metres east of the city centre.
    public var x: Double
    /// Its centre on its first day, metres north of the city centre.
    public var y: Double
    /// Eastward drift in metres per day.
    public var eastPerDay: Double
    /// Northward drift in metres per day.
    public var northPerDay: Double
    /// Standard deviation of its events' displacement along each axis, in metres.
    public var radius: Double
    /// Expected events on its middle day.
    public var peakEventsPerDay: Double

    /// Expected events on day `day` of the city (0 outside the flare's life).
    public func expectedEvents(day: Int) -> Double {
        let d = day - startDay
        guard d >= 0, d < days else { return 0 }
        return peakEventsPerDay * sin(Double.pi * (Double(d) + 0.5) / Double(days))
    }

    /// The centre (metres east, north of the city centre) on day `day` of the city.
    public func centre(day: Int) -> PlanarPoint {
        let d = Double(day - startDay)
        return PlanarPoint(x: x + eastPerDay * d, y: y + northPerDay * d)
    }

    /// The flares of a city's settings, drawn from their own generator (same seed → same flares).
    static func draw(_ config: SyntheticCityConfig) -> [SyntheticFlare] {
        let settings = config.flares
        guard settings.perYear > 0 else { return [] }
        var rng = SeededGenerator(seed: config.seed ^ 0x666C_6172_6573_2121)
        let side = Double(config.rasterSize) * config.cellSide
        var flares: [SyntheticFlare] = []
        for _ in 0..<rng.nextPoisson(mean: settings.perYear * Double(config.days) / 365) {
            let startDay = min(config.days - 1, Int(rng.nextUniform() * Double(config.days)))
            let days = settings.minDays + min(settings.maxDays - settings.minDays,
                                              Int(rng.nextUniform() * Double(settings.maxDays - settings.minDays + 1)))
            let x = (rng.nextUniform() - 0.5) * side, y = (rng.nextUniform() - 0.5) * side
            let angle = 2 * Double.pi * rng.nextUniform()
            flares.append(SyntheticFlare(startDay: startDay, days: days, x: x, y: y,
                                         eastPerDay: settings.driftPerDay * cos(angle), northPerDay: settings.driftPerDay * sin(angle),
                                         radius: settings.radius, peakEventsPerDay: settings.peakEventsPerDay))
        }
        return flares
    }
}
