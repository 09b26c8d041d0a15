import CrimeCore
import Foundation

/// Synthetic weekly socio-economic and weather series for a span of weekly windows, and a way to make
/// a synthetic city's incidents truly depend on them.
///
/// Two series, one value per week, both invented (not observations):
/// - `temperature_c`: a seasonal cycle, 10 °C mean, ±14 °C amplitude peaking in late July, plus
///   Gaussian weather noise (sd 3 °C) — shaped like Chicago's weekly mean temperature.
/// - `unemployment_pct`: a slow random walk around 6 % (steps sd 0.08 points, pulled back to 6 %) —
///   shaped like a monthly labour-market series.
///
/// The weekly rate multiplier is `exp(temperatureEffect · (T − 10) + unemploymentEffect · (U − 6))`;
/// ``thinned(_:)`` keeps each incident with probability multiplier ÷ largest multiplier, so warmer
/// weeks and higher unemployment really do bring more incidents.
public struct SyntheticWeeklyCovariates: Sendable {
    /// The weekly windows the series cover.
    public let span: WindowSpan
    /// The series' names, in column order.
    public let names: [String]
    /// Values, row-major `[week, feature]`.
    public let values: [Double]
    /// The rate multiplier of each week (relative to T = 10 °C, U = 6 %).
    public let rateMultiplier: [Double]
    /// Seeds the thinning.
    let seed: UInt64

    /// Series for every window of `span` (use weekly windows).
    ///
    /// - Parameters:
    ///   - span: the weekly windows to make covariates for, one row per window.
    ///   - temperatureEffect: log rate change per °C (0.02: about +2 % per degree).
    ///   - unemploymentEffect: log rate change per percentage point of unemployment.
    ///   - seed: the seed of the series' noise and of the thinning.
    public init(span: WindowSpan, temperatureEffect: Double = 0.02, unemploymentEffect: Double = 0.08, seed: UInt64) {
        var rng = SeededGenerator(seed: seed ^ 0x5EA5_0C10)
        var values: [Double] = [], multipliers: [Double] = []
        var unemployment = 6.0
        let zone = span.windowing.zone
        for w in 0..<span.count {
            let start = span.window(w).interval?.lowerBound ?? 0
            let day = LocalDay(utc: start, in: zone)
            let (year, _, _) = CivilDate.date(dayNumber: day.dayNumber)
            let dayOfYear = Double(day.dayNumber - CivilDate.dayNumber(year: year, month: 1, day: 1)) + 3.5
            let (g1, g2) = rng.nextGaussianPair()
            // Warmest at day 205 of the year (late July), coldest half a year later.
            let temperature = 10 + 14 * cos(2 * Double.pi * (dayOfYear - 205) / 365.25) + 3 * g1
            unemployment += 0.08 * g2 + 0.02 * (6 - unemployment)
            values.append(temperature)
            values.append(unemployment)
            multipliers.append(exp(temperatureEffect * (temperature - 10) + unemploymentEffect * (unemployment - 6)))
        }
        self.span = span
        names = ["temperature_c", "unemployment_pct"]
        self.values = values
        rateMultiplier = multipliers
        self.seed = seed
    }

    /// Number of weeks.
    public var weekCount: Int { span.count }

    /// The incidents kept when each is accepted with probability (its week's multiplier ÷ the largest);
    /// incidents outside the span are kept unchanged. Deterministic for the seed.
    public func thinned(_ table: IncidentTable) -> IncidentTable {
        let top = rateMultiplier.max() ?? 1
        var rng = SeededGenerator(seed: seed ^ 0x7411_AB1E)
        var rows: [Int] = []
        rows.reserveCapacity(table.count)
        table.times.withUnsafeBufferPointer { times in
            for i in 0..<times.count {
                let u = rng.nextUniform()
                guard let w = span.ordinal(utc: times[i]) else { rows.append(i); continue }
                if u < rateMultiplier[w] / top { rows.append(i) }
            }
        }
        return table.selecting(rows: rows)
    }
}
