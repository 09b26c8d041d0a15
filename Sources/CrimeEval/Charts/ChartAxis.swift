import Foundation

/// A linear axis with "nice" ticks (1, 2 or 5 × 10ᵏ apart) covering a data range.
public struct ChartAxis: Sendable, Equatable {
    /// Lower end of the axis.
    public let lower: Double
    /// Upper end of the axis.
    public let upper: Double
    /// Tick positions, ascending, from `lower` to `upper`.
    public let ticks: [Double]

    /// An axis covering `minimum…maximum` with about `targetTicks` ticks. A zero-width range is
    /// widened by 1 on each side (or by 10 % of its magnitude).
    public init(minimum: Double, maximum: Double, targetTicks: Int = 5) {
        var lo = min(minimum, maximum), hi = max(minimum, maximum)
        if hi - lo == 0 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let raw = (hi - lo) / Double(max(targetTicks, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        let step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude
        let first = floor(lo / step + 1e-9) * step, last = ceil(hi / step - 1e-9) * step
        let count = Int(((last - first) / step).rounded())
        lower = first
        upper = last
        ticks = (0...count).map { first + Double($0) * step }
    }

    /// Maps a value to `[start, end]` (screen coordinates; `end` < `start` flips the axis).
    public func scale(_ v: Double, from start: Double, to end: Double) -> Double {
        start + (v - lower) / (upper - lower) * (end - start)
    }

    /// A tick label: integers without decimals, others with up to 4 significant digits.
    public static func label(_ v: Double) -> String {
        if abs(v) < 1e-12 { return "0" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(format: "%.4g", v)
    }
}
