import CrimeEval
/// A chronological train/test split of target weeks: every training target precedes every test target,
/// and training-only statistics (feature scaling, district means, the target scale) use the weeks
/// before the first test week.
public struct ChronologicalSplit: Sendable, Equatable {
    /// Target weeks used for fitting (the first `history` weeks have no full window and are skipped).
    public let trainWeeks: [Int]
    /// Target weeks held out, the last `testWeeks` weeks of the series.
    public let testWeeks: [Int]

    /// The last `testWeeks` weeks for testing, the weeks from `history` up to them for training.
    ///
    /// - Throws: ``WeeklyDistrictError/tooFewWeeks(have:need:)`` unless at least one training week remains.
    public init(weekCount: Int, history: Int, testWeeks: Int) throws {
        guard history >= 1, testWeeks >= 1 else {
            throw WeeklyDistrictError.badSetting("history and test weeks must be at least 1, got \(history) and \(testWeeks)")
        }
        let firstTest = weekCount - testWeeks
        guard firstTest > history else { throw WeeklyDistrictError.tooFewWeeks(have: weekCount, need: history + testWeeks + 1) }
        trainWeeks = Array(history..<firstTest)
        self.testWeeks = Array(firstTest..<weekCount)
    }

    /// The first held-out week; statistics may use weeks before it.
    public var firstTestWeek: Int { testWeeks.first ?? 0 }
}
