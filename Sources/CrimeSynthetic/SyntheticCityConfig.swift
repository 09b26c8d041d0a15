import CrimeCore
/// The knobs of the synthetic city. Every default is documented; every random choice follows `seed`.
public struct SyntheticCityConfig: Sendable, Equatable {
    /// A Gaussian hot spot on the background surface, in metres from the city centre.
    public struct Hotspot: Sendable, Equatable {
        /// Metres east of the centre.
        public var x: Double
        /// Metres north of the centre.
        public var y: Double
        /// Standard deviation in metres.
        public var radius: Double
        /// Peak height relative to the flat base of 1.
        public var amplitude: Double

        /// Creates a hot spot.
        public init(x: Double, y: Double, radius: Double, amplitude: Double) {
            self.x = x
            self.y = y
            self.radius = radius
            self.amplitude = amplitude
        }
    }

    /// A busy street from (x0, y0) to (x1, y1), metres from the centre, `width` metres standard deviation across.
    public struct Corridor: Sendable, Equatable {
        public var x0: Double, y0: Double, x1: Double, y1: Double
        /// Standard deviation across the street, in metres.
        public var width: Double
        /// Height on the street's axis relative to the flat base of 1.
        public var amplitude: Double

        /// Creates a corridor.
        public init(x0: Double, y0: Double, x1: Double, y1: Double, width: Double, amplitude: Double) {
            (self.x0, self.y0, self.x1, self.y1, self.width, self.amplitude) = (x0, y0, x1, y1, width, amplitude)
        }

        /// Distance in metres from a point to the segment.
        func distance(x: Double, y: Double) -> Double {
            let dx = x1 - x0, dy = y1 - y0
            let t = max(0, min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)))
            let px = x0 + t * dx - x, py = y0 + t * dy - y
            return (px * px + py * py).squareRoot()
        }
    }

    /// The seed of every random choice.
    public var seed: UInt64 = 1
    /// The centre of the city (default: Chicago's Loop).
    public var center = GeoPoint(latitude: 41.88, longitude: -87.63)
    /// The IANA zone of the city's wall clock.
    public var zone = "America/Chicago"
    /// The first local day simulated, `YYYY-MM-DD`.
    public var start = "2023-01-01"
    /// Number of local days simulated, 1 to ``maximumDays``.
    public var days = 365
    /// Expected background events per day at the start, before seasonality (offspring come on top); with
    /// ``days`` and ``trendPerYear`` it may expect at most ``maximumBackgroundEvents`` events
    /// (``expectedBackgroundEvents``).
    public var dailyRate = 250.0
    /// Relative growth of the background rate per 365 days (0.05 = +5 % a year).
    public var trendPerYear = 0.05
    /// Raster cells per side; the raster covers `rasterSize × cellSide` metres square.
    public var rasterSize = 100
    /// Raster cell side in metres.
    public var cellSide = 200.0
    /// Hot spots on a flat base of height 1.
    public var hotspots: [Hotspot] = [
        Hotspot(x: 0, y: 0, radius: 900, amplitude: 14),
        Hotspot(x: -5_000, y: 4_000, radius: 700, amplitude: 10),
        Hotspot(x: 4_500, y: -6_000, radius: 1_100, amplitude: 8),
        Hotspot(x: -6_500, y: -5_500, radius: 500, amplitude: 12),
    ]
    /// A busy street: a segment with a Gaussian cross-section.
    public var corridor = Corridor(x0: -9_000, y0: -1_000, x1: 9_000, y1: 1_500, width: 250, amplitude: 5)
    /// Rate of a Friday or Saturday late night (22:00–04:00) relative to a weekday morning (07:00–12:00).
    public var weekendLateNightRatio = 3.0
    /// Expected offspring per event (near-repeat self-excitation); must be below 1.
    public var branchingRatio = 0.3
    /// Mean delay of an offspring after its parent, in seconds (exponential).
    public var offspringMeanDelay = 2.0 * 86_400
    /// Standard deviation of an offspring's distance from its parent along each axis, in metres.
    public var offspringSpread = 200.0
    /// Temporary drifting hot spots on top of the fixed surface (see ``SyntheticFlareSettings``); off by default.
    public var flares = SyntheticFlareSettings.off
    /// Dirt written into the extract.
    public var dirt = SyntheticDirt.standard

    /// The most days a city may run: 36,500 (a century).
    public static let maximumDays = 36_500
    /// The most background events a city may expect: 20 million (a city holds every event in memory;
    /// offspring come on top, at most 1 / (1 − ``branchingRatio``) times as many events in all).
    public static let maximumBackgroundEvents = 20_000_000
    /// The most raster cells a side: 2,000.
    public static let maximumRasterSize = 2_000

    /// An upper bound on the background events the settings expect: ``dailyRate`` × ``days`` times the
    /// trend's factor at the last day when it grows (the background rate never exceeds that).
    public var expectedBackgroundEvents: Double {
        dailyRate * Double(days) * max(1, 1 + trendPerYear * Double(days) / 365)
    }

    /// The default city.
    public init() {}
}

/// Imperfections written into a synthetic extract, each counted exactly in the manifest.
public struct SyntheticDirt: Sendable, Equatable {
    /// Share of events written without coordinates (ingest counts them `missing_location`).
    public var missingLocation: Double
    /// Share of located events written twice with the same `ID` (cleaning counts them `duplicate`).
    public var duplicate: Double
    /// Share of events whose time is unknown and stamped 00:00:00 local of their day (a midnight spike).
    public var midnightStamped: Double

    /// Creates a dirt setting from shares in [0, 1].
    public init(missingLocation: Double, duplicate: Double, midnightStamped: Double) {
        self.missingLocation = missingLocation
        self.duplicate = duplicate
        self.midnightStamped = midnightStamped
    }

    /// 1 % without coordinates, 0.5 % duplicated, 2 % stamped at midnight.
    public static let standard = SyntheticDirt(missingLocation: 0.01, duplicate: 0.005, midnightStamped: 0.02)
    /// A clean extract.
    public static let none = SyntheticDirt(missingLocation: 0, duplicate: 0, midnightStamped: 0)
}
