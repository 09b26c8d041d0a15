import Foundation

/// The functions a formula may apply to numbers (with or without numpy's `np.` prefix).
enum NumericFunction {
    case identity, log, log10, log1p, exp, sqrt, abs

    /// The function for a name, or nil when unknown; `""` is a bracketed group and `I` keeps its argument.
    init?(_ name: String) {
        let bare = name.hasPrefix("np.") ? String(name.dropFirst(3)) : name
        switch bare {
        case "", "I": self = .identity
        case "log": self = .log
        case "log10": self = .log10
        case "log1p": self = .log1p
        case "exp": self = .exp
        case "sqrt": self = .sqrt
        case "abs": self = .abs
        default: return nil
        }
    }

    /// The smallest argument allowed (exclusive for logs), or nil when every number is allowed.
    var domainFloor: (value: Double, inclusive: Bool)? {
        switch self {
        case .log, .log10: return (0, false)
        case .log1p: return (-1, false)
        case .sqrt: return (0, true)
        default: return nil
        }
    }

    func apply(_ x: Double) -> Double {
        switch self {
        case .identity: return x
        case .log: return Foundation.log(x)
        case .log10: return Foundation.log10(x)
        case .log1p: return Foundation.log1p(x)
        case .exp: return Foundation.exp(x)
        case .sqrt: return x.squareRoot()
        case .abs: return Swift.abs(x)
        }
    }
}
