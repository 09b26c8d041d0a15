/// A chronological cut of window ordinals into a training, an optional validation and a test part:
/// every ordinal of a part comes before every ordinal of the next, so nothing from the future of a
/// part is used to fit or tune it.
///
/// The ordinals are whatever the caller cuts: the windows of a cube or feature table, the target
/// weeks of a sequence model's samples, or its forecast origins. A split is made by count (the last
/// n windows for testing), by fraction, by local date, or as the folds of a rolling-origin backtest
/// (``rollingOrigins(windows:initialWindows:horizon:step:maximumTrainingWindows:)``).
public struct TemporalSplit: Sendable, Equatable {
    /// Ordinals to fit on, ascending.
    public let train: [Int]
    /// Ordinals to tune on (thresholds, early stopping), ascending; empty when the split has none.
    public let validation: [Int]
    /// Ordinals to score on, ascending.
    public let test: [Int]

    /// The given parts.
    ///
    /// - Throws: ``TemporalSplitError`` when the training or test part is empty, a part is not
    ///   strictly ascending, or a part does not end before the next begins.
    public init(train: [Int], validation: [Int] = [], test: [Int]) throws {
        guard !train.isEmpty else { throw TemporalSplitError.badParameter(name: "train", reason: "needs at least one window") }
        guard !test.isEmpty else { throw TemporalSplitError.badParameter(name: "test", reason: "needs at least one window") }
        for (name, part) in [("train", train), ("validation", validation), ("test", test)] {
            guard zip(part, part.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw TemporalSplitError.notChronological("the \(name) windows are not strictly ascending")
            }
        }
        let ordered = [train, validation, test].filter { !$0.isEmpty }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) {
            guard let end = earlier.last, let start = later.first, end < start else {
                throw TemporalSplitError.notChronological("a part reaches into the windows of the part after it")
            }
        }
        (self.train, self.validation, self.test) = (train, validation, test)
    }

    /// By count: of the distinct `windows` in time order, the last `testCount` for testing, the
    /// `validationCount` before them for validation and the rest for training.
    ///
    /// - Throws: ``TemporalSplitError/tooFewWindows(needed:have:)`` unless at least one training
    ///   window remains.
    public init(windows: some Sequence<Int>, validationCount: Int = 0, testCount: Int) throws {
        guard testCount >= 1 else { throw TemporalSplitError.badParameter(name: "testCount", reason: "must be at least 1, got \(testCount)") }
        guard validationCount >= 0 else {
            throw TemporalSplitError.badParameter(name: "validationCount", reason: "must not be negative, got \(validationCount)")
        }
        try self.init(sorted: Array(Set(windows)).sorted(), validationCount: validationCount, testCount: testCount)
    }

    /// By fraction: of the `n` distinct `windows` in time order, the last `round(n × testFraction)`
    /// (at least 1) for testing, the `round(n × validationFraction)` before them (at least 1 unless
    /// the fraction is 0) for validation and the rest for training.
    ///
    /// - Throws: ``TemporalSplitError`` when a fraction is outside [0, 1) (the test fraction must be
    ///   positive), the fractions sum to 1 or more, or too few windows leave a part empty.
    public init(windows: some Sequence<Int>, validationFraction: Double = 0, testFraction: Double) throws {
        guard testFraction > 0, validationFraction >= 0, validationFraction + testFraction < 1 else {
            throw TemporalSplitError.badParameter(name: "fractions", reason: "must be a positive test fraction and a non-negative validation fraction summing below 1, got \(testFraction) and \(validationFraction)")
        }
        let sorted = Array(Set(windows)).sorted()
        let parts = validationFraction > 0 ? 3 : 2
        guard sorted.count >= parts else { throw TemporalSplitError.tooFewWindows(needed: parts, have: sorted.count) }
        let n = Double(sorted.count)
        let testCount = max(1, Int((n * testFraction).rounded()))
        let validationCount = validationFraction > 0 ? max(1, Int((n * validationFraction).rounded())) : 0
        try self.init(sorted: sorted, validationCount: validationCount, testCount: testCount)
    }

    /// By local date: train on the windows starting in `[trainFrom, validationFrom ?? testFrom)`,
    /// validate on `[validationFrom, testFrom)` and test on `[testFrom, testUntil)` (e.g. train on
    /// 2023, test on 2024).
    ///
    /// - Throws: ``WindowError/needsSequentialWindows(_:)`` for day-of-week buckets;
    ///   ``TemporalSplitError`` when the dates leave the training or test part empty.
    public init(windows: WindowSpan, trainFrom: LocalDay, validationFrom: LocalDay? = nil, testFrom: LocalDay,
                testUntil: LocalDay) throws {
        let train = try windows.ordinals(from: trainFrom, until: validationFrom ?? testFrom)
        let validation = try validationFrom.map { try windows.ordinals(from: $0, until: testFrom) } ?? 0..<0
        try self.init(train: Array(train), validation: Array(validation),
                      test: Array(try windows.ordinals(from: testFrom, until: testUntil)))
    }

    /// Parts cut from sorted distinct windows by count.
    private init(sorted: [Int], validationCount: Int, testCount: Int) throws {
        let n = sorted.count
        guard testCount + validationCount < n else {
            throw TemporalSplitError.tooFewWindows(needed: testCount + validationCount + 1, have: n)
        }
        (train, validation, test) = (Array(sorted[..<(n - testCount - validationCount)]),
                                     Array(sorted[(n - testCount - validationCount)..<(n - testCount)]),
                                     Array(sorted[(n - testCount)...]))
    }

    /// Parts already known to be chronological.
    private init(checkedTrain train: [Int], test: [Int]) {
        (self.train, validation, self.test) = (train, [], test)
    }

    /// The folds of a rolling-origin evaluation over the distinct `windows` in time order: the first
    /// origin is the window at position `initialWindows`; each fold trains on the windows before its
    /// origin (all of them, or the latest `maximumTrainingWindows`) and tests on the `horizon` windows
    /// from it (fewer at the end); the next origin is `step` windows later (default: `horizon`).
    ///
    /// - Throws: ``TemporalSplitError`` when a count is below 1 or `initialWindows` leaves nothing to test.
    public static func rollingOrigins(windows: some Sequence<Int>, initialWindows: Int, horizon: Int = 1, step: Int? = nil,
                                      maximumTrainingWindows: Int? = nil) throws -> [TemporalSplit] {
        let step = step ?? horizon
        for (name, value) in [("initialWindows", initialWindows), ("horizon", horizon), ("step", step),
                              ("maximumTrainingWindows", maximumTrainingWindows ?? 1)] where value < 1 {
            throw TemporalSplitError.badParameter(name: name, reason: "must be at least 1, got \(value)")
        }
        let sorted = Array(Set(windows)).sorted()
        guard initialWindows < sorted.count else {
            throw TemporalSplitError.tooFewWindows(needed: initialWindows + 1, have: sorted.count)
        }
        var folds = [TemporalSplit]()
        var start = initialWindows
        while start < sorted.count {
            let firstTrain = maximumTrainingWindows.map { max(0, start - $0) } ?? 0
            folds.append(TemporalSplit(checkedTrain: Array(sorted[firstTrain..<start]),
                                       test: Array(sorted[start..<min(start + horizon, sorted.count)])))
            start += step
        }
        return folds
    }

    /// Every `stride`-th training ordinal, counted back from the last so that the freshest is kept
    /// (to bound training time on long series).
    public func thinnedTrain(stride: Int) -> [Int] {
        guard stride > 1 else { return train }
        return train.enumerated().filter { ($0.offset - (train.count - 1)) % stride == 0 }.map(\.element)
    }
}
