import CrimeCore
import CrimeModels
import CrimeTestSupport
import Foundation
import Testing

/// Forests, boosting and neural training report their progress in order, end at their total, and fit
/// exactly the same model with or without a handler.
@Suite struct ProgressReportingTests {
    /// 300 rows of 3 uniform features with y = x₀ + 2x₁ + noise, and y's sign as a class label.
    func table() -> (x: Matrix, y: [Double], labels: [Double]) {
        var g = SeededGenerator(seed: 7)
        let values = (0..<900).map { _ in g.nextUniform() }
        let y = (0..<300).map { values[3 * $0] + 2 * values[3 * $0 + 1] + 0.1 * g.nextUniform() }
        return (Matrix(rows: 300, columns: 3, values: values), y, y.map { $0 > 1.5 ? 1 : 0 })
    }

    /// The counts a step reported, after checking its name, unit and that every event carries `total`.
    func counts(_ events: [ProgressEvent], step: String, unit: String, total: Int) -> [Int] {
        #expect(events.allSatisfy { $0.step == step && $0.unit == .items(unit) && $0.total == total })
        return events.map(\.completed)
    }

    @Test func forestCountsTreesFromEveryThread() throws {
        let (x, y, labels) = table()
        var plain = RandomForestRegressor(trees: 24, maxFeatures: .fraction(0.5), seed: 3, threads: 4)
        var watched = plain
        let events = LockedRecorder<ProgressEvent>()
        watched.progress = { events.add($0) }
        try plain.fit(x, targets: y)
        try watched.fit(x, targets: y)
        #expect(counts(events.values, step: "forest", unit: "trees", total: 24) == Array(0...24))
        #expect(try watched.predict(x) == (try plain.predict(x)))

        var classifier = RandomForestClassifier(trees: 9, seed: 3, threads: 3)
        let plainClasses = try { var c = classifier; try c.fit(x, targets: labels); return try c.predictProbability(x) }()
        let classEvents = LockedRecorder<ProgressEvent>()
        classifier.progress = { classEvents.add($0) }
        try classifier.fit(x, targets: labels)
        #expect(counts(classEvents.values, step: "forest", unit: "trees", total: 9) == Array(0...9))
        #expect(try classifier.predictProbability(x) == plainClasses)
    }

    @Test func boostingCountsIterations() throws {
        let (x, y, _) = table()
        var plain = GradientBoostingRegressor(maxIterations: 15, earlyStopping: .off, seed: 2)
        var watched = plain
        let events = LockedRecorder<ProgressEvent>()
        watched.progress = { events.add($0) }
        try plain.fit(x, targets: y)
        try watched.fit(x, targets: y)
        #expect(counts(events.values, step: "boosting", unit: "iterations", total: 15) == Array(0...15))
        #expect(try watched.predict(x) == (try plain.predict(x)))
    }

    /// An early stop ends with one more event whose total is lowered to the trees kept.
    @Test func earlyStoppedBoostingEndsAtTheTreesKept() throws {
        let (x, y, _) = table()
        var model = GradientBoostingRegressor(learningRate: 0.5, maxIterations: 500, earlyStopping: .on, seed: 2)
        let events = LockedRecorder<ProgressEvent>()
        model.progress = { events.add($0) }
        try model.fit(x, targets: y)
        let seen = events.values
        let kept = model.iterationCount
        #expect(kept < 500, "the test needs an early stop")
        #expect(seen.dropLast().map(\.completed) == Array(0...kept))
        #expect(seen.dropLast().allSatisfy { $0.total == 500 })
        #expect(seen.last?.completed == kept)
        #expect(seen.last?.total == kept)
    }

    /// Sequences [n, 3, 2] whose target is their first feature's mean.
    func sequences() throws -> (Tensor, Tensor) {
        var g = SeededGenerator(seed: 11)
        let x = (0..<(24 * 6)).map { _ in Float(g.nextUniform() - 0.5) }
        let y = (0..<24).map { i in (0..<3).reduce(Float(0)) { $0 + x[i * 6 + $1 * 2] } / 3 }
        return (try Tensor(shape: [24, 3, 2], values: x), try Tensor(shape: [24, 1], values: y))
    }

    @Test func trainingCountsEpochsBesideTheEpochCallback() throws {
        let (x, y) = try sequences()
        var plain = try LSTMForecaster(features: 2, hidden: 3, seed: 5)
        plain.options.epochs = 6
        plain.options.batchSize = 5
        plain.options.loss = .meanSquaredError
        var watched = plain
        let events = LockedRecorder<ProgressEvent>()
        watched.options.progress = { events.add($0) }
        try plain.fit(x, targets: y)
        try watched.fit(x, targets: y)
        let seen = events.values
        #expect(counts(seen, step: "training", unit: "epochs", total: 6) == Array(0...6))
        #expect(seen.dropFirst().map(\.detail) == watched.history.epochs.map { String(format: "loss %.4g", $0.trainingLoss) })
        #expect(watched.parameters == plain.parameters)
    }

    @Test func earlyStoppedTrainingEndsAtTheEpochsRun() throws {
        let (x, y) = try sequences()
        var model = try LSTMForecaster(features: 2, hidden: 3, seed: 5)
        model.options.epochs = 200
        model.options.batchSize = 4
        model.options.learningRate = 0.3
        model.options.validationFraction = 0.25
        model.options.earlyStoppingPatience = 2
        model.options.loss = .meanSquaredError
        let events = LockedRecorder<ProgressEvent>()
        model.options.progress = { events.add($0) }
        try model.fit(x, targets: y)
        let run = model.history.epochs.count
        #expect(run < 200, "the test needs an early stop")
        let seen = events.values
        #expect(seen.dropLast().map(\.completed) == Array(0...run))
        #expect(seen.last?.completed == run)
        #expect(seen.last?.total == run)
        #expect(seen[1].detail?.contains("validation") == true)
    }
}
