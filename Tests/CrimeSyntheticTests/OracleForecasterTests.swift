import CrimeCore
import CrimeForecast
import CrimeGeo
import Foundation
import Testing
@testable import CrimeSynthetic

/// The oracle against the city's raster truth (cells made of raster cells), cell geometry against
/// exact polygon areas (H3 cells), and its contract as a forecaster.
@Suite struct OracleForecasterTests {
    private func config(branching: Double, flares: Bool = false, seed: UInt64 = 5) -> SyntheticCityConfig {
        var c = SyntheticCityConfig()
        c.rasterSize = 24
        c.cellSide = 250
        c.hotspots = [.init(x: 500, y: -300, radius: 600, amplitude: 8), .init(x: -1800, y: 1500, radius: 400, amplitude: 5)]
        c.corridor = .init(x0: -3000, y0: -1000, x1: 3000, y1: 800, width: 200, amplitude: 3)
        c.dailyRate = 80
        c.days = 40
        c.start = "2024-03-01"
        c.branchingRatio = branching
        c.offspringSpread = 250
        c.offspringMeanDelay = 1.5 * 86_400
        c.seed = seed
        c.dirt = .none
        if flares {
            c.flares = SyntheticFlareSettings(perYear: 150, peakEventsPerDay: 6, radius: 400, minDays: 5, maxDays: 12, driftPerDay: 100)
        }
        return c
    }

    /// The city's incidents on `index`, daily windows in its zone, and the history before day `origin`.
    private func history(_ city: SyntheticCity, index: some SpatialIndex, cells: [CellID], origin: Int) throws
        -> (ForecastData, ForecastHistory) {
        let data = try ForecastData(table: city.incidentTable(), index: index, cells: try ForecastCells(index: index, cells: cells),
                                    windowing: .sequential(.daily, zone: city.zone))
        return (data, try data.history(before: origin))
    }

    /// Without offspring (branching 0) nothing is triggered, and background plus flares is the raster
    /// truth cell by cell, for raster cells and for blocks of 2 × 2 of them.
    @Test func withoutOffspringTheOracleIsTheRasterTruth() throws {
        let city = try SyntheticCity(config: config(branching: 0, flares: true))
        #expect(!city.flares.isEmpty)
        for block in [1, 2] {
            let index = OracleRasterIndex(city: city, block: block)
            let (_, history) = try history(city, index: index, cells: index.allCells, origin: 20)
            var oracle = OracleForecaster(city: city)
            try oracle.fit(history)
            let span = try history.span(windows: 4)
            let parts = try oracle.expectation(span)
            #expect(parts.triggered.values.allSatisfy { $0 == 0 })
            #expect(parts.flares.values.contains { $0 > 0 })
            let truth = try city.expectedRasterCounts(boundaries: span.boundaries)
            let n = city.config.rasterSize
            var worst = 0.0
            for (k, cell) in index.allCells.enumerated() {
                for w in 0..<span.count {
                    var expected = 0.0
                    for r in 0..<block {
                        for c in 0..<block { expected += truth[w, (cell.row * block + r) * n + cell.column * block + c] }
                    }
                    let got = parts.background[k, w] + parts.flares[k, w]
                    worst = max(worst, abs(got - expected) / expected)
                }
            }
            #expect(worst < 1e-9, "block \(block): worst relative difference \(worst)")
            #expect(try oracle.forecast(span) == parts.total)
        }
    }

    /// H3 cells on a flat surface: each cell inside the raster gets the background in proportion to its
    /// area (its ring's shoelace area in the city's plane), and the cells covering the raster share the
    /// whole background.
    @Test func h3CellsGetTheirShareByArea() throws {
        var c = config(branching: 0)
        c.hotspots = []
        c.corridor.amplitude = 0
        let city = try SyntheticCity(config: c)
        let frame = SyntheticMetricFrame(city)
        let half = Double(c.rasterSize) * c.cellSide / 2
        for resolution in [8, 9] {
            let h3 = try H3Grid(resolution: resolution)
            let b = city.bounds
            let cells = try h3.cells(covering: BoundingBox(minLatitude: b.minLatitude - 0.02, minLongitude: b.minLongitude - 0.03,
                                                           maxLatitude: b.maxLatitude + 0.02, maxLongitude: b.maxLongitude + 0.03))
            let (_, history) = try history(city, index: h3, cells: cells, origin: 10)
            var oracle = OracleForecaster(city: city)
            try oracle.fit(history)
            let span = try history.span(windows: 1)
            let background = try oracle.expectation(span).background
            let total = city.backgroundTotal(from: span.boundaries[0], to: span.boundaries[1])
            let sum = background.values.reduce(0, +)
            #expect(abs(sum - total) <= 1e-9 * total, "resolution \(resolution): \(sum) vs \(total)")
            var worst = 0.0
            for (k, cell) in cells.enumerated() {
                let ring = try h3.boundary(of: cell).map { frame.metres($0) }
                guard ring.allSatisfy({ abs($0.0) < half && abs($0.1) < half }) else { continue }
                var area = 0.0
                for i in ring.indices {
                    let (x0, y0) = ring[i], (x1, y1) = ring[(i + 1) % ring.count]
                    area += (x0 * y1 - x1 * y0) / 2
                }
                let expected = total * abs(area) / (4 * half * half)
                worst = max(worst, abs(background[k, 0] - expected) / expected)
            }
            #expect(worst < 1e-9, "resolution \(resolution): worst relative error \(worst)")
        }
    }

    /// With offspring every part is non-negative, the triggered parts are positive, and the history's
    /// share fades over the span while the span's own cascade grows.
    @Test func triggeredPartsFadeAndGrow() throws {
        let city = try SyntheticCity(config: config(branching: 0.4))
        let index = OracleRasterIndex(city: city, block: 4)
        let (_, history) = try history(city, index: index, cells: index.allCells, origin: 25)
        var oracle = OracleForecaster(city: city)
        try oracle.fit(history)
        let parts = try oracle.expectation(try history.span(windows: 6))
        let column = { (m: Matrix, w: Int) in (0..<m.rows).reduce(0.0) { $0 + m[$1, w] } }
        #expect(parts.total.values.allSatisfy { $0 >= 0 })
        for w in 1..<6 {
            #expect(column(parts.triggeredByHistory, w) < column(parts.triggeredByHistory, w - 1))
            #expect(column(parts.triggeredInSpan, w) > column(parts.triggeredInSpan, w - 1))
        }
        #expect(column(parts.triggeredInSpan, 0) > 0)
        #expect(oracle.parameters["branching_ratio"] == 0.4)
        #expect(oracle.parameters["trigger_decay_days"] == 1.5)
        #expect(oracle.parameters["trigger_sigma_m"] == 250)
        #expect(oracle.name == "oracle")
    }

    @Test func contractErrors() throws {
        let city = try SyntheticCity(config: config(branching: 0.3))
        let index = OracleRasterIndex(city: city, block: 6)
        let (data, history) = try history(city, index: index, cells: index.allCells, origin: 10)
        let oracle = OracleForecaster(city: city)
        let span = try history.span(windows: 1)
        #expect(throws: ForecastError.notFitted("oracle")) { try oracle.forecast(span) }
        var fitted = oracle
        try fitted.fit(history)
        let early = try data.history(before: 5).span(windows: 1)
        #expect(throws: ForecastError.self) { try fitted.forecast(early) }
        // After the city's end nothing happens.
        let late = try WindowSpan(history.windowing, from: city.interval.upperBound, until: city.interval.upperBound + 86_400)
        #expect(try fitted.forecast(late).values.allSatisfy { $0 == 0 })
    }
}
