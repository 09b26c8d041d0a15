import CrimeCore

extension LocalProjection {
    /// The smallest and largest easting and northing of any point of `box` (edges included), widened by
    /// a micrometre on every side so that rounding in the projection cannot put a point of the box's
    /// edge outside it.
    ///
    /// In the transverse Mercator plane a latitude/longitude box is no rectangle: parallels bow toward
    /// the pole, so a parallel's northing is extreme where it crosses the central meridian or at the
    /// box's corners, and meridians bow away from the central meridian, most at the equator, so a
    /// meridian's easting is extreme at the equator or at the box's corners. The extremes are therefore
    /// found exactly, not by sampling, among the corners, the southern and northern edges' points on
    /// the central meridian (when it crosses the box) and the eastern and western edges' points on the
    /// equator (when the box straddles it). This holds within 90° of longitude of the central meridian,
    /// beyond which the projection itself fails.
    func extent(of box: BoundingBox) -> (min: PlanarPoint, max: PlanarPoint) {
        let latitudes = [box.minLatitude, box.maxLatitude]
        let longitudes = [box.minLongitude, box.maxLongitude]
        var points = latitudes.flatMap { lat in longitudes.map { GeoPoint(latitude: lat, longitude: $0) } }
        if box.minLongitude < origin.longitude, origin.longitude < box.maxLongitude {
            points += latitudes.map { GeoPoint(latitude: $0, longitude: origin.longitude) }
        }
        if box.minLatitude < 0, 0 < box.maxLatitude {
            points += longitudes.map { GeoPoint(latitude: 0, longitude: $0) }
        }
        let projected = points.map(project)
        let margin = 1e-6
        return (PlanarPoint(x: projected.map(\.x).min()! - margin, y: projected.map(\.y).min()! - margin),
                PlanarPoint(x: projected.map(\.x).max()! + margin, y: projected.map(\.y).max()! + margin))
    }
}
