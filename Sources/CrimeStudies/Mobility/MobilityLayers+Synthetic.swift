import CrimeCore
import CrimeGeo
import CrimeSynthetic
import CrimeEval

extension MobilityLayers {
    /// The study's layers for a synthetic city: crime counts from `cube` (built over `grid` with
    /// sequential windows), footfall from `SyntheticCity.syntheticFootfall(boundaries:scale:noise:seed:)`
    /// summed over the raster cells whose centres fall in each grid cell, and the layers of
    /// `SyntheticCity.syntheticCensus(noise:seed:)` averaged the same way (grid cells off the raster
    /// take each layer's city-wide mean).
    public static func synthetic(city: SyntheticCity, grid: RegularGrid, cube: SpaceTimeCube,
                                 footfallNoise: Double = 0.35, censusNoise: Double = 0.5, seed: UInt64) throws -> MobilityLayers {
        let boundaries = cube.windows.boundaries
        guard boundaries.count == cube.windowCount + 1 else {
            throw MobilityError.badSetting(name: "windows", reason: "synthetic footfall needs sequential windows, not buckets")
        }
        let footfall = try city.syntheticFootfall(boundaries: boundaries, noise: footfallNoise, seed: seed)
        let census = try city.syntheticCensus(noise: censusNoise, seed: seed &+ 1)
        let n = city.config.rasterSize, cells = grid.rows * grid.columns
        // Grid index of each raster cell, -1 off the grid.
        var target = [Int](repeating: -1, count: n * n)
        for row in 0..<n {
            for column in 0..<n {
                let box = city.rasterCell(row: row, column: column)
                let centre = GeoPoint(latitude: (box.minLatitude + box.maxLatitude) / 2, longitude: (box.minLongitude + box.maxLongitude) / 2)
                if let cell = grid.cell(containing: centre) { target[row * n + column] = cell.row * grid.columns + cell.column }
            }
        }
        var mobility = [Float](repeating: 0, count: cube.windowCount * cells)
        for w in 0..<cube.windowCount {
            for r in 0..<(n * n) where target[r] >= 0 {
                mobility[w * cells + target[r]] += Float(footfall.values[w * n * n + r])
            }
        }
        let layers = census.names.count
        var sums = [Double](repeating: 0, count: layers * cells), hits = [Int](repeating: 0, count: cells)
        for r in 0..<(n * n) where target[r] >= 0 {
            hits[target[r]] += 1
            for l in 0..<layers { sums[l * cells + target[r]] += census.values.values[l * n * n + r] }
        }
        var averaged = [Float](repeating: 0, count: layers * cells)
        for l in 0..<layers {
            let row = census.values.row(l)
            let mean = row.reduce(0, +) / Double(row.count)
            for c in 0..<cells { averaged[l * cells + c] = Float(hits[c] > 0 ? sums[l * cells + c] / Double(hits[c]) : mean) }
        }
        return try MobilityLayers(cube: cube, grid: grid, mobility: mobility, census: averaged, censusNames: census.names)
    }
}
