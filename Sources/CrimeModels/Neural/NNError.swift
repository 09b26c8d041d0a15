import Foundation

/// Errors raised by the neural-network engine, its models and its safetensors reader.
public enum NNError: Error, Equatable, CustomStringConvertible {
    /// A tensor has a shape the layer or model cannot use.
    case wrongShape(tensor: String, expected: String, got: [Int])
    /// An input or target holds NaN or an infinity.
    case nonFinite(tensor: String, index: Int)
    /// A weight tensor read from a file holds NaN or infinity (first flat index).
    case nonFiniteWeights(tensor: String, index: Int, file: String)
    /// The training loss became NaN or infinite.
    case nonFiniteLoss(epoch: Int, batch: Int)
    /// A required tensor is missing from a weights or input file.
    case missingTensor(name: String, file: String)
    /// A tensor in a safetensors file is not stored as the expected dtype.
    case wrongDtype(tensor: String, expected: String, got: String)
    /// A safetensors file is shorter than its header says or has a malformed header.
    case malformedFile(file: String, reason: String)
    /// A file could not be read or written.
    case io(file: String, reason: String)
    /// A configuration value is out of range.
    case invalidOption(name: String, reason: String)
    /// There are no samples to train on.
    case emptyTrainingSet

    public var description: String {
        switch self {
        case let .wrongShape(tensor, expected, got): return "tensor '\(tensor)' has shape \(got), expected \(expected)"
        case let .nonFinite(tensor, index): return "tensor '\(tensor)' holds NaN or infinity at flat index \(index)"
        case let .nonFiniteWeights(tensor, index, file):
            return "\(file): weight tensor '\(tensor)' holds NaN or infinity at flat index \(index); a model needs finite weights"
        case let .nonFiniteLoss(epoch, batch):
            return "training stopped: the loss became NaN or infinite in epoch \(epoch), batch \(batch)"
        case let .missingTensor(name, file): return "tensor '\(name)' is missing from \(file)"
        case let .wrongDtype(tensor, expected, got): return "tensor '\(tensor)' has dtype \(got), expected \(expected)"
        case let .malformedFile(file, reason): return "\(file) is not a valid safetensors file: \(reason)"
        case let .io(file, reason): return "cannot access \(file): \(reason)"
        case let .invalidOption(name, reason): return "option '\(name)': \(reason)"
        case .emptyTrainingSet: return "the training set has no samples"
        }
    }
}

extension NNError: LocalizedError {
    /// The same sentence as `description`, so that `localizedDescription` prints it.
    public var errorDescription: String? { description }
}

/// Throws ``NNError/nonFinite(tensor:index:)`` for the first NaN or infinity in `values`.
func requireFinite(_ values: [Float], tensor: String) throws {
    try values.withUnsafeBufferPointer { p in
        for i in 0..<p.count where !p[i].isFinite { throw NNError.nonFinite(tensor: tensor, index: i) }
    }
}
