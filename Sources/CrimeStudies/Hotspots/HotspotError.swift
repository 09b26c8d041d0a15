import CrimeEval
import Foundation
/// Errors from the hot-spot study pipeline.
public enum HotspotError: Error, Equatable, CustomStringConvertible {
    /// No cells to study.
    case noCells
    /// The training or test period has no days.
    case emptyPeriod
    /// A query names a bucket that does not exist.
    case unknownBucket(String, known: [String])
    /// No models were given.
    case noModels
    /// The data do not span the training and test periods.
    case notEnoughData(needed: String, available: String)
    /// A model's forecast had the wrong length or a non-finite value.
    case badForecast(model: String, reason: String)
    /// The incidents' bounding box would hold about `cells` H3 cells, more than `limit`.
    case extentTooLarge(cells: Int, limit: Int, resolution: Int)

    public var description: String {
        switch self {
        case .noCells: return "the study has no cells"
        case .emptyPeriod: return "the training or test period has no days"
        case let .unknownBucket(label, known):
            return "no time bucket \"\(label)\"; known buckets are \(known.joined(separator: ", "))"
        case .noModels: return "no models to compare"
        case let .notEnoughData(needed, available):
            return "the study needs incidents over \(needed) but the data cover \(available); lower weeks or set an earlier start"
        case let .badForecast(model, reason): return "model \(model): \(reason)"
        case let .extentTooLarge(cells, limit, resolution):
            return "the training incidents' extent holds about \(cells) H3 cells of resolution \(resolution) (at most \(limit)): remove incidents far outside the city or choose a coarser resolution"
        }
    }
}

extension HotspotError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
