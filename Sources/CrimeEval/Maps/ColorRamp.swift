import Foundation

/// How values become colours on a map or chart.
public enum ColorRamp: Sendable, Equatable {
    /// Light yellow to dark red for values from the minimum to the maximum (counts, forecasts).
    case sequential
    /// Blue through white to red, centred on zero and symmetric (residuals: blue where the model
    /// predicted too much, red where too little).
    case diverging

    /// The colour of `value` on a scale from `low` to `high` as `#rrggbb`.
    public func color(_ value: Double, low: Double, high: Double) -> String {
        switch self {
        case .sequential:
            let t = high > low ? min(max((value - low) / (high - low), 0), 1) : 0
            return ColorRamp.mix([(255, 255, 204), (253, 141, 60), (189, 0, 38)], t)
        case .diverging:
            let bound = max(abs(low), abs(high))
            let t = bound > 0 ? min(max(value / bound, -1), 1) : 0
            return t < 0 ? ColorRamp.mix([(247, 247, 247), (33, 102, 172)], -t)
                         : ColorRamp.mix([(247, 247, 247), (178, 24, 43)], t)
        }
    }

    /// The legend's end points for data spanning `low`…`high`.
    func legendRange(low: Double, high: Double) -> (Double, Double) {
        switch self {
        case .sequential: return (low, high)
        case .diverging:
            let bound = max(abs(low), abs(high))
            return (-bound, bound)
        }
    }

    /// Linear interpolation along equally spaced colour stops.
    private static func mix(_ stops: [(Double, Double, Double)], _ t: Double) -> String {
        let scaled = t * Double(stops.count - 1)
        let i = min(Int(scaled), stops.count - 2)
        let f = scaled - Double(i)
        let a = stops[i], b = stops[i + 1]
        let r = a.0 + (b.0 - a.0) * f, g = a.1 + (b.1 - a.1) * f, bl = a.2 + (b.2 - a.2) * f
        return String(format: "#%02x%02x%02x", Int(r.rounded()), Int(g.rounded()), Int(bl.rounded()))
    }
}
