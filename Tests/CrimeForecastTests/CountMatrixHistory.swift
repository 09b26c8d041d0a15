import CrimeCore
import CrimeForecast
import CrimeGeo

/// Histories made straight from a cells × windows count matrix, for forecasters that read only counts:
/// a `rows` × `columns` block of 500 m grid cells over Chicago (queen neighbours, row-major ordinals)
/// and daily windows in UTC from Monday 2024-01-01, with no incident positions.
enum CountMatrixHistory {
    /// Monday 2024-01-01 00:00 UTC, the start of window 0.
    static let start: Int64 = 1_704_067_200
    static let day: Int64 = 86_400

    /// The grid the cells are cut from.
    static func grid() throws -> RegularGrid {
        try RegularGrid(covering: BoundingBox(minLatitude: 41.80, minLongitude: -87.75, maxLatitude: 41.86, maxLongitude: -87.62),
                        side: 500)
    }

    /// The block of cells `(r, c)` for r < `rows`, c < `columns`, row-major.
    static func cells(rows: Int, columns: Int) throws -> ForecastCells {
        try ForecastCells(index: grid(), cells: (0..<rows).flatMap { r in (0..<columns).map { CellID(row: r, column: $0) } })
    }

    /// The history of `counts` (one row per cell of `cells`, one column per day).
    static func history(cells: ForecastCells, counts: [[Double]]) throws -> ForecastHistory {
        let windows = counts.first?.count ?? 0
        let zone = try ZoneClock(identifier: "UTC")
        let span = try WindowSpan(.sequential(.daily, zone: zone), from: start, until: start + Int64(windows) * day)
        return try ForecastHistory(cells: cells, windows: span,
                                   counts: Matrix(rows: counts.count, columns: windows, values: counts.flatMap { $0 }),
                                   times: [], x: [], y: [], cellOrdinals: [])
    }
}

/// A plugin regressor from outside the library, like the embedding contract's `LastColumn`: it
/// learns nothing and predicts one feature column, shifted by `offset`.
struct PickColumn: Regressor {
    var column: Int
    var offset = 0.0
    mutating func fit(_ x: Matrix, targets y: [Double]) throws {}
    func predict(_ x: Matrix) throws -> [Double] { (0..<x.rows).map { x[$0, column] + offset } }
}

/// Counts with a strong weekday profile — λ = cell rate × weekday factor (0.2 … 2.6), 30 cells over 120
/// days — on which `historical`, forecasting each cell's mean, misses the profile.
enum WeekdayPattern {
    /// Squared errors against the true λ of `method` and of `historical`, summed over the seven origins of
    /// the last week, and every forecast `method` made.
    static func errors(of method: () -> any SpaceTimeForecaster) throws -> (method: Double, historical: Double, forecasts: [Matrix]) {
        let cells = try CountMatrixHistory.cells(rows: 5, columns: 6)
        let weekday: [Double] = [0.2, 0.5, 0.8, 1.0, 1.4, 2.1, 2.6]
        var rng = SeededGenerator(seed: 42)
        let rates = (0..<cells.count).map { _ in 1 + 4 * rng.nextUniform() }
        let counts = rates.map { rate in (0..<120).map { Double(rng.nextPoisson(mean: rate * weekday[$0 % 7])) } }
        var methodError = 0.0, historicalError = 0.0
        var forecasts: [Matrix] = []
        for origin in 113..<120 {
            let history = try CountMatrixHistory.history(cells: cells, counts: counts.map { Array($0[..<origin]) })
            let span = try history.span(windows: 1)
            var fitted = method()
            var historical = NaiveBaseline(name: "historical", rule: .historicalAverage)
            try fitted.fit(history)
            try historical.fit(history)
            let (f, h) = (try fitted.forecast(span), try historical.forecast(span))
            forecasts.append(f)
            for c in 0..<cells.count {
                let truth = rates[c] * weekday[origin % 7]
                methodError += (f[c, 0] - truth) * (f[c, 0] - truth)
                historicalError += (h[c, 0] - truth) * (h[c, 0] - truth)
            }
        }
        return (methodError, historicalError, forecasts)
    }
}
