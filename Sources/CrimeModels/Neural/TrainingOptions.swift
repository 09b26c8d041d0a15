import CrimeCore
import Foundation

/// Settings for fitting a neural forecaster.
public struct TrainingOptions: Sendable {
    /// Passes over the training samples.
    public var epochs: Int = 20
    /// Samples per gradient step.
    public var batchSize: Int = 32
    /// Adam's initial learning rate.
    public var learningRate: Float = 1e-3
    /// Clip the global gradient norm to this value, if set.
    public var clipNorm: Float?
    /// How the learning rate changes between epochs (stepped on the monitored loss).
    public var schedule: LearningRateSchedule = .constant
    /// Stop after this many epochs without improvement of the monitored loss, then restore the best weights.
    public var earlyStoppingPatience: Int?
    /// The last fraction of the samples (in their given, usually chronological, order) held out for
    /// validation; the monitored loss is the validation loss when this is positive, else the training loss.
    public var validationFraction: Double = 0
    /// Seeds shuffling and dropout.
    public var seed: UInt64 = 0
    /// The loss; nil picks each model's default.
    public var loss: Loss?
    /// Hears step `"training"` after each epoch (count of epochs run, out of ``epochs``, with the
    /// epoch's losses as the detail; an early stop ends with the total lowered to the epochs run), from
    /// the same point as the forecasters' `onEpoch`; nil (the default) for none. Training does not
    /// depend on it.
    public var progress: ProgressHandler?
    /// Stops training before the next mini-batch when cancelled (as does cancelling the task training runs
    /// in): `fit` then throws `CancellationError` and the model keeps the weights it had before `fit`; nil
    /// (the default) for none.
    public var cancellation: CancellationToken?

    /// Default options.
    public init() {}

    func validate() throws {
        guard epochs >= 1 else { throw NNError.invalidOption(name: "epochs", reason: "must be at least 1, got \(epochs)") }
        guard batchSize >= 1 else { throw NNError.invalidOption(name: "batchSize", reason: "must be at least 1, got \(batchSize)") }
        guard learningRate > 0, learningRate.isFinite else { throw NNError.invalidOption(name: "learningRate", reason: "must be positive, got \(learningRate)") }
        guard validationFraction >= 0, validationFraction < 1 else {
            throw NNError.invalidOption(name: "validationFraction", reason: "must be in [0, 1), got \(validationFraction)")
        }
        if let clipNorm, !(clipNorm > 0) { throw NNError.invalidOption(name: "clipNorm", reason: "must be positive, got \(clipNorm)") }
    }
}

/// One epoch's progress, passed to the per-epoch callback and kept in the history.
public struct EpochReport: Sendable, Equatable {
    /// The epoch, from 1.
    public let epoch: Int
    /// Mean training loss over the epoch's batches (weighted by batch size).
    public let trainingLoss: Double
    /// Loss on the held-out samples in evaluation mode, if any were held out.
    public let validationLoss: Double?
    /// The learning rate used in this epoch.
    public let learningRate: Float
}

extension EpochReport {
    /// The losses as a progress note: `loss 0.1234` or `loss 0.1234, validation 0.2345`.
    var progressDetail: String {
        let training = String(format: "loss %.4g", trainingLoss)
        return validationLoss.map { training + String(format: ", validation %.4g", $0) } ?? training
    }
}

/// The epochs of one fit and the epoch whose weights were kept.
public struct TrainingHistory: Sendable, Equatable {
    /// One report per epoch run.
    public var epochs: [EpochReport] = []
    /// The epoch whose weights the model holds after fitting.
    public var bestEpoch: Int = 0
}
