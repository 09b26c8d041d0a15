import Foundation

/// A cleaning setting the streaming cube cannot apply without keeping the rows.
public enum StreamingCubeError: Error, Equatable, LocalizedError {
    /// The named setting of `CleaningOptions` is not supported; the reason says why.
    case unsupportedCleaning(setting: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .unsupportedCleaning(setting, reason):
            return "the streaming cube does not support the cleaning setting \(setting): \(reason)"
        }
    }
}
