import CrimeEval
import Foundation
/// Inputs the weekly district pipeline cannot use.
public enum WeeklyDistrictError: Error, Equatable, CustomStringConvertible {
    /// An array whose length does not match the shape it should have.
    case lengthMismatch(what: String, expected: Int, got: Int)
    /// Too few weeks for the history, the training and the test weeks asked for.
    case tooFewWeeks(have: Int, need: Int)
    /// A setting out of its range, with a sentence naming it.
    case badSetting(String)
    /// A week ordinal outside the series.
    case weekOutOfRange(week: Int, weeks: Int)

    public var description: String {
        switch self {
        case let .lengthMismatch(what, expected, got):
            return "weekly districts: \(what) has \(got) values, expected \(expected)"
        case let .tooFewWeeks(have, need):
            return "weekly districts: the data span \(have) whole weeks, but the history, training and test weeks need at least \(need)"
        case let .badSetting(sentence):
            return "weekly districts: \(sentence)"
        case let .weekOutOfRange(week, weeks):
            return "weekly districts: week \(week) is outside the series' \(weeks) weeks"
        }
    }
}

extension WeeklyDistrictError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
