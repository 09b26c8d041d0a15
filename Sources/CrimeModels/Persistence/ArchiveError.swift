import Foundation

/// Why a model file could not be written or read.
public enum ArchiveError: Error, Equatable, CustomStringConvertible {
    /// The file does not start with CrimeKit's magic bytes.
    case notAModelFile(path: String)
    /// The file was written by a newer format version than this build reads.
    case unsupportedVersion(path: String, found: Int, supported: Int)
    /// The file holds another kind of model.
    case wrongKind(path: String, expected: String, found: String)
    /// The file ends before its declared content does.
    case truncated(path: String)
    /// The stored checksum does not match the content.
    case checksumMismatch(path: String)
    /// The payload decodes to something impossible.
    case corruptPayload(path: String, reason: String)
    /// The model cannot be saved (for example it has not been fitted).
    case notSavable(reason: String)
    /// Reading or writing the file failed.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notAModelFile(path): return "\(path) is not a CrimeKit model file (bad magic bytes)"
        case let .unsupportedVersion(path, found, supported):
            return "\(path) uses model format version \(found); this build reads versions up to \(supported)"
        case let .wrongKind(path, expected, found): return "\(path) holds a \(found), not a \(expected)"
        case let .truncated(path): return "\(path) is truncated"
        case let .checksumMismatch(path): return "\(path) is corrupt: its checksum does not match"
        case let .corruptPayload(path, reason): return "\(path) is corrupt: \(reason)"
        case let .notSavable(reason): return "the model cannot be saved: \(reason)"
        case let .io(path, reason): return "cannot access \(path): \(reason)"
        }
    }
}

extension ArchiveError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}
