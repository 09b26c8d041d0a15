import CrimeCore
import CrimeModels
import CrimeTestSupport
import Dispatch
import Foundation
import Testing

/// Long fits stop at their next check once their `CancellationToken` is cancelled (from another thread) or
/// the task they run in is, throw `CancellationError` and leave the model unfitted.
@Suite struct CancellationTests {
    /// 300 rows of 3 uniform features with y = x₀ + 2x₁ + noise.
    func table() -> (x: Matrix, y: [Double]) {
        var g = SeededGenerator(seed: 7)
        let values = (0..<900).map { _ in g.nextUniform() }
        let y = (0..<300).map { values[3 * $0] + 2 * values[3 * $0 + 1] + 0.1 * g.nextUniform() }
        return (Matrix(rows: 300, columns: 3, values: values), y)
    }

    /// A token that a thread of its own cancels once `started` is signalled. A `Thread`, not a Dispatch work
    /// item: on two cores the tests running beside this one can hold every Dispatch worker until the fit
    /// has ended, and the cancel would come too late.
    func tokenCancelled(after started: DispatchSemaphore) -> CancellationToken {
        let token = CancellationToken()
        Thread {
            started.wait()
            token.cancel()
        }.start()
        return token
    }

    @Test func aCancelledTokenStopsEveryFitBeforeItStarts() throws {
        let (x, y) = table()
        let token = CancellationToken()
        token.cancel()
        #expect(token.isCancelled)
        let events = LockedRecorder<ProgressEvent>()
        var forest = RandomForestRegressor(trees: 10, seed: 1)
        try forest.fit(x, targets: y)
        forest.cancellation = token
        forest.progress = { events.add($0) }
        #expect(throws: CancellationError.self) { try forest.fit(x, targets: y) }
        #expect(!forest.isFitted)
        var classifier = RandomForestClassifier(trees: 10, seed: 1)
        classifier.cancellation = token
        #expect(throws: CancellationError.self) { try classifier.fit(x, targets: y.map { $0 > 1.5 ? 1 : 0 }) }
        #expect(!classifier.isFitted)
        var boosting = GradientBoostingRegressor(maxIterations: 10)
        boosting.cancellation = token
        boosting.progress = { events.add($0) }
        #expect(throws: CancellationError.self) { try boosting.fit(x, targets: y) }
        #expect(!boosting.isFitted)
        #expect(events.values.isEmpty)
    }

    /// The cancelling thread may be scheduled late on a loaded machine, so the test asks only that the fit
    /// stops short of its end, not how soon.
    @Test func aForestStopsEarlyOnACancelFromAnotherThread() throws {
        let (x, y) = table()
        let started = DispatchSemaphore(value: 0)
        var forest = RandomForestRegressor(trees: 20_000, maxFeatures: .fraction(0.5), seed: 1, threads: 2)
        forest.cancellation = tokenCancelled(after: started)
        let grown = LockedRecorder<Int>()
        forest.progress = { event in
            grown.add(event.completed)
            if event.completed == 3 { started.signal() }
        }
        #expect(throws: CancellationError.self) { try forest.fit(x, targets: y) }
        #expect(!forest.isFitted)
        let trees = grown.values.max() ?? 0
        #expect(trees >= 3 && trees < 20_000, "\(trees) trees grown")
    }

    @Test func boostingStopsEarlyOnACancelFromAnotherThread() throws {
        let (x, y) = table()
        let started = DispatchSemaphore(value: 0)
        var model = GradientBoostingRegressor(maxIterations: 50_000, minSamplesLeaf: 5, earlyStopping: .off)
        model.cancellation = tokenCancelled(after: started)
        let fitted = LockedRecorder<Int>()
        model.progress = { event in
            fitted.add(event.completed)
            if event.completed == 3 { started.signal() }
        }
        #expect(throws: CancellationError.self) { try model.fit(x, targets: y) }
        #expect(!model.isFitted)
        let iterations = fitted.values.max() ?? 0
        #expect(iterations >= 3 && iterations < 50_000, "\(iterations) iterations")
    }

    @Test func trainingStopsEarlyAndKeepsTheWeightsItHad() throws {
        let (x, y) = try NNTrainingTests().task(samples: 48, seed: 3)
        var model = try LSTMForecaster(features: 2, hidden: 4, seed: 2)
        let initial = model.parameters
        let started = DispatchSemaphore(value: 0)
        model.options.epochs = 100_000
        model.options.batchSize = 8
        model.options.cancellation = tokenCancelled(after: started)
        let epochs = LockedRecorder<Int>()
        model.options.progress = { event in
            epochs.add(event.completed)
            if event.completed == 2 { started.signal() }
        }
        #expect(throws: CancellationError.self) { try model.fit(x, targets: y) }
        #expect(model.parameters == initial)
        #expect(model.history.epochs.isEmpty)
        let run = epochs.values.max() ?? 0
        #expect(run >= 2 && run < 100_000, "\(run) epochs")
    }

    @Test func aCancelledTaskStopsAForest() async throws {
        let (x, y) = table()
        let task = Task {
            while !Task.isCancelled { await Task.yield() }
            var forest = RandomForestRegressor(trees: 50, seed: 1)
            try forest.fit(x, targets: y)
            return forest.treeCount
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
