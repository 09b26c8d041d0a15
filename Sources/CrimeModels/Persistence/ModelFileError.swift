/// Why a saved model could not be read or written; each case names the file.
public enum ModelFileError: Error, Equatable, CustomStringConvertible {
    /// The file does not start with the CrimeKit model magic bytes.
    case notAModelFile(path: String)
    /// The file ends before its declared contents.
    case truncated(path: String)
    /// The checksum does not match the contents.
    case corrupt(path: String, expected: UInt32, found: UInt32)
    /// The file holds a different kind of model than the one asked for.
    case wrongKind(path: String, expected: String, found: String)
    /// The file was written by a newer format version than this build reads.
    case newerVersion(path: String, version: UInt32, supported: UInt32)
    /// The contents pass the checksum but describe an impossible model.
    case invalidContents(path: String, reason: String)
    /// The model has not been fitted, so there is nothing to save.
    case notFitted

    public var description: String {
        switch self {
        case let .notAModelFile(path): return "\(path) is not a CrimeKit model file (bad magic bytes)"
        case let .truncated(path): return "\(path) is truncated"
        case let .corrupt(path, expected, found):
            return "\(path) is corrupt: checksum \(String(found, radix: 16)) instead of \(String(expected, radix: 16))"
        case let .wrongKind(path, expected, found): return "\(path) holds a \(found), not a \(expected)"
        case let .newerVersion(path, version, supported):
            return "\(path) uses model format version \(version); this CrimeKit reads up to version \(supported)"
        case let .invalidContents(path, reason): return "\(path) has invalid contents: \(reason)"
        case .notFitted: return "the model has not been fitted, so there is nothing to save"
        }
    }
}
