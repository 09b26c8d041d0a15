import Foundation

/// Errors of the space-time cube, its features, sliding windows and scaler.
public enum CubeError: Error, Equatable, CustomStringConvertible {
    /// The cell universe lists a cell twice.
    case duplicateCell(CellID)
    /// The cell universe is empty.
    case noCells
    /// Two parallel inputs differ in length.
    case lengthMismatch(what: String, expected: Int, got: Int)
    /// A parameter is outside its allowed range.
    case badParameter(name: String, value: Int, reason: String)
    /// There are too few windows to make a single row or sample.
    case tooFewWindows(needed: Int, have: Int)
    /// Neighbour features were asked for without neighbours.
    case missingNeighbors
    /// A scaler was used before `fit`.
    case scalerNotFitted
    /// Data with a different number of features than the scaler was fitted on.
    case featureCountMismatch(expected: Int, got: Int)
    /// A scaler was fitted on no rows.
    case noRows

    public var description: String {
        switch self {
        case let .duplicateCell(c): return "cell \(c) appears twice in the cube's cell list"
        case .noCells: return "the cube needs at least one cell"
        case let .lengthMismatch(what, e, g): return "\(what) has \(g) entries, expected \(e)"
        case let .badParameter(name, value, reason): return "parameter '\(name)' = \(value): \(reason)"
        case let .tooFewWindows(n, have): return "needs at least \(n) windows, the cube has \(have)"
        case .missingNeighbors: return "neighbour-mean features need the cells' neighbours (SpaceTimeCube.neighbors(from:))"
        case .scalerNotFitted: return "the StandardScaler has not been fitted"
        case let .featureCountMismatch(e, g): return "the scaler was fitted on \(e) features, got \(g)"
        case .noRows: return "the StandardScaler needs at least one row to fit"
        }
    }
}

extension CubeError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
