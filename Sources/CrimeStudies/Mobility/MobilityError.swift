import CrimeEval
import Foundation
/// Errors from the mobility forecasting study.
public enum MobilityError: Error, Equatable, CustomStringConvertible {
    /// An array does not have the length its shape implies.
    case badLength(what: String, expected: Int, got: Int)
    /// A layer value is NaN or infinite.
    case notFinite(what: String, index: Int)
    /// A setting out of range, with the reason.
    case badSetting(name: String, reason: String)
    /// The data do not hold enough windows for the histories and the split.
    case notEnoughWindows(needed: Int, available: Int)
    /// No whole tile fits the grid.
    case noTiles(rows: Int, columns: Int, size: Int)
    /// A channel set needs a layer the data do not have.
    case missingLayer(channels: String, layer: String)
    /// An origin whose history or target falls outside the windows.
    case badOrigin(Int, history: Int, windows: Int)

    public var description: String {
        switch self {
        case let .badLength(what, expected, got): return "\(what): expected \(expected) values, got \(got)"
        case let .notFinite(what, index): return "\(what): value \(index) is not a finite number"
        case let .badSetting(name, reason): return "mobility study setting \(name): \(reason)"
        case let .notEnoughWindows(needed, available):
            return "the mobility study needs at least \(needed) time windows but the data hold \(available); use a longer extract or shorter histories"
        case let .noTiles(rows, columns, size):
            return "a \(rows)×\(columns) grid holds no whole \(size)×\(size) tile; cover a larger area or use a smaller tile size"
        case let .missingLayer(channels, layer):
            return "channel set \(channels) needs the \(layer) layer, which the data do not have"
        case let .badOrigin(origin, history, windows):
            return "forecast origin \(origin) needs windows \(origin - history + 1)…\(origin + 1) but only 0…\(windows - 1) exist"
        }
    }
}

extension MobilityError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
