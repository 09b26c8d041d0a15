import CrimeCore
import CrimeGeo
import CrimeEval

/// The study's grid: square cells cut into whole tiles.
public enum MobilityGrid {
    /// A grid of `side`-metre cells over `box` grown about its centre to a whole number of
    /// `tileSize × tileSize` tiles in each direction, so that CrimeGeo's `RegularGrid.tiles(size:includePartial:)`
    /// covers all of `box` without partial tiles.
    public static func wholeTiles(covering box: BoundingBox, side: Double, tileSize: Int = 16) throws -> RegularGrid {
        guard tileSize >= 1 else { throw MobilityError.badSetting(name: "tile size", reason: "must be at least 1, got \(tileSize)") }
        let first = try RegularGrid(covering: box, side: side)
        let rows = (first.rows + tileSize - 1) / tileSize * tileSize
        let columns = (first.columns + tileSize - 1) / tileSize * tileSize
        let projection = LocalProjection(origin: GeoPoint(latitude: (box.minLatitude + box.maxLatitude) / 2,
                                                          longitude: (box.minLongitude + box.maxLongitude) / 2))
        // Half a cell short of the whole tiles, so that rounding up gives exactly rows × columns cells even
        // though the new box's projection is centred a little differently.
        let halfHeight = (Double(rows) - 0.5) * side / 2, halfWidth = (Double(columns) - 0.5) * side / 2
        let sw = projection.unproject(x: -halfWidth, y: -halfHeight), ne = projection.unproject(x: halfWidth, y: halfHeight)
        return try RegularGrid(covering: BoundingBox(minLatitude: sw.latitude, minLongitude: sw.longitude,
                                                     maxLatitude: ne.latitude, maxLongitude: ne.longitude), side: side)
    }
}
