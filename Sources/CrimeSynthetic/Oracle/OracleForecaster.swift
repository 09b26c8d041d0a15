import CrimeCore
import CrimeForecast
import Foundation

/// The synthetic city's oracle (`oracle`): the true expected count of every cell in every window,
/// given everything the city did before the forecast origin — what no forecaster can beat on average,
/// the yardstick of backtests on the city.
///
/// For a window `[a, b)` after the origin `o` and a cell `A` the expectation is the sum of
/// - the background: the integral over `A × [a, b)` of the fixed surface × weekly rhythm × trend, as the
///   generator draws it (raster weights spread evenly over each raster cell, hourly rates);
/// - the flare-ups (when on): each day's Gaussian over that 24-hour day;
/// - the descendants of the city's true events before `o` (``SyntheticCity/events``, not a cleaned
///   table): by memorylessness an event at `tᵢ` still owes α·exp(−(o − tᵢ)/τ) offspring, which arrive
///   as those of a parent at `o`; its generation-`n` descendants come an Erlang(`n`, τ) delay after `o`;
/// - the descendants of the background and flare events born in `[o, b)`.
///
/// Every generation is summed, exactly in time (Erlang laws, `CascadeTiming`) until the rest is
/// below 10⁻¹³ of the first, so the oracle is the exact conditional expectation of the generator
/// rather than a first-order one. In space each generation is carried by the Gaussian displacement on a
/// fine raster (a quarter of the near-repeat spread or finer), and offspring off the raster are dropped
/// with their descendants, as the generator drops them. Generations beyond those kept as fields (until
/// αⁿ/(1 − α) falls below 10⁻⁶, at most 60) are placed as the last one. Cells of any `SpatialIndex`
/// are integrated by cutting their rings exactly into the fine raster's sub-cells (`OracleCoverage`):
/// exact for the background, and for the triggered and flare parts exact up to their variation within
/// one sub-cell. Daylight-saving shifts of the generator's repeated hour (one hour a year) are ignored.
public struct OracleForecaster: SpaceTimeForecaster {
    /// The city forecast.
    public let city: SyntheticCity
    private var fitted: Fitted?

    /// The oracle of `city`; fit it on a history of that city's incidents (any cells, any sequential windows).
    public init(city: SyntheticCity) { self.city = city }

    /// `oracle`.
    public var name: String { "oracle" }

    /// The city's true trigger parameters and the fine raster's side.
    public var parameters: [String: Double] {
        var values = ["branching_ratio": city.config.branchingRatio, "trigger_decay_days": city.config.offspringMeanDelay / 86_400,
                      "trigger_sigma_m": city.config.offspringSpread]
        if let fitted { values["subcell_side_m"] = fitted.grid.step }
        return values
    }

    /// Remembers the origin and cells of `history` and lays out the cascade of the city's events before
    /// the origin. The history's incidents are not used: the oracle knows the city's true events.
    public mutating func fit(_ history: ForecastHistory) throws {
        let grid = OracleGrid(city: city)
        let alpha = city.config.branchingRatio
        let last = Self.fieldGenerations(alpha)
        let spatial: Spatial
        if let previous = fitted?.spatial, previous.ids == history.cells.ids, previous.boundaries == history.cells.boundaries {
            spatial = previous
        } else {
            let coverage = OracleCoverage(cells: history.cells, grid: grid, frame: SyntheticMetricFrame(city))
            let kernel = grid.generationKernel(spread: city.config.offspringSpread)
            spatial = Spatial(ids: history.cells.ids, boundaries: history.cells.boundaries, coverage: coverage, kernel: kernel,
                              background: CascadeFields.background(weights: city.rasterWeights, grid: grid, coverage: coverage,
                                                                   kernel: kernel, last: last))
        }
        fitted = Fitted(history: history, grid: grid, spatial: spatial,
                        past: pastCascade(origin: history.origin, grid: grid, spatial: spatial, last: last))
    }

    /// The expected counts of every cell in every window of `span`: ``expectation(_:)``'s total.
    public func forecast(_ span: WindowSpan) throws -> Matrix { try expectation(span).total }

    /// The expected counts of `span` split into background, flares and the two triggered parts. Throws
    /// `ForecastError.notFitted` before ``fit(_:)`` and
    /// `ForecastError.spanOverlapsHistory` for a span that starts before the origin.
    public func expectation(_ span: WindowSpan) throws -> OracleExpectation {
        guard let fitted else { throw ForecastError.notFitted(name) }
        try fitted.history.check(span)
        let origin = fitted.history.origin, end = city.interval.upperBound
        let cells = fitted.spatial.coverage.count, windows = span.count, alpha = city.config.branchingRatio
        let timing = CascadeTiming(origin: origin, boundaries: span.boundaries, end: end, branching: alpha,
                                   tau: city.config.offspringMeanDelay,
                                   generations: Self.timeGenerations(alpha, delay: Double(min(span.boundaries[windows], end) - origin)
                                                                         / city.config.offspringMeanDelay))
        var background = [Double](repeating: 0, count: cells * windows)
        let share = fitted.spatial.background.share(generation: 0)
        for w in 0..<windows {
            let total = city.backgroundTotal(from: span.boundaries[w], to: span.boundaries[w + 1])
            for c in 0..<cells { background[c * windows + w] = share[c] * total }
        }
        var byHistory = [Double](repeating: 0, count: cells * windows), inSpan = byHistory
        if timing.generations > 0 {
            add(timing.past(), fields: fitted.past, alpha: alpha, windows: windows, into: &byHistory)
            add(backgroundTiming(timing, origin: origin), fields: fitted.spatial.background, alpha: alpha, windows: windows, into: &inSpan)
        }
        let flares = flareExpectation(timing: timing, origin: origin, boundaries: span.boundaries, grid: fitted.grid,
                                      coverage: fitted.spatial.coverage, kernel: fitted.spatial.kernel,
                                      fieldGenerations: Self.fieldGenerations(alpha))
        for k in inSpan.indices { inSpan[k] += flares.triggered[k] }
        let matrix = { (values: [Double]) in Matrix(rows: cells, columns: windows, values: values) }
        return OracleExpectation(background: matrix(background), flares: matrix(flares.events),
                                 triggeredByHistory: matrix(byHistory), triggeredInSpan: matrix(inSpan))
    }

    /// Adds Σₙ αⁿ · `factors[n][w]` · `fields`' generation-`n` share of each cell to a cells × windows table.
    private func add(_ factors: [Double], fields: CascadeFields, alpha: Double, windows: Int, into out: inout [Double]) {
        let generations = factors.count / max(windows, 1)
        guard generations > 0 else { return }
        var power = 1.0
        for n in 1...generations {
            power *= alpha
            let share = fields.share(generation: n)
            for w in 0..<windows {
                let factor = power * factors[(n - 1) * windows + w]
                guard factor > 0 else { continue }
                for c in share.indices { out[c * windows + w] += factor * share[c] }
            }
        }
    }

    /// Expected generation-`n` descendants per window of the background events born after the origin,
    /// hour by hour at the generator's hourly rates (``SyntheticCity/hourlyExpected``).
    private func backgroundTiming(_ timing: CascadeTiming, origin: Int64) -> [Double] {
        var out = [Double](repeating: 0, count: timing.generations * timing.windows)
        let start = city.interval.lowerBound, horizon = timing.ends.max() ?? 0
        let first = max(0, Int((origin - start) / 3600))
        let last = min(city.hourlyExpected.count, Int((horizon + Double(origin - start)) / 3600) + 1)
        guard first < last else { return out }
        for h in first..<last {
            let hourStart = start + Int64(h) * 3600
            timing.accumulate(from: Double(max(hourStart, origin) - origin), to: Double(hourStart + 3600 - origin),
                              rate: city.hourlyExpected[h] / 3600, into: &out)
        }
        return out
    }

    /// The offspring still to come of the city's events before `origin` and their descendants.
    private func pastCascade(origin: Int64, grid: OracleGrid, spatial: Spatial, last: Int) -> CascadeFields {
        let tau = city.config.offspringMeanDelay
        guard last >= 1 else { return CascadeFields(cells: [[Double](repeating: 0, count: spatial.coverage.count)], first: 1) }
        let frame = SyntheticMetricFrame(city)
        var x: [Double] = [], y: [Double] = [], weight: [Double] = []
        for event in city.events where event.time < origin && Double(origin - event.time) < 40 * tau {
            let (ex, ey) = frame.metres(GeoPoint(latitude: event.latitude, longitude: event.longitude))
            x.append(ex); y.append(ey); weight.append(exp(-Double(origin - event.time) / tau))
        }
        return CascadeFields.events(x: x, y: y, weight: weight, spread: city.config.offspringSpread, grid: grid,
                                    coverage: spatial.coverage, kernel: spatial.kernel, last: last)
    }

    /// Generations kept as spatial fields: until αⁿ/(1 − α), the weight of all later ones, is below
    /// 10⁻⁶; at most 60.
    static func fieldGenerations(_ alpha: Double) -> Int {
        guard alpha > 0 else { return 0 }
        return min(60, max(1, Int((log(1e-6 * (1 - alpha)) / log(alpha)).rounded(.up))))
    }

    /// Generations summed in time for delays up to `delay` mean delays: until the rest,
    /// αⁿ⁺¹·P(Erlang(n + 1) ≤ delay)/(1 − α), is below 10⁻¹³ (at most 5000).
    static func timeGenerations(_ alpha: Double, delay: Double) -> Int {
        guard alpha > 0, delay > 0 else { return 0 }
        let cap = min(5000, max(1, Int((log(1e-13 * (1 - alpha)) / log(alpha)).rounded(.up))))
        let sums = ErlangSums(x: delay, generations: cap + 1)
        var power = alpha
        for n in 1...cap {
            power *= alpha
            if power * sums.cdf[n + 1] / (1 - alpha) < 1e-13 { return n }
        }
        return cap
    }

    /// What a fit keeps.
    private struct Fitted: Sendable {
        let history: ForecastHistory
        let grid: OracleGrid
        let spatial: Spatial
        let past: CascadeFields
    }

    /// What depends only on the cells (kept from one fit to the next when the cells are the same).
    private struct Spatial: Sendable {
        let ids: [CellID]
        let boundaries: [[GeoPoint]]
        let coverage: OracleCoverage
        let kernel: [Double]
        let background: CascadeFields
    }
}
