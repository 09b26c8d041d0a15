import CrimeCore
import Foundation

/// Why a linear or logistic model could not be built or fitted; every case names the column, row or
/// formula position the user has to fix. Rows are 0-based in the cases and 1-based data rows (the
/// header not counted) in the sentences.
public enum LinearModelError: Error, Equatable, CustomStringConvertible {
    /// The table or design has no rows.
    case emptyData
    /// The design has no columns (a formula such as `y ~ 0`: no term and no intercept).
    case noColumns
    /// Two things that must have one entry per row do not.
    case lengthMismatch(what: String, expected: Int, got: Int)
    /// A value is NaN or infinite (`row` counts data rows from 0).
    case nonFinite(column: String, row: Int)
    /// The design has more columns than rows, so the fit is not identified.
    case moreColumnsThanRows(columns: Int, rows: Int)
    /// A column is constant while the model already has an intercept.
    case constantColumn(String)
    /// A column is a linear combination of the columns before it (rank deficiency).
    case collinearColumn(String)
    /// A formula names a column that the table does not have.
    case unknownColumn(String, available: [String])
    /// `log` met a value that is zero or negative.
    case nonPositiveLog(column: String, row: Int, value: Double)
    /// A numeric operation was asked of a text column.
    case textColumnInArithmetic(String)
    /// The formula cannot be read.
    case formulaSyntax(String, formula: String)
    /// The requested model feature is outside what the formula engine supports.
    case unsupportedFormula(String)
    /// A classifier's targets contain a single class.
    case singleClass(Double)
    /// A binary classifier's targets contain more than two classes.
    case notBinary([Double])
    /// A class weight was given for no class, or a weight is not positive.
    case invalidClassWeight(String)
    /// A model parameter is out of range.
    case invalidParameter(String)
    /// The fitted results hold no covariance of the requested kind.
    case covarianceUnavailable(String)
    /// A LAPACK routine failed.
    case lapack(routine: String, info: Int)

    public var description: String {
        switch self {
        case .emptyData: return "the data have no rows"
        case .noColumns: return "the design has no columns: the formula leaves no term and no intercept (as 'y ~ 0' does)"
        case let .lengthMismatch(what, expected, got): return "\(what) has \(got) entries, expected one per row (\(expected))"
        case let .nonFinite(column, row): return "column '\(column)' is NaN or infinite at data row \(row + 1)"
        case let .moreColumnsThanRows(columns, rows):
            return "the design has \(columns) columns but only \(rows) rows; a least-squares fit needs at least as many rows as columns"
        case let .constantColumn(name): return "column '\(name)' is constant, which duplicates the intercept"
        case let .collinearColumn(name):
            return "column '\(name)' is a linear combination of the columns before it (the design is rank deficient)"
        case let .unknownColumn(name, available):
            return "the formula names column '\(name)', which the table does not have (columns: \(available.joined(separator: ", ")))"
        case let .nonPositiveLog(column, row, value): return "log of '\(column)' at data row \(row + 1): the value \(value) is not positive"
        case let .textColumnInArithmetic(name): return "column '\(name)' holds text; wrap it in C(...) to use it as a categorical"
        case let .formulaSyntax(message, formula): return "cannot read formula '\(formula)': \(message)"
        case let .unsupportedFormula(message): return "unsupported formula: \(message)"
        case let .singleClass(label): return "the targets contain only the class \(label); a classifier needs two"
        case let .notBinary(labels): return "logistic regression here is binary, but the targets hold \(labels.count) classes: \(labels)"
        case let .invalidClassWeight(message): return "invalid class weight: \(message)"
        case let .invalidParameter(message): return "invalid parameter: \(message)"
        case let .covarianceUnavailable(kind): return "no \(kind) covariance was computed for this fit"
        case let .lapack(routine, info): return LAPACKFailure.sentence(routine: routine, info: info)
        }
    }
}

extension LinearModelError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
