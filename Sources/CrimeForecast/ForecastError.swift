import Foundation

/// Errors of the forecasting layer: bad spans, cells, methods and parameters, each naming the parameter.
public enum ForecastError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The cell list is empty.
    case noCells
    /// A cell appears twice in the cell list.
    case duplicateCell(String)
    /// The windowing is cyclic (day-of-week × shift buckets); forecasts step through sequential windows.
    case needsSequentialWindows
    /// No complete window of history lies before the origin.
    case noHistory(origin: String)
    /// The forecast span starts before the origin, so it overlaps the data the forecaster learnt from.
    case spanOverlapsHistory(spanStart: String, origin: String)
    /// A parameter is out of range.
    case badParameter(name: String, reason: String)
    /// The forecaster was asked to forecast before it was fitted.
    case notFitted(String)
    /// No forecaster of that name.
    case unknownMethod(String, known: [String])

    public var description: String {
        switch self {
        case .noCells: return "the index has no cells to forecast"
        case let .duplicateCell(label): return "cell \(label) appears twice in the cell list"
        case .needsSequentialWindows: return "forecasts need sequential windows (day, week, shift), not day-of-week buckets"
        case let .noHistory(origin): return "there is no complete window of history before the origin \(origin)"
        case let .spanOverlapsHistory(start, origin):
            return "the forecast span starts at \(start), before the origin \(origin): it would overlap the data the forecaster learnt from"
        case let .badParameter(name, reason): return "parameter \(name): \(reason)"
        case let .notFitted(name): return "forecaster \(name) was asked to forecast before it was fitted"
        case let .unknownMethod(name, known): return "unknown forecasting method '\(name)'; known: \(known.joined(separator: ", "))"
        }
    }

    public var errorDescription: String? { description }
}
