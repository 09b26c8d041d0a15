import Foundation

/// Why a Poisson regression could not be fitted, beyond the design problems of ``LinearModelError``
/// (shapes, NaNs, collinear columns). Rows are 0-based in the cases and 1-based in the sentences.
public enum PoissonRegressionError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// A response value is negative; Poisson counts are zero or more.
    case negativeResponse(column: String, row: Int, value: Double)
    /// Every response value is zero, so the maximum-likelihood rate is zero and no finite fit exists.
    case allZeroResponse(column: String)
    /// An exposure is zero, negative or not finite; its logarithm joins the offset.
    case nonPositiveExposure(column: String, row: Int, value: Double)
    /// Iteratively reweighted least squares did not meet the tolerance within the allowed iterations
    /// (or the deviance stopped being finite); carries the last deviance and the iterations run.
    case notConverged(deviance: Double, iterations: Int)

    public var description: String {
        switch self {
        case let .negativeResponse(column, row, value):
            return "the response '\(column)' is \(value) at data row \(row + 1); Poisson counts must be zero or more"
        case let .allZeroResponse(column):
            return "every value of the response '\(column)' is zero, so the Poisson fit has no finite solution"
        case let .nonPositiveExposure(column, row, value):
            return "the exposure '\(column)' is \(value) at data row \(row + 1); exposures must be positive and finite"
        case let .notConverged(deviance, iterations):
            return "the Poisson fit did not converge in \(iterations) iterations (last deviance \(deviance)); "
                + "raise maxIterations or the tolerance, or check for a category whose counts are all zero"
        }
    }

    public var errorDescription: String? { description }
}
