import CrimeCore
import CrimeGeo
import CrimeEval

/// The study's grid: square cells cut into whole tiles.
public enum MobilityGrid {
    /// A grid of `side`-metre cells covering `box`, grown about its centre to a whole number of
    /// `tileSize × tileSize` tiles in each direction (CrimeGeo's `RegularGrid.grownToWholeTiles(size:)`),
    /// so that `RegularGrid.tiles(size:includePartial:)` covers all of `box` without partial tiles.
    public static func wholeTiles(covering box: BoundingBox, side: Double, tileSize: Int = 16) throws -> RegularGrid {
        guard tileSize >= 1 else { throw MobilityError.badSetting(name: "tile size", reason: "must be at least 1, got \(tileSize)") }
        return try RegularGrid(covering: box, side: side).grownToWholeTiles(size: tileSize)
    }
}
