import Foundation

/// How the learning rate changes between epochs.
public enum LearningRateSchedule: Sendable, Equatable {
    /// The rate never changes.
    case constant
    /// PyTorch's `ReduceLROnPlateau(mode="min", threshold_mode="rel")`: after more than `patience`
    /// epochs without a relative improvement of `threshold`, multiply the rate by `factor` (not below
    /// `minimum`), then wait `cooldown` epochs.
    case reduceOnPlateau(factor: Float = 0.1, patience: Int = 10, threshold: Float = 1e-4, cooldown: Int = 0, minimum: Float = 0)
    /// PyTorch's `CosineAnnealingLR(T_max, eta_min)`: `η_min + (η₀ − η_min)(1 + cos(π·epoch/T_max))/2`.
    case cosine(period: Int, minimum: Float = 0)
}

/// The state of a ``LearningRateSchedule`` across epochs.
public struct LearningRateScheduler: Sendable {
    /// The schedule followed.
    public let schedule: LearningRateSchedule
    /// The rate at epoch 0.
    public let initialRate: Float
    /// The current rate.
    public private(set) var rate: Float
    private var epoch = 0
    private var best = Double.infinity
    private var badEpochs = 0
    private var cooldownLeft = 0

    /// A scheduler starting from `initialRate`.
    public init(_ schedule: LearningRateSchedule, initialRate: Float) {
        self.schedule = schedule
        self.initialRate = initialRate
        rate = initialRate
    }

    /// Advances one epoch given that epoch's monitored loss; returns the rate for the next epoch.
    @discardableResult
    public mutating func step(loss: Double) -> Float {
        epoch += 1
        switch schedule {
        case .constant: break
        case let .reduceOnPlateau(factor, patience, threshold, cooldown, minimum):
            if loss < best * (1 - Double(threshold)) {
                best = loss
                badEpochs = 0
            } else {
                badEpochs += 1
            }
            if cooldownLeft > 0 {
                cooldownLeft -= 1
                badEpochs = 0
            }
            if badEpochs > patience {
                let reduced = max(rate * factor, minimum)
                if rate - reduced > 1e-8 { rate = reduced }
                cooldownLeft = cooldown
                badEpochs = 0
            }
        case let .cosine(period, minimum):
            let phase = Double.pi * Double(epoch) / Double(max(period, 1))
            rate = Float(Double(minimum) + (Double(initialRate) - Double(minimum)) * (1 + cos(phase)) / 2)
        }
        return rate
    }
}
