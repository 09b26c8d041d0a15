import Foundation
import Testing
@testable import CrimeCore

@Suite struct CubeFeatureTests {
    static func cube() throws -> SpaceTimeCube {
        try SpaceTimeCube(table: CubeFixture.incidents(), index: TestGrid3x3(), cells: CubeFixture.allCells,
                          windows: CubeFixture.dailySpan())
    }

    @Test func lagRollingAndNeighbourFeaturesMatchPandas() throws {
        let cube = try Self.cube()
        let spec = FeatureSpec(lags: [1, 2], rollingMeans: [3], neighborMean: true, calendar: true)
        let table = try cube.features(spec, neighbors: cube.neighbors(from: TestGrid3x3()))
        #expect(table.columnNames == ["lag_1", "lag_2", "rolling_mean_3", "neighbor_mean_lag_1", "window_of_day", "weekday"])
        let expected = try CubeFixture.rows("daily_features.csv")
        #expect(table.matrix.rows == expected.count)
        var byKey: [String: Int] = [:]
        for i in 0..<table.matrix.rows {
            let cell = cube.cells[table.cellOrdinals[i]]
            byKey["\(cell.row),\(cell.column),\(cube.windows.window(table.windowOrdinals[i]).label)"] = i
        }
        for r in expected {
            let i = try #require(byKey["\(r["row"] ?? ""),\(r["col"] ?? ""),\(r["label"] ?? "")"])
            #expect(table.targets[i] == Double(r["count"] ?? ""))
            for (j, name) in ["lag_1", "lag_2", "rolling_mean_3", "neighbor_mean_lag_1", "weekday"].enumerated() {
                let column = j == 4 ? 5 : j
                let want = try #require(Double(r[name] ?? ""))
                #expect(abs(table.matrix[i, column] - want) < 1e-12, "\(name) row \(i)")
            }
        }
        #expect(throws: CubeError.missingNeighbors) { try cube.features(spec) }
        #expect(throws: CubeError.tooFewWindows(needed: 21, have: 20)) { try cube.features(FeatureSpec(lags: [20], rollingMeans: [], neighborMean: false)) }
    }

    @Test func temporalSplitByLocalDate() throws {
        let cube = try Self.cube()
        let table = try cube.features(FeatureSpec(lags: [1], rollingMeans: [], neighborMean: false, calendar: false))
        let split = try TemporalSplit(windows: cube.windows, trainFrom: LocalDay("2024-03-01"), testFrom: LocalDay("2024-03-15"),
                                      testUntil: LocalDay("2024-03-21"))
        let (train, test) = (try table.selecting(windows: split.train), try table.selecting(windows: split.test))
        #expect(train.matrix.rows == 13 * 9)              // 03-02 … 03-14 (03-01 has no lag)
        #expect(test.matrix.rows == 6 * 9)                // 03-15 … 03-20
        #expect(train.windowOrdinals.max()! < test.windowOrdinals.min()!)
        #expect(cube.windows.window(test.windowOrdinals[0]).label == "2024-03-15")
        #expect(try cube.windows.ordinals(from: LocalDay("2025-01-01"), until: LocalDay("2025-02-01")).isEmpty)
    }

    @Test func slidingWindowsShapesAndValues() throws {
        let cube = try Self.cube()
        let flat = try cube.slidingWindows(history: 3)
        #expect(flat.inputs.shape == [17, 3, 9])
        #expect(flat.targets.shape == [17, 9])
        #expect(flat.targetWindows == Array(3..<20))
        for s in 0..<17 {
            for c in 0..<9 {
                for k in 0..<3 { #expect(Double(flat.inputs[s, k, c]) == Double(cube.count(cell: c, window: s + k))) }
                #expect(Double(flat.targets[s, c]) == Double(cube.count(cell: c, window: s + 3)))
            }
        }
        let grid = try cube.slidingWindows(history: 4, horizon: 2, grid: true, targetWindows: 10..<20)
        #expect(grid.inputs.shape == [10, 4, 3, 3])
        #expect(grid.targets.shape == [10, 3, 3])
        let cell = CellID(row: 1, column: 2)
        let c = try #require(cube.ordinal(of: cell))
        // Sample 0 targets window 10; its inputs are windows 5…8 (window 9 is skipped by the horizon).
        #expect(Double(grid.targets[0, 1, 2]) == Double(cube.count(cell: c, window: 10)))
        #expect(Double(grid.inputs[0, 3, 1, 2]) == Double(cube.count(cell: c, window: 8)))
        #expect(Double(grid.inputs[0, 0, 1, 2]) == Double(cube.count(cell: c, window: 5)))
        #expect(throws: CubeError.badParameter(name: "history", value: 0, reason: "must be at least 1")) {
            try cube.slidingWindows(history: 0)
        }
    }
}

@Suite struct CubeScalerTests {
    struct Reference: Decodable {
        let x: [[Double]]
        let mean: [Double]
        let `var`: [Double]
        let scale: [Double]
        let transformed: [[Double]]
    }

    static func reference() throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: CubeFixture.directory.appendingPathComponent("scaler.json")))
    }

    @Test func matchesScikitLearn() throws {
        let ref = try Self.reference()
        let x = try Matrix(rowVectors: ref.x)
        var scaler = StandardScaler()
        try scaler.fit(x)
        for j in 0..<4 {
            #expect(abs(scaler.mean[j] - ref.mean[j]) <= 1e-12 * max(1, abs(ref.mean[j])))
            #expect(abs(scaler.variance[j] - ref.var[j]) <= 1e-10 * max(1, ref.var[j]))
            #expect(abs(scaler.scale[j] - ref.scale[j]) <= 1e-12 * max(1, ref.scale[j]))
        }
        #expect(scaler.scale[3] == 1)                        // the constant column
        let z = try scaler.transform(x)
        let want = try Matrix(rowVectors: ref.transformed)
        for i in 0..<z.values.count { #expect(abs(z.values[i] - want.values[i]) < 1e-9) }
        let back = try scaler.inverseTransform(z)
        for i in 0..<x.values.count { #expect(abs(back.values[i] - x.values[i]) < 1e-9 * max(1, abs(x.values[i]))) }
    }

    @Test func perChannelMatchesScikitLearnOnTheTransposedData() throws {
        let ref = try Self.reference()
        // The 12 × 4 reference as 4 channels × 12 values: per-channel statistics are the columns'.
        let channels = try Tensor(shape: [4, 1, 12], values: (0..<4).flatMap { j in ref.x.map { Float($0[j]) } })
        var scaler = StandardScaler()
        try scaler.fit(channels, channelAxis: 0)
        for j in 0..<3 {
            #expect(abs(scaler.mean[j] - ref.mean[j]) <= 1e-5 * max(1, abs(ref.mean[j])))
            #expect(abs(scaler.scale[j] - ref.scale[j]) <= 1e-5 * max(1, ref.scale[j]))
        }
        #expect(scaler.scale[3] == 1)                        // the constant column
        let z = try scaler.transform(channels, channelAxis: 0)
        for j in 0..<4 {
            for i in 0..<12 { #expect(abs(Double(z[j, 0, i]) - ref.transformed[i][j]) < 1e-4 * max(1, abs(ref.transformed[i][j]))) }
        }
        let back = try scaler.inverseTransform(z, channelAxis: 0)
        for i in 0..<channels.count { #expect(abs(back.storage[i] - channels.storage[i]) <= 1e-3 * max(1, abs(channels.storage[i]))) }
        #expect(throws: CubeError.self) { try scaler.transform(channels, channelAxis: 3) }
        #expect(throws: CubeError.featureCountMismatch(expected: 4, got: 1)) { try scaler.transform(channels, channelAxis: 1) }
    }

    @Test func perCellOnTensorsAndErrors() throws {
        let ref = try Self.reference()
        let values = ref.x.flatMap { $0 }.map { Float($0) }
        // 12 rows × 4 features seen as [3 samples, 4 steps, 4 cells]: per-cell statistics equal the columns'.
        let t = try Tensor(shape: [3, 4, 4], values: values)
        var scaler = StandardScaler()
        try scaler.fit(t, featureAxes: 1)
        for j in 0..<3 { #expect(abs(scaler.mean[j] - ref.mean[j]) <= 1e-5 * max(1, abs(ref.mean[j]))) }
        let z = try scaler.transform(t, featureAxes: 1)
        let back = try scaler.inverseTransform(z, featureAxes: 1)
        for i in 0..<values.count { #expect(abs(back.storage[i] - values[i]) <= 1e-3 * max(1, abs(values[i]))) }
        // A grid: the last two axes are the cells.
        var grid = StandardScaler()
        try grid.fit(try t.reshaped([3, 4, 2, 2]), featureAxes: 2)
        #expect(grid.scale.count == 4)

        #expect(throws: CubeError.scalerNotFitted) { try StandardScaler().transform(Matrix(rows: 1, columns: 1, values: [1])) }
        #expect(throws: CubeError.featureCountMismatch(expected: 4, got: 2)) {
            try scaler.transform(Matrix(rows: 1, columns: 2, values: [1, 2]))
        }
        var empty = StandardScaler()
        #expect(throws: CubeError.noRows) { try empty.fit(Matrix(rows: 0, columns: 3, values: [])) }
    }
}
