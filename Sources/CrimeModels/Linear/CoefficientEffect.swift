import Foundation

/// How a coefficient reads, given which sides of the model are logged.
public enum FunctionalForm: String, Sendable, CaseIterable {
    /// `log(y) ~ log(x)`: β is an elasticity.
    case logLog = "log-log"
    /// `log(y) ~ x`: a unit of x multiplies y by e^β.
    case logLinear = "log-linear"
    /// `y ~ log(x)`: a 1% rise in x adds β·ln(1.01) to y.
    case linearLog = "linear-log"
    /// `y ~ x`: a unit of x adds β to y.
    case linear
}

/// A coefficient stated as the effect of a 1% or one-unit change.
public struct CoefficientEffect: Sendable, Equatable {
    /// The term.
    public let term: String
    /// The model's functional form for this term.
    public let form: FunctionalForm
    /// The change in the response: percent for log responses, units otherwise.
    public let change: Double
    /// Whether `change` is in percent of the response.
    public let inPercent: Bool
    /// A sentence for a report.
    public let sentence: String
}

extension OLSResult {
    /// States a coefficient as the effect of a 1% change (logged regressor) or a one-unit change (plain
    /// regressor) on the response, in percent (logged response) or units (plain response). The form is
    /// read from the names — `log(...)` or `np.log(...)` — unless given. Exact transforms are used:
    /// `(1.01^β − 1)·100%` for log-log, `(e^β − 1)·100%` for log-linear, `β·ln(1.01)` for linear-log.
    public func effect(of term: String, form: FunctionalForm? = nil) throws -> CoefficientEffect {
        guard let index = index(of: term) else { throw LinearModelError.unknownColumn(term, available: termNames) }
        let beta = params[index]
        let logResponse = Self.isLog(responseName), logTerm = Self.isLog(term)
        let chosen = form ?? (logResponse ? (logTerm ? .logLog : .logLinear) : (logTerm ? .linearLog : .linear))
        let x = Self.inner(term), y = Self.inner(responseName)
        let change: Double, percent: Bool, cause: String
        switch chosen {
        case .logLog: change = (pow(1.01, beta) - 1) * 100; percent = true; cause = "A 1% increase in \(x)"
        case .logLinear: change = (exp(beta) - 1) * 100; percent = true; cause = "A one-unit increase in \(x)"
        case .linearLog: change = beta * log(1.01); percent = false; cause = "A 1% increase in \(x)"
        case .linear: change = beta; percent = false; cause = "A one-unit increase in \(x)"
        }
        let direction = change < 0 ? "a decrease" : "an increase"
        let amount = String(format: "%.4g", abs(change))
        let effectText = percent ? "\(direction) of \(amount)% in \(y)" : "\(direction) of \(amount) units in \(y)"
        var sentence = "\(cause) is associated with \(effectText), other terms held fixed (\(chosen.rawValue) model"
        if chosen == .logLog { sentence += "; elasticity \(String(format: "%.4g", beta))" }
        sentence += ")."
        return CoefficientEffect(term: term, form: chosen, change: change, inPercent: percent, sentence: sentence)
    }

    private static func isLog(_ name: String) -> Bool {
        (name.hasPrefix("log(") || name.hasPrefix("np.log(")) && name.hasSuffix(")")
    }

    private static func inner(_ name: String) -> String {
        guard isLog(name), let open = name.firstIndex(of: "(") else { return name }
        return String(name[name.index(after: open)..<name.index(before: name.endIndex)])
    }
}
