import Foundation
import Testing
import CrimeCore
import CrimeGeo
import CrimeEval
@testable import CrimeStudies

/// The mobility study's tensors on a toy 4 × 4 grid cut into 2 × 2 tiles, checked by hand.
@Suite struct MobilityTensorTests {
    /// A 4 × 4 grid of 100 m cells (four 2 × 2 tiles).
    static func grid() throws -> RegularGrid {
        try MobilityGrid.wholeTiles(covering: BoundingBox(minLatitude: 41.880, minLongitude: -87.630, maxLatitude: 41.883,
                                                          maxLongitude: -87.626), side: 100, tileSize: 2)
    }

    /// Crime count `(w + cell) % 3` in window w, cell index `cell`; footfall `10 w + cell`; two census layers.
    static func layers(windows: Int = 8) throws -> MobilityLayers {
        let cells = 16
        let crime = (0..<(windows * cells)).map { Float(($0 / cells + $0 % cells) % 3) }
        let mobility = (0..<(windows * cells)).map { Float(10 * ($0 / cells) + $0 % cells) }
        let census = (0..<(2 * cells)).map { Float($0 < cells ? $0 : 100 - $0) }
        return try MobilityLayers(rows: 4, columns: 4, windows: windows, crime: crime, mobility: mobility,
                                  census: census, censusNames: ["density", "income"])
    }

    @Test func wholeTileGridHasExactlyTheTiles() throws {
        let g = try Self.grid()
        #expect(g.rows == 4 && g.columns == 4)
        #expect(try g.tiles(size: 2).count == 4)
    }

    @Test func tensorLayoutMatchesTheLayersByHand() throws {
        let layers = try Self.layers()
        let tiles = try Self.grid().tiles(size: 2)
        let series = try MobilityTileSeries(layers: layers, tiles: tiles, channels: .all, fittingWindows: 0..<5)
        #expect(series.channelNames == ["crime", "mobility", "density", "income"])
        let t = try series.tensors(history: 3, origins: [2, 5])
        #expect(t.inputs.shape == [8, 3, 4, 2, 2])
        #expect(t.targets.shape == [8, 1, 2, 2])
        #expect(t.samples[5] == MobilitySample(tile: 1, origin: 5))
        #expect(t.staticChannels == [false, false, true, true])
        let m = try #require(series.mobilityScaler), census = try #require(series.censusScaler)
        for (s, sample) in t.samples.enumerated() {
            let tile = tiles[sample.tile]
            for i in 0..<2 {
                for j in 0..<2 {
                    let cell = (tile.firstRow + i) * 4 + tile.firstColumn + j
                    for step in 0..<3 {
                        let w = sample.origin - 2 + step
                        #expect(t.inputs[s, step, 0, i, j] == log1p(Float((w + cell) % 3)))
                        let footfall = (log1p(Float(10 * w + cell)) - Float(m.mean[0])) / Float(m.scale[0])
                        #expect(abs(t.inputs[s, step, 1, i, j] - footfall) < 1e-5)
                        let density = (log1p(Float(cell)) - Float(census.mean[0])) / Float(census.scale[0])
                        #expect(abs(t.inputs[s, step, 2, i, j] - density) < 1e-5)
                    }
                    // At least one incident in the window after the origin.
                    #expect(t.targets[s, 0, i, j] == ((sample.origin + 1 + cell) % 3 > 0 ? 1 : 0))
                }
            }
        }
    }

    @Test func scalingUsesOnlyTheFittingWindows() throws {
        let layers = try Self.layers()
        let tiles = try Self.grid().tiles(size: 2)
        let early = try MobilityTileSeries(layers: layers, tiles: tiles, channels: .all, fittingWindows: 0..<2).mobilityScaler
        // Windows 0 and 1 hold footfall 0…15 and 10…25.
        let values = (0..<32).map { Double(log1p(Float(10 * ($0 / 16) + $0 % 16))) }
        let mean = values.reduce(0, +) / 32
        #expect(abs(try #require(early).mean[0] - mean) < 1e-5)
        #expect(early != (try MobilityTileSeries(layers: layers, tiles: tiles, channels: .all, fittingWindows: 0..<8).mobilityScaler))
    }

    @Test func crimeOnlyHasOneChannelAndBadRequestsThrow() throws {
        let layers = try Self.layers()
        let tiles = try Self.grid().tiles(size: 2)
        let crime = try MobilityTileSeries(layers: layers, tiles: tiles, channels: .crime, fittingWindows: 0..<4)
        #expect(try crime.tensors(history: 2, origins: [3]).inputs.shape == [4, 2, 1, 2, 2])
        #expect(throws: MobilityError.badOrigin(0, history: 2, windows: 8)) { try crime.tensors(history: 2, origins: [0]) }
        #expect(throws: MobilityError.badOrigin(7, history: 2, windows: 8)) { try crime.tensors(history: 2, origins: [7]) }
        let bare = try MobilityLayers(rows: 4, columns: 4, windows: 8, crime: layers.crime)
        #expect(throws: MobilityError.missingLayer(channels: "crime+mobility", layer: "footfall")) {
            try MobilityTileSeries(layers: bare, tiles: tiles, channels: .crimeMobility, fittingWindows: 0..<4)
        }
        #expect(throws: MobilityError.badLength(what: "crime counts", expected: 128, got: 3)) {
            try MobilityLayers(rows: 4, columns: 4, windows: 8, crime: [1, 2, 3])
        }
        #expect(throws: MobilityError.notFinite(what: "crime counts", index: 0)) {
            try MobilityLayers(rows: 1, columns: 1, windows: 1, crime: [.nan])
        }
    }

    @Test func cellFeaturesReadTheTensorsCellByCell() throws {
        let layers = try Self.layers()
        let tiles = try Self.grid().tiles(size: 2)
        let t = try MobilityTileSeries(layers: layers, tiles: tiles, channels: .all, fittingWindows: 0..<4).tensors(history: 3, origins: [4])
        #expect(MobilityCellFeatures.columnNames(t) == ["crime_lag1", "crime_lag2", "crime_lag3", "crime_mean",
                                                         "mobility_last", "mobility_mean", "density", "income"])
        let x = try MobilityCellFeatures.tabular(t)
        #expect(x.rows == 16 && x.columns == 8)
        // Row 6: sample 1 (tile 1), map cell (1, 0).
        let crime = (0..<3).map { Double(t.inputs[1, $0, 0, 1, 0]) }
        #expect(x[6, 0] == crime[2] && x[6, 1] == crime[1] && x[6, 2] == crime[0])
        #expect(abs(x[6, 3] - crime.reduce(0, +) / 3) < 1e-12)
        #expect(x[6, 6] == Double(t.inputs[1, 0, 2, 1, 0]))
        let seq = try MobilityCellFeatures.sequences(t, rows: [6, 0])
        #expect(seq.shape == [2, 3, 4])
        #expect(seq[0, 2, 1] == t.inputs[1, 2, 1, 1, 0])
        #expect(seq[1, 0, 3] == t.inputs[0, 0, 3, 0, 0])
        let rows = MobilityCellFeatures.sampleRows(total: 100, count: 10, seed: 3)
        #expect(rows.count == 10 && Set(rows).count == 10 && rows == rows.sorted() && rows == MobilityCellFeatures.sampleRows(total: 100, count: 10, seed: 3))
    }
}
