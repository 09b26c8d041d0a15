import CrimeCore
extension SyntheticCityConfig {
    /// A synthetic city covering all of Chicago (about 41.64–42.02 N, 87.94–87.52 W): a 42 km square
    /// raster of 200 m cells centred at 41.83 N, 87.73 W, with hot spots placed roughly where Chicago's
    /// busiest areas lie (the Loop, the West Side, Englewood, South Shore) and an east–west corridor
    /// along Madison Street. The placements are approximate and illustrative, not fitted to data.
    ///
    /// - Parameters:
    ///   - start: the first local day, `YYYY-MM-DD` (a Monday keeps weekly windows whole).
    ///   - days: number of days simulated.
    ///   - seed: the seed of every random choice.
    public static func chicagoExtent(start: String = "2021-01-04", days: Int, seed: UInt64) -> SyntheticCityConfig {
        var config = SyntheticCityConfig()
        config.seed = seed
        config.start = start
        config.days = days
        config.center = GeoPoint(latitude: 41.83, longitude: -87.73)
        config.rasterSize = 210
        config.cellSide = 200
        // Metres east and north of the centre (1 km ≈ 0.009° north, ≈ 0.012° east at this latitude).
        config.hotspots = [
            Hotspot(x: 8_300, y: 5_500, radius: 1_200, amplitude: 12),   // the Loop
            Hotspot(x: -2_500, y: 6_700, radius: 1_500, amplitude: 10),  // Austin / West Garfield Park
            Hotspot(x: 7_000, y: -5_500, radius: 1_400, amplitude: 10),  // Englewood
            Hotspot(x: 12_900, y: -7_800, radius: 1_100, amplitude: 7),  // South Shore
            Hotspot(x: 5_000, y: 17_000, radius: 1_000, amplitude: 5),   // Rogers Park / Uptown
        ]
        config.corridor = Corridor(x0: -8_000, y0: 6_200, x1: 8_000, y1: 6_200, width: 300, amplitude: 4)
        return config
    }
}
