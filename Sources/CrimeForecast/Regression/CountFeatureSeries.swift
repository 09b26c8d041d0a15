import CrimeCore
import Dispatch

/// The counts feature rows are read from: a history's counts per cell × window, extended one window at
/// a time with a forecaster's own predictions when it forecasts past the window after the origin.
///
/// Column j is the window with windowing index `firstIndex + j`; a row for target column t reads only
/// columns before t (``CountFeature`` lists what it reads).
struct CountFeatureSeries: Sendable {
    /// Number of cells.
    let cells: Int
    /// Columns allocated per cell.
    let width: Int
    /// Cell-major counts, `values[c * width + j]`; columns at or after ``known`` are not filled yet.
    private(set) var values: [Double]
    /// Number of filled columns.
    private(set) var known: Int
    /// The seasonal period in windows.
    let period: Int
    /// The windowing index of column 0 (its season is `firstIndex mod period`).
    let firstIndex: Int
    /// Each cell's neighbours, as cell ordinals.
    let neighbours: [[Int]]
    /// Whether `lagSeason`, `seasonalMean` and `margins` read earlier seasons; when false every row holds
    /// the cell's mean in their place (see ``CountFeature``).
    let seasonal: Bool

    /// Rows described per parallel block.
    private static let blockCells = 256

    /// The counts of `history`, with room for `extra` more windows; `seasonal` as ``seasonal``.
    init(history counts: Matrix, firstIndex: Int, period: Int, neighbours: [[Int]], seasonal: Bool, extra: Int) {
        cells = counts.rows
        known = counts.columns
        width = counts.columns + max(extra, 0)
        self.period = period
        self.firstIndex = firstIndex
        self.neighbours = neighbours
        self.seasonal = seasonal
        var values = [Double](repeating: 0, count: cells * width)
        for c in 0..<cells {
            for j in 0..<known { values[c * width + j] = counts.values[c * known + j] }
        }
        self.values = values
    }

    /// Fills the next column with one value per cell.
    mutating func append(_ column: [Double]) {
        for c in 0..<cells { values[c * width + known] = column[c] }
        known += 1
    }

    /// Feature rows for every target column in `targets` (each in `1...known`), target-major: row
    /// `k · cells + c` describes cell c in column `targets.lowerBound + k`, one column per ``CountFeature``.
    func rows(targets: Range<Int>) -> Matrix {
        let p = CountFeature.allCases.count
        var out = [Double](repeating: 0, count: targets.count * cells * p)
        let totals = (0..<known).map { j in (0..<cells).reduce(0.0) { $0 + values[$1 * width + j] } }
        let blocks = (cells + Self.blockCells - 1) / Self.blockCells
        values.withUnsafeBufferPointer { v in
            totals.withUnsafeBufferPointer { totals in
                out.withUnsafeMutableBufferPointer { o in
                    guard let values = v.baseAddress, let sums = totals.baseAddress, let rows = o.baseAddress else { return }
                    let shared = FeatureBuffers(values: values, totals: sums, out: rows)
                    DispatchQueue.concurrentPerform(iterations: targets.count * blocks) { job in
                        let k = job / blocks, b = job % blocks
                        let t = targets.lowerBound + k
                        let margin = SeasonMargin(totals: shared.totals, before: t, period: period)
                        for c in (b * Self.blockCells)..<min(cells, (b + 1) * Self.blockCells) {
                            describe(cell: c, target: t, margin: margin, values: shared.values,
                                     into: shared.out + (k * cells + c) * p)
                        }
                    }
                }
            }
        }
        return Matrix(rows: targets.count * cells, columns: p, values: out)
    }

    /// Writes the features of cell `c` for target column `t` (columns `0..<t` only) into `row`.
    private func describe(cell c: Int, target t: Int, margin: SeasonMargin, values: UnsafePointer<Double>,
                          into row: UnsafeMutablePointer<Double>) {
        let v = values + c * width
        var total = 0.0
        for j in 0..<t { total += v[j] }
        let mean = total / Double(t)
        func recentMean(_ length: Int) -> Double {
            let from = max(0, t - length)
            var sum = 0.0
            for j in from..<t { sum += v[j] }
            return sum / Double(t - from)
        }
        var seasonal = 0.0, seasons = 0
        for j in stride(from: t - period, through: 0, by: -period) {
            seasonal += v[j]
            seasons += 1
        }
        var around = 0.0, neighbourCount = 0
        for n in neighbours[c] where n >= 0 && n < cells && n != c {
            around += values[n * width + t - 1]
            neighbourCount += 1
        }
        row[0] = v[t - 1]
        row[1] = t >= 2 ? v[t - 2] : mean
        row[2] = self.seasonal && t >= period ? v[t - period] : mean
        row[3] = recentMean(4)
        row[4] = recentMean(13)
        row[5] = self.seasonal && seasons > 0 ? seasonal / Double(seasons) : mean
        row[6] = neighbourCount > 0 ? around / Double(neighbourCount) : v[t - 1]
        row[7] = self.seasonal ? margin.expectation(cellTotal: total, fallback: mean) : mean
        row[8] = Self.slope(v + max(0, t - 13), count: min(13, t))
    }

    /// The least-squares slope of `count` consecutive values against 0, 1, …; 0 for fewer than two.
    static func slope(_ y: UnsafePointer<Double>, count k: Int) -> Double {
        guard k >= 2 else { return 0 }
        let xBar = Double(k - 1) / 2
        var yBar = 0.0
        for i in 0..<k { yBar += y[i] }
        yBar /= Double(k)
        var sxy = 0.0, sxx = 0.0
        for i in 0..<k {
            let dx = Double(i) - xBar
            sxy += dx * (y[i] - yBar)
            sxx += dx * dx
        }
        return sxy / sxx
    }
}

/// The margins of the windows before a target: the grand total, the total and the number of windows
/// of the target's season (``NaiveBaseline/Rule/margins(period:)``).
private struct SeasonMargin {
    var grandTotal = 0.0
    var seasonTotal = 0.0
    var seasonWindows = 0

    /// Margins of columns `0..<t` from the per-column totals over cells; the season of column j is
    /// that of column t when `t − j` is a multiple of `period`.
    init(totals: UnsafePointer<Double>, before t: Int, period: Int) {
        for j in 0..<t {
            grandTotal += totals[j]
            if (t - j) % period == 0 {
                seasonTotal += totals[j]
                seasonWindows += 1
            }
        }
    }

    /// N_c · N_s / N / n_s; `fallback` when no window has the season, 0 when nothing was counted.
    func expectation(cellTotal: Double, fallback: Double) -> Double {
        guard seasonWindows > 0 else { return fallback }
        guard grandTotal > 0 else { return 0 }
        return cellTotal * seasonTotal / grandTotal / Double(seasonWindows)
    }
}

/// Buffers handed to the parallel feature workers; each worker writes only its own rows.
private struct FeatureBuffers: @unchecked Sendable {
    let values: UnsafePointer<Double>
    let totals: UnsafePointer<Double>
    let out: UnsafeMutablePointer<Double>
}
