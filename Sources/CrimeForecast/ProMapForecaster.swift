import CrimeCore

/// Prospective hot-spotting (ProMap) after Bowers, Johnson & Pease (2004), "Prospective hot-spotting:
/// the future of crime mapping?", British Journal of Criminology 44(5): 641–658: recent crime raises the
/// risk nearby, for a while.
///
/// The score of cell c is
///
///     s_c = Σᵢ 1/(1 + dᵢ/w) × 1/(1 + tᵢ/7),  over incidents with dᵢ ≤ `bandwidth` and tᵢ ≤ 7 × `timeBandwidthWeeks`,
///
/// with dᵢ the distance in metres from incident i (inside the cells or not) to the cell's centre, w the
/// cell width in metres (so dᵢ/w is the distance in cell widths) and tᵢ the incident's age in days at the
/// origin (so tᵢ/7 is its age in weeks). This is the paper's weighting — inverse distance in cells times
/// inverse age in weeks, each plus one, counted only within a space and a time bandwidth (there 400 m
/// and two months on 50 m cells) — with distances and ages taken as they are rather than rounded to whole
/// cells and weeks.
///
/// The forecast of every window of a span is the expected total (the mean count in the cells per history
/// window) times the cell's share of the scores; with no incident inside both bandwidths the expected
/// total is spread in proportion to the cells' areas.
public struct ProMapForecaster: SpaceTimeForecaster {
    /// The space bandwidth in metres.
    public let bandwidth: Double
    /// The time bandwidth in weeks.
    public let timeBandwidthWeeks: Double
    /// The cell width w in metres, or nil for the square root of the cells' median area (a square cell's
    /// side).
    public let cellWidth: Double?
    private var fitted: Fitted?

    private struct Fitted: Sendable {
        let history: ForecastHistory
        let cellWidth: Double
        let expectedTotal: Double
        let perCell: [Double]
    }

    /// A forecaster with a space bandwidth (metres), a time bandwidth (weeks) and optionally a cell width.
    ///
    /// Throws ``ForecastError/badParameter(name:reason:)`` naming `bandwidth`, `timeBandwidthWeeks` or
    /// `cellWidth` when it is not a finite number above 0.
    public init(bandwidth: Double = 400, timeBandwidthWeeks: Double = 8, cellWidth: Double? = nil) throws {
        for (name, value) in [("bandwidth", bandwidth), ("timeBandwidthWeeks", timeBandwidthWeeks), ("cellWidth", cellWidth ?? 1)] {
            guard value.isFinite, value > 0 else {
                throw ForecastError.badParameter(name: name, reason: "must be a finite number above 0, got \(value)")
            }
        }
        self.bandwidth = bandwidth
        self.timeBandwidthWeeks = timeBandwidthWeeks
        self.cellWidth = cellWidth
    }

    /// `promap`.
    public var name: String { "promap" }

    /// Scores every cell from the history's recent incidents. Throws
    /// ``ForecastError/badParameter(name:reason:)`` naming `cellWidth` when none was given and the cells
    /// have no area to take one from.
    public mutating func fit(_ history: ForecastHistory) throws {
        let width = cellWidth ?? Self.medianWidth(history.cells.areas)
        guard width.isFinite, width > 0 else {
            throw ForecastError.badParameter(name: "cellWidth", reason: "the cells have no area to take a width from; give one")
        }
        let total = ShareForecast.expectedTotal(history, decayDays: nil)
        fitted = Fitted(history: history, cellWidth: width, expectedTotal: total,
                        perCell: ShareForecast.split(total, scores: scores(history, cellWidth: width), areas: history.cells.areas))
    }

    /// Expected counts per cell × window of `span`, the same in every window. Throws
    /// ``ForecastError/notFitted(_:)`` before ``fit(_:)`` and
    /// ``ForecastError/spanOverlapsHistory(spanStart:origin:)`` for a span that starts before the origin.
    public func forecast(_ span: WindowSpan) throws -> Matrix {
        guard let fitted else { throw ForecastError.notFitted(name) }
        try fitted.history.check(span)
        return ShareForecast.matrix(fitted.perCell, windows: span.count)
    }

    /// `bandwidth_m`, `time_bandwidth_weeks`, and after fitting `cell_width_m` and `expected_per_window`.
    public var parameters: [String: Double] {
        var out = ["bandwidth_m": bandwidth, "time_bandwidth_weeks": timeBandwidthWeeks]
        if let width = fitted?.cellWidth ?? cellWidth { out["cell_width_m"] = width }
        if let fitted { out["expected_per_window"] = fitted.expectedTotal }
        return out
    }

    /// The ProMap score of every cell (nil when no incident lies inside the time bandwidth).
    private func scores(_ history: ForecastHistory, cellWidth w: Double) -> [Double]? {
        let maximumAge = 7 * timeBandwidthWeeks
        var rx = [Double](), ry = [Double](), rw = [Double]()
        for i in history.times.indices {
            let ageDays = Double(history.origin - history.times[i]) / 86_400
            guard ageDays <= maximumAge else { continue }
            rx.append(history.x[i])
            ry.append(history.y[i])
            rw.append(1 / (1 + ageDays / 7))
        }
        guard !rx.isEmpty else { return nil }
        let cx = history.cells.projectedCentres.map(\.x), cy = history.cells.projectedCentres.map(\.y)
        let buckets = PointBuckets(x: rx, y: ry, weights: rw, box: PlaneBox(x: cx, y: cy).padded(by: bandwidth), side: bandwidth / 2)
        let b2 = bandwidth * bandwidth
        var out = [Double](repeating: 0, count: cx.count)
        out.withUnsafeMutableBufferPointer { ob in
            let ob = ob
            ParallelBlocks.forEach(count: cx.count, blockSize: 256) { block in
                for c in block {
                    var sum = 0.0
                    buckets.forEachRange(nearX: cx[c], y: cy[c], radius: bandwidth) { range in
                        for i in range {
                            let dx = buckets.x[i] - cx[c], dy = buckets.y[i] - cy[c]
                            let d2 = dx * dx + dy * dy
                            if d2 <= b2 { sum += buckets.w[i] / (1 + d2.squareRoot() / w) }
                        }
                    }
                    ob[c] = sum
                }
            }
        }
        return out
    }

    /// The square root of the median cell area.
    private static func medianWidth(_ areas: [Double]) -> Double {
        let sorted = areas.sorted()
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        return median.squareRoot()
    }
}
