import CrimeCore
import Foundation

/// The rows early stopping holds out: ⌈fraction × rows⌉ validation rows drawn with a seeded
/// shuffle, the rest for training (the sizes scikit-learn's `train_test_split` uses), each side
/// in ascending row order.
struct BoostingValidationSplit {
    let training: [Int]
    let validation: [Int]

    /// Throws ``BoostingError/emptyValidationSplit(rows:validationFraction:trainingRows:validationRows:)``
    /// when either side would be empty.
    init(rows: Int, fraction: Double, seed: UInt64) throws {
        let held = Int((fraction * Double(rows)).rounded(.up))
        let kept = Int(((1 - fraction) * Double(rows)).rounded(.down))
        guard held >= 1, kept >= 1, held + kept <= rows else {
            throw BoostingError.emptyValidationSplit(rows: rows, validationFraction: fraction,
                                                     trainingRows: max(kept, 0), validationRows: max(held, 0))
        }
        var generator = SeededGenerator(seed: seed)
        var order = Array(0..<rows)
        order.shuffle(using: &generator)
        validation = order[..<held].sorted()
        training = order[held..<(held + kept)].sorted()
    }
}
