import CrimeEval

extension MobilityStudy {
    /// Scores test maps of `size × size` cells: the threshold is chosen by
    /// `ThresholdSweep.choose(validationLabels:validationScores:criterion:thresholds:)` (maximum
    /// F1) on the validation maps only, then applied unchanged to the test maps. The score holds the
    /// threshold's test decisions over all cells and samples (`ForecastScore.classification`:
    /// precision, recall, F1) and the study's per-sample and neighbour-tolerant F1 averaged over the
    /// test maps.
    public static func score(model: String, isBaseline: Bool = false, validationLabels: [Double], validationScores: [Double],
                             testLabels: [Double], testScores: [Double], size: Int) throws -> ForecastScore {
        let choice = try ThresholdSweep.choose(validationLabels: validationLabels, validationScores: validationScores)
        var score = try ForecastScore(model: model, isBaseline: isBaseline, threshold: choice, testLabels: testLabels, testScores: testScores)
        score.perSampleF1 = try MapF1.perSample(truth: testLabels, predicted: testScores, height: size, width: size,
                                                threshold: choice.threshold)
        score.tolerantF1 = try MapF1.neighbourTolerant(truth: testLabels, predicted: testScores, height: size, width: size,
                                                       threshold: choice.threshold)
        return score
    }
}
