import CrimeTestSupport
import Testing
import CrimeEval

struct ClassificationFixture: Decodable {
    struct At: Decodable {
        let threshold: Double, accuracy: Double, precision: Double, recall: Double, f1: Double
        let confusion: [[Int]]
    }
    struct Calibration: Decodable { let prob_true: [Double]; let prob_pred: [Double] }
    struct Case: Decodable {
        let labels: [Double], scores: [Double]
        let roc_auc: Double, average_precision: Double, brier: Double
        let at: [At]
        let calibration_5: Calibration, calibration_10: Calibration
    }
    struct Poisson: Decodable { let truth: [Double], predicted: [Double], deviance: Double }
    struct Map: Decodable {
        let samples: Int, height: Int, width: Int
        let truth: [Double], scores: [Double]
        let f1_samples_zero0: Double, f1_samples_zero1: Double
    }
    let cases: [Case]
    let poisson: [Poisson]
    let maps: [Map]

    static func load() throws -> ClassificationFixture {
        try Fixtures.json(ClassificationFixture.self, "metrics", "classification_fixture.json")
    }
}

@Suite struct ClassificationMetricsTests {
    @Test func thresholdMetricsMatchScikitLearn() throws {
        for c in try ClassificationFixture.load().cases {
            for at in c.at {
                let m = try ConfusionMatrix(labels: c.labels, scores: c.scores, threshold: at.threshold)
                #expect(m.table == at.confusion)
                #expect(abs(m.accuracy - at.accuracy) <= 1e-12)
                #expect(abs(m.precision - at.precision) <= 1e-12)
                #expect(abs(m.recall - at.recall) <= 1e-12)
                #expect(abs(m.f1 - at.f1) <= 1e-12)
            }
        }
    }

    @Test func rankingMetricsMatchScikitLearnWithTies() throws {
        for c in try ClassificationFixture.load().cases {
            #expect(abs(try Metrics.rocAUC(labels: c.labels, scores: c.scores) - c.roc_auc) <= 1e-12)
            #expect(abs(try Metrics.averagePrecision(labels: c.labels, scores: c.scores) - c.average_precision) <= 1e-12)
        }
    }

    @Test func calibrationMatchesScikitLearn() throws {
        for c in try ClassificationFixture.load().cases {
            #expect(abs(try Metrics.brierScore(labels: c.labels, probabilities: c.scores) - c.brier) <= 1e-12)
            for (bins, reference) in [(5, c.calibration_5), (10, c.calibration_10)] {
                let result = try Metrics.reliabilityBins(labels: c.labels, probabilities: c.scores, bins: bins)
                try #require(result.count == reference.prob_true.count)
                for (b, (t, p)) in zip(result, zip(reference.prob_true, reference.prob_pred)) {
                    #expect(abs(b.fractionPositive - t) <= 1e-12)
                    #expect(abs(b.meanPredicted - p) <= 1e-12)
                }
            }
        }
    }

    @Test func poissonDevianceMatchesScikitLearn() throws {
        for c in try ClassificationFixture.load().poisson {
            #expect(abs(try Metrics.poissonDeviance(c.truth, c.predicted) - c.deviance) <= 1e-12)
        }
        #expect(throws: MetricsError.self) { try Metrics.poissonDeviance([1], [0]) }
        #expect(throws: MetricsError.self) { try Metrics.poissonDeviance([-1], [1]) }
    }

    @Test func perSampleF1MatchesScikitLearn() throws {
        for m in try ClassificationFixture.load().maps {
            let zero = try MapF1.perSample(truth: m.truth, predicted: m.scores, height: m.height, width: m.width)
            let one = try MapF1.perSample(truth: m.truth, predicted: m.scores, height: m.height, width: m.width, zeroDivision: 1)
            #expect(abs(zero - m.f1_samples_zero0) <= 1e-12)
            #expect(abs(one - m.f1_samples_zero1) <= 1e-12)
        }
    }

    /// Hand-checked 3×3 map: truth at (0,0) and (2,2); predictions at (0,0), (0,1), (1,1) and (2,0).
    /// Plain: TP 1, FP 3, FN 1 → F1 = 2/6. Tolerant (true-positive neighbour): (0,1) and (1,1) touch
    /// the true positive (0,0), (2,0) does not → TP 3, FP 1, FN 1 → 6/8. Tolerant (actual positive):
    /// (1,1) also touches (2,2), (2,0) touches neither → the same 6/8; a second sample moves only
    /// the rules apart.
    @Test func neighbourTolerantF1ByHand() throws {
        let truth: [Double] = [1, 0, 0, 0, 0, 0, 0, 0, 1]
        let predicted: [Double] = [1, 1, 0, 0, 1, 0, 1, 0, 0]
        #expect(abs(try MapF1.perSample(truth: truth, predicted: predicted, height: 3, width: 3) - 2.0 / 6) <= 1e-15)
        #expect(abs(try MapF1.neighbourTolerant(truth: truth, predicted: predicted, height: 3, width: 3) - 6.0 / 8) <= 1e-15)
        #expect(abs(try MapF1.neighbourTolerant(truth: truth, predicted: predicted, height: 3, width: 3, rule: .actualPositive) - 6.0 / 8) <= 1e-15)
        // Truth at (2,2) only, prediction at (1,1) only: no true positive exists, so the default rule
        // keeps the false positive (F1 0) while the actual-positive rule counts it (TP 1, FN 1 → 2/3).
        let t2: [Double] = [0, 0, 0, 0, 0, 0, 0, 0, 1], p2: [Double] = [0, 0, 0, 0, 1, 0, 0, 0, 0]
        #expect(try MapF1.neighbourTolerant(truth: t2, predicted: p2, height: 3, width: 3) == 0)
        #expect(abs(try MapF1.neighbourTolerant(truth: t2, predicted: p2, height: 3, width: 3, rule: .actualPositive) - 2.0 / 3) <= 1e-15)
        // Never across samples: two 1×2 maps, truth at sample 0's last cell, prediction at sample 1's
        // first cell (adjacent in memory, not in space) stays a false positive.
        let stackedTruth: [Double] = [0, 1, 0, 0], stackedPred: [Double] = [0, 0, 1, 0]
        #expect(try MapF1.neighbourTolerant(truth: stackedTruth, predicted: stackedPred, height: 1, width: 2,
                                            rule: .actualPositive) == 0)
    }

    @Test func thresholdChosenOnValidationIsAppliedToTest() throws {
        let validation = try ClassificationFixture.load().cases[2]
        let test = try ClassificationFixture.load().cases[3]
        let choice = try ThresholdSweep.choose(validationLabels: validation.labels, validationScores: validation.scores)
        let best = try ThresholdSweep.sweep(labels: validation.labels, scores: validation.scores).map(\.confusion.f1).max()
        #expect(choice.validationScore == best)
        let onTest = try choice.evaluate(testLabels: test.labels, testScores: test.scores)
        #expect(onTest == (try ConfusionMatrix(labels: test.labels, scores: test.scores, threshold: choice.threshold)))
    }

    @Test func badInputsThrowTypedErrors() {
        #expect(throws: MetricsError.thresholdOutOfRange(1.5)) { try ConfusionMatrix(labels: [0, 1], scores: [0, 1], threshold: 1.5) }
        #expect(throws: MetricsError.thresholdOutOfRange(-0.1)) { try ConfusionMatrix(labels: [0, 1], scores: [0, 1], threshold: -0.1) }
        #expect(throws: MetricsError.lengthMismatch(what: "scores", expected: 2, got: 1)) { try Metrics.rocAUC(labels: [0, 1], scores: [0.3]) }
        #expect(throws: MetricsError.empty(what: "labels")) { try Metrics.averagePrecision(labels: [], scores: []) }
        #expect(throws: MetricsError.nonFinite(what: "scores", index: 1)) { try Metrics.rocAUC(labels: [0, 1], scores: [0.2, .nan]) }
        #expect(throws: MetricsError.singleClass(present: 1)) { try Metrics.rocAUC(labels: [1, 1], scores: [0.2, 0.4]) }
        #expect(throws: MetricsError.singleClass(present: 0)) { try Metrics.averagePrecision(labels: [0, 0], scores: [0.2, 0.4]) }
        #expect(throws: MetricsError.notBinary(index: 0, value: 2)) { try Metrics.brierScore(labels: [2], probabilities: [0.5]) }
        #expect(throws: MetricsError.self) { try Metrics.reliabilityBins(labels: [1], probabilities: [0.5], bins: 0) }
        #expect(throws: MetricsError.self) { try MapF1.perSample(truth: [1, 0, 0], predicted: [1, 0, 0], height: 2, width: 2) }
        #expect(throws: MetricsError.self) { try Metrics.regressionSummary([1, 2], [1, .nan]) }
        #expect(MetricsError.thresholdOutOfRange(1.5).description.contains("1.5"))
    }
}
