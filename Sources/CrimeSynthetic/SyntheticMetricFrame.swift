import CrimeCore
/// The city's local plane: metres east and north of the centre, the linear map the generator used to
/// place events (recovered from the raster's cell size in degrees).
struct SyntheticMetricFrame {
    /// The city centre, the origin of the plane.
    let center: GeoPoint
    /// Metres per degree of longitude.
    let metresPerDegreeEast: Double
    /// Metres per degree of latitude.
    let metresPerDegreeNorth: Double

    /// The plane of a city.
    init(_ city: SyntheticCity) {
        let cell = city.rasterCell(row: 0, column: 0)
        center = city.config.center
        metresPerDegreeEast = city.config.cellSide / (cell.maxLongitude - cell.minLongitude)
        metresPerDegreeNorth = city.config.cellSide / (cell.maxLatitude - cell.minLatitude)
    }

    /// A point as metres east and north of the centre.
    func metres(_ p: GeoPoint) -> (Double, Double) {
        ((p.longitude - center.longitude) * metresPerDegreeEast, (p.latitude - center.latitude) * metresPerDegreeNorth)
    }
}
