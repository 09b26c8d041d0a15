import CrimeEval
/// One model's test scores in the mobility study, at a threshold chosen on validation maps.
public struct MobilityScore: Sendable, Equatable, Codable {
    /// The threshold chosen on validation data (maximum F1).
    public let threshold: Double
    /// Test precision over all cells and samples.
    public let precision: Double
    /// Test recall over all cells and samples.
    public let recall: Double
    /// Test F1 over all cells and samples.
    public let f1: Double
    /// The study's per-sample F1 (averaged over test maps).
    public let perSampleF1: Double
    /// The study's neighbour-tolerant per-sample F1.
    public let tolerantF1: Double

    /// Scores test maps of `size × size` cells: the threshold is chosen by
    /// CrimeEval's `ThresholdSweep.choose(validationLabels:validationScores:criterion:thresholds:)` on the validation
    /// maps only, then applied unchanged to the test maps.
    public static func evaluate(validationLabels: [Double], validationScores: [Double], testLabels: [Double],
                                testScores: [Double], size: Int) throws -> MobilityScore {
        let choice = try ThresholdSweep.choose(validationLabels: validationLabels, validationScores: validationScores)
        let test = try choice.evaluate(testLabels: testLabels, testScores: testScores)
        return MobilityScore(
            threshold: choice.threshold, precision: test.precision, recall: test.recall, f1: test.f1,
            perSampleF1: try MapF1.perSample(truth: testLabels, predicted: testScores, height: size, width: size, threshold: choice.threshold),
            tolerantF1: try MapF1.neighbourTolerant(truth: testLabels, predicted: testScores, height: size, width: size,
                                                    threshold: choice.threshold))
    }
}
