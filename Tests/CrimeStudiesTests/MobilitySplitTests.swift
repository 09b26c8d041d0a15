import Foundation
import Testing
import CrimeCore
import CrimeEval
@testable import CrimeStudies

/// The chronological split and the validation-only threshold of the mobility study.
@Suite struct MobilitySplitTests {
    @Test func partsAreChronologicalAndDisjoint() throws {
        var study = MobilityStudy()
        (study.validationFraction, study.testFraction) = (0.15, 0.15)
        let split = try study.split(origins: Array((27..<127).reversed()))
        #expect(split.train.count == 70 && split.validation.count == 15 && split.test.count == 15)
        #expect(Set(split.train).isDisjoint(with: split.validation) && Set(split.validation).isDisjoint(with: split.test))
        #expect(Set(split.train + split.validation + split.test) == Set(27..<127))
        // Every target (origin + 1) of a part comes before every target of the next part.
        #expect(try #require(split.train.max()) + 1 < (try #require(split.validation.min())) + 1)
        #expect(try #require(split.validation.max()) < (try #require(split.test.min())))
        #expect(split.train == split.train.sorted())
        let thin = split.thinnedTrain(stride: 3)
        #expect(thin.last == split.train.last && thin.count == 24 && zip(thin, thin.dropFirst()).allSatisfy { $1 - $0 == 3 })
    }

    @Test func tooFewOriginsOrBadFractionsThrow() {
        var study = MobilityStudy()
        #expect(throws: MobilityError.notEnoughWindows(needed: 3, available: 2)) { try study.split(origins: [1, 2]) }
        (study.validationFraction, study.testFraction) = (0.6, 0.5)
        #expect(throws: MobilityError.self) { try study.split(origins: Array(0..<10)) }
    }

    @Test func thresholdComesFromValidationOnly() throws {
        let validationLabels: [Double] = [1, 0, 1, 0, 0, 0, 1, 0]
        let validationScores: [Double] = [0.9, 0.1, 0.7, 0.2, 0.3, 0.1, 0.65, 0.6]
        let testLabels: [Double] = [1, 1, 0, 0, 0, 0, 0, 0]
        let scoreA = try MobilityStudy.score(model: "a", validationLabels: validationLabels, validationScores: validationScores,
                                             testLabels: testLabels, testScores: [0.8, 0.5, 0.1, 0, 0, 0, 0, 0], size: 2)
        let scoreB = try MobilityStudy.score(model: "b", validationLabels: validationLabels, validationScores: validationScores,
                                             testLabels: testLabels, testScores: [0.1, 0.1, 0.9, 0, 0, 0, 0, 0], size: 2)
        let a = try #require(scoreA.classification), b = try #require(scoreB.classification)
        // Validation F1 peaks for thresholds in (0.6, 0.65]; the lowest candidate there is 0.61.
        #expect(a.threshold == 0.61 && b.threshold == 0.61)
        #expect(a.confusion.precision == 1 && a.confusion.recall == 0.5 && abs(a.confusion.f1 - 2.0 / 3) < 1e-12)
        #expect(b.confusion.f1 == 0)
        // Two 2 × 2 maps: the first scores F1 2/3, the second has no positives either way (0).
        #expect(abs(try #require(scoreA.perSampleF1) - 1.0 / 3) < 1e-12)
        // The false negative at (0, 1) is not tolerated; only false positives are.
        #expect(abs(try #require(scoreA.tolerantF1) - 1.0 / 3) < 1e-12)
    }
}
