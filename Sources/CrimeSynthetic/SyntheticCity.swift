import CrimeCore
import Foundation

/// One simulated incident: when, where, what, and whether near-repeat excitation caused it.
public struct SyntheticEvent: Sendable, Equatable {
    /// UTC seconds since 1970.
    public var time: Int64
    /// Latitude in degrees.
    public var latitude: Double
    /// Longitude in degrees.
    public var longitude: Double
    /// The Chicago `Primary Type`.
    public var primaryType: String
    /// True for an offspring of an earlier event, false for a background event.
    public var isOffspring: Bool
}

/// A seeded synthetic city with a known intensity: the built-in data of the demo, the examples and tests.
///
/// Background events arrive hour by hour as a Poisson process whose rate is `dailyRate / 24 × weekly
/// rhythm × trend`, and fall on a raster of square cells in proportion to a surface of hot spots and a
/// corridor over a flat base; optional flare-ups (``SyntheticCityConfig/flares``, off by default) add
/// temporary drifting hot spots. Each event then triggers a Poisson number of offspring (Hawkes/ETAS
/// cluster representation): exponential delay, Gaussian displacement, the parent's offence type;
/// offspring after the end of the interval or off the raster are discarded.
/// Everything the generator used is exposed so forecasts can be scored against the truth.
public struct SyntheticCity: Sendable {
    /// The settings the city was built from.
    public let config: SyntheticCityConfig
    /// The city's wall clock.
    public let zone: ZoneClock
    /// UTC start (local midnight of the first day) and end (local midnight after the last day).
    public let interval: Range<Int64>
    /// Every event, background and offspring, sorted by time.
    public let events: [SyntheticEvent]
    /// The background surface's share of events per raster cell, row-major from the south-west; sums to 1.
    public let rasterWeights: [Double]
    /// Expected background events in each UTC hour from `interval.lowerBound`.
    public let hourlyExpected: [Double]

    private let metresPerDegreeNorth: Double
    private let metresPerDegreeEast: Double

    /// Simulates the city; throws for an unknown zone, a bad start date, a last day past 9999-12-31 or settings
    /// out of range, including more than ``SyntheticCityConfig/maximumDays`` days, more than
    /// ``SyntheticCityConfig/maximumBackgroundEvents`` expected background events or a raster of more than
    /// ``SyntheticCityConfig/maximumRasterSize`` cells a side.
    public init(config: SyntheticCityConfig = SyntheticCityConfig()) throws {
        guard config.days > 0, config.days <= SyntheticCityConfig.maximumDays else {
            throw SyntheticCityError.badSetting("days must be 1…\(SyntheticCityConfig.maximumDays), got \(config.days)")
        }
        guard config.dailyRate >= 0, config.dailyRate.isFinite else {
            throw SyntheticCityError.badSetting("dailyRate must be a finite number ≥ 0, got \(config.dailyRate)")
        }
        guard config.trendPerYear.isFinite else { throw SyntheticCityError.badSetting("trendPerYear must be finite, got \(config.trendPerYear)") }
        guard config.expectedBackgroundEvents <= Double(SyntheticCityConfig.maximumBackgroundEvents) else {
            throw SyntheticCityError.badSetting(
                "dailyRate \(config.dailyRate) over \(config.days) days (with the trend) expects about "
                + "\(Int(config.expectedBackgroundEvents.rounded())) background events, more than the "
                + "\(SyntheticCityConfig.maximumBackgroundEvents) a city may have; lower the rate or the days")
        }
        guard config.branchingRatio >= 0, config.branchingRatio < 1 else {
            throw SyntheticCityError.badSetting("branchingRatio must be in [0, 1), got \(config.branchingRatio)")
        }
        guard config.offspringMeanDelay > 0, config.offspringSpread > 0 else {
            throw SyntheticCityError.badSetting("offspringMeanDelay and offspringSpread must be > 0")
        }
        guard config.rasterSize > 0, config.cellSide > 0, config.cellSide.isFinite else {
            throw SyntheticCityError.badSetting("raster must be non-empty")
        }
        guard config.rasterSize <= SyntheticCityConfig.maximumRasterSize else {
            throw SyntheticCityError.badSetting("rasterSize must be at most \(SyntheticCityConfig.maximumRasterSize), got \(config.rasterSize)")
        }
        try config.flares.validate()
        self.config = config
        zone = try ZoneClock(identifier: config.zone)
        let first = try LocalDay(config.start)
        guard CivilDate.date(dayNumber: first.dayNumber + config.days - 1).year <= 9999 else {
            throw SyntheticCityError.badSetting("start \(config.start) and \(config.days) days pass 9999-12-31, the last date ingest reads")
        }
        let (y, m, d) = CivilDate.date(dayNumber: first.dayNumber + config.days)
        interval = first.start(in: zone)..<(try LocalDay(year: y, month: m, day: d)).start(in: zone)
        let phi = config.center.latitude * .pi / 180
        let w = 1 - 0.006_694_379_990_14 * sin(phi) * sin(phi)
        metresPerDegreeEast = 6_378_137 / w.squareRoot() * cos(phi) * .pi / 180
        metresPerDegreeNorth = 6_378_137 * (1 - 0.006_694_379_990_14) / (w * w.squareRoot()) * .pi / 180
        rasterWeights = SyntheticCity.surface(config)
        hourlyExpected = SyntheticCity.hourlyRates(config, zone: zone, interval: interval)
        events = SyntheticCity.simulate(config, zone: zone, interval: interval, weights: rasterWeights,
                                        hourly: hourlyExpected, toPoint: { [metresPerDegreeEast, metresPerDegreeNorth] x, y in
            GeoPoint(latitude: config.center.latitude + y / metresPerDegreeNorth,
                     longitude: config.center.longitude + x / metresPerDegreeEast)
        })
    }

    /// The last simulated local day of `days` days from `start` (`YYYY-MM-DD`), or nil when `start` is not a date.
    package static func lastDay(start: String, days: Int) -> (year: Int, month: Int, day: Int)? {
        guard let first = try? LocalDay(start) else { return nil }
        return CivilDate.date(dayNumber: first.dayNumber + days - 1)
    }

    /// The latitude/longitude box of a raster cell (row 0 south, column 0 west).
    public func rasterCell(row: Int, column: Int) -> BoundingBox {
        let half = Double(config.rasterSize) * config.cellSide / 2
        let x0 = -half + Double(column) * config.cellSide, y0 = -half + Double(row) * config.cellSide
        return BoundingBox(minLatitude: config.center.latitude + y0 / metresPerDegreeNorth,
                           minLongitude: config.center.longitude + x0 / metresPerDegreeEast,
                           maxLatitude: config.center.latitude + (y0 + config.cellSide) / metresPerDegreeNorth,
                           maxLongitude: config.center.longitude + (x0 + config.cellSide) / metresPerDegreeEast)
    }

    /// The box the raster covers.
    public var bounds: BoundingBox {
        let last = config.rasterSize - 1
        let sw = rasterCell(row: 0, column: 0), ne = rasterCell(row: last, column: last)
        return BoundingBox(minLatitude: sw.minLatitude, minLongitude: sw.minLongitude,
                           maxLatitude: ne.maxLatitude, maxLongitude: ne.maxLongitude)
    }

    /// Expected background events in the raster cells whose centre lies in `box`, between two UTC
    /// instants (hours cut by the range count in proportion). Offspring are not included: their
    /// intensity depends on the realised history (see ``events``).
    public func expectedBackground(in box: BoundingBox, from start: Int64, to end: Int64) -> Double {
        var share = 0.0
        for row in 0..<config.rasterSize {
            for column in 0..<config.rasterSize {
                let cell = rasterCell(row: row, column: column)
                let centre = GeoPoint(latitude: (cell.minLatitude + cell.maxLatitude) / 2,
                                      longitude: (cell.minLongitude + cell.maxLongitude) / 2)
                if box.contains(centre) { share += rasterWeights[row * config.rasterSize + column] }
            }
        }
        var total = 0.0
        for (h, rate) in hourlyExpected.enumerated() {
            let a = interval.lowerBound + Int64(h) * 3600
            let overlap = min(a + 3600, end) - max(a, start)
            if overlap > 0 { total += rate * Double(overlap) / 3600 }
        }
        return share * total
    }

    /// The surface's value at metres from the centre: 1 plus hot spots plus the corridor.
    static func surfaceValue(_ config: SyntheticCityConfig, x: Double, y: Double) -> Double {
        var v = 1.0
        for s in config.hotspots {
            let d2 = (x - s.x) * (x - s.x) + (y - s.y) * (y - s.y)
            v += s.amplitude * exp(-d2 / (2 * s.radius * s.radius))
        }
        let d = config.corridor.distance(x: x, y: y)
        v += config.corridor.amplitude * exp(-d * d / (2 * config.corridor.width * config.corridor.width))
        return v
    }

    /// Raster weights: the surface at each cell's centre, normalised to sum 1.
    private static func surface(_ config: SyntheticCityConfig) -> [Double] {
        let n = config.rasterSize
        let half = Double(n) * config.cellSide / 2
        var w = [Double](repeating: 0, count: n * n)
        for row in 0..<n {
            for column in 0..<n {
                w[row * n + column] = surfaceValue(config, x: -half + (Double(column) + 0.5) * config.cellSide,
                                                   y: -half + (Double(row) + 0.5) * config.cellSide)
            }
        }
        let total = w.reduce(0, +)
        return w.map { $0 / total }
    }

    /// Expected background events per UTC hour of the interval.
    private static func hourlyRates(_ config: SyntheticCityConfig, zone: ZoneClock, interval: Range<Int64>) -> [Double] {
        let season = SyntheticSeasonality(weekendLateNightRatio: config.weekendLateNightRatio)
        var rates: [Double] = []
        var t = interval.lowerBound
        while t < interval.upperBound {
            let (day, secondOfDay) = CivilDate.split(wallSeconds: zone.wallSeconds(utc: t))
            let trend = 1 + config.trendPerYear * Double(t - interval.lowerBound) / (365 * 86_400)
            rates.append(config.dailyRate / 24 * season.value(weekday: CivilDate.weekday(dayNumber: day),
                                                               hour: secondOfDay / 3600) * trend)
            t += 3600
        }
        return rates
    }
}

/// Settings the synthetic city cannot use.
public enum SyntheticCityError: Error, Equatable, CustomStringConvertible {
    /// A setting out of its range, with a sentence saying which.
    case badSetting(String)

    public var description: String {
        switch self {
        case let .badSetting(s): return "synthetic city: \(s)"
        }
    }
}

extension SyntheticCityError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
