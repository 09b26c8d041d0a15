import CrimeCore
import CrimeEval
import Foundation

/// A panel of units (boroughs, districts) observed over periods (quarters, weeks).
public struct Panel: Sendable {
    /// A predictor column: its name and one value per row.
    public struct Predictor: Sendable, Hashable {
        /// The column's name, used for the model's feature.
        public let name: String
        /// One value per row of the panel.
        public let values: [Double]

        /// A named column of values.
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// Unit names, one per row.
    public let units: [String]
    /// Period ordinals, one per row.
    public let periods: [Int]
    /// The variable to forecast, one per row.
    public let target: [Double]
    /// Predictor columns by name, one value per row each.
    public let predictors: [Predictor]

    /// Checks lengths, finiteness and that no unit has a period twice.
    public init(units: [String], periods: [Int], target: [Double], predictors: [Predictor]) throws {
        let n = units.count
        guard n > 0 else { throw PanelError.empty }
        guard periods.count == n else { throw PanelError.lengthMismatch(column: "periods", expected: n, got: periods.count) }
        guard target.count == n else { throw PanelError.lengthMismatch(column: "target", expected: n, got: target.count) }
        for predictor in predictors {
            let name = predictor.name, values = predictor.values
            guard values.count == n else { throw PanelError.lengthMismatch(column: name, expected: n, got: values.count) }
            if let row = values.firstIndex(where: { !$0.isFinite }) { throw PanelError.nonFinite(column: name, row: row) }
        }
        if let row = target.firstIndex(where: { !$0.isFinite }) { throw PanelError.nonFinite(column: "target", row: row) }
        var seen = Set<String>()
        for i in 0..<n where !seen.insert("\(units[i])\u{1}\(periods[i])").inserted {
            throw PanelError.duplicate(unit: units[i], period: periods[i])
        }
        self.units = units
        self.periods = periods
        self.target = target
        self.predictors = predictors
    }
}

/// Errors from panel forecasts.
public enum PanelError: Error, Equatable, CustomStringConvertible {
    case empty
    case lengthMismatch(column: String, expected: Int, got: Int)
    case nonFinite(column: String, row: Int)
    case duplicate(unit: String, period: Int)
    case tooShort
    case badSplit(Int)
    case missingColumn(String, kind: String)

    public var description: String {
        switch self {
        case .empty: return "the panel has no rows"
        case let .lengthMismatch(column, expected, got): return "column \(column) has \(got) values, expected \(expected)"
        case let .nonFinite(column, row): return "column \(column), row \(row) is NaN or infinite"
        case let .duplicate(unit, period): return "unit \(unit) has period \(period) twice"
        case .tooShort: return "no unit has three consecutive periods, so there is nothing to learn from"
        case let .badSplit(period): return "splitting at period \(period) leaves no training or no test rows"
        case let .missingColumn(name, kind): return "the panel needs a \(kind) column '\(name)'"
        }
    }
}

extension PanelError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
