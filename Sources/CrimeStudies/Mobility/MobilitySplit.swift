import CrimeEval
/// A chronological split of forecast origins into training, validation and test parts.
///
/// An origin `o` is the last input window of a sample whose target is window `o + 1`. Origins are
/// sorted and cut into three consecutive runs, so every training target comes before every
/// validation target, and every validation target before every test target: nothing from the future
/// of a part is used to fit or tune it.
public struct MobilitySplit: Sendable, Equatable {
    /// Origins to fit on.
    public let train: [Int]
    /// Origins to choose thresholds (and stop training) on.
    public let validation: [Int]
    /// Origins to report scores on.
    public let test: [Int]

    /// Splits sorted, distinct `origins`: the last `testFraction` for testing, the
    /// `validationFraction` before them for validation, the rest for training. Each part gets at least
    /// one origin; throws when that is impossible or a fraction is outside (0, 1).
    public init(origins: [Int], validationFraction: Double = 0.15, testFraction: Double = 0.15) throws {
        guard validationFraction > 0, testFraction > 0, validationFraction + testFraction < 1 else {
            throw MobilityError.badSetting(name: "split fractions", reason: "validation and test fractions must be positive and sum below 1, got \(validationFraction) and \(testFraction)")
        }
        let sorted = Array(Set(origins)).sorted()
        guard sorted.count >= 3 else { throw MobilityError.notEnoughWindows(needed: 3, available: sorted.count) }
        let n = sorted.count
        let testCount = max(1, Int((Double(n) * testFraction).rounded()))
        let validationCount = max(1, Int((Double(n) * validationFraction).rounded()))
        guard testCount + validationCount < n else { throw MobilityError.notEnoughWindows(needed: testCount + validationCount + 1, available: n) }
        train = Array(sorted[..<(n - testCount - validationCount)])
        validation = Array(sorted[(n - testCount - validationCount)..<(n - testCount)])
        test = Array(sorted[(n - testCount)...])
    }

    /// Every `stride`-th training origin, counted back from the last so the freshest one is kept.
    public func thinnedTrain(stride: Int) -> [Int] {
        guard stride > 1 else { return train }
        return train.enumerated().filter { ($0.offset - (train.count - 1)) % stride == 0 }.map(\.element)
    }
}
