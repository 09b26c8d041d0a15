import Testing
import CrimeCore

/// The one temporal split type: by count, by fraction, by date and rolling origins.
@Suite struct TemporalSplitTests {
    @Test func byCountTakesTheLastWindows() throws {
        let split = try TemporalSplit(windows: [9, 3, 5, 4, 8, 7, 6, 5], validationCount: 2, testCount: 3)
        #expect(split.train == [3, 4] && split.validation == [5, 6] && split.test == [7, 8, 9])
        let noValidation = try TemporalSplit(windows: 0..<5, testCount: 2)
        #expect(noValidation.train == [0, 1, 2] && noValidation.validation.isEmpty && noValidation.test == [3, 4])
        #expect(throws: TemporalSplitError.tooFewWindows(needed: 6, have: 5)) { try TemporalSplit(windows: 0..<5, validationCount: 2, testCount: 3) }
        #expect(throws: TemporalSplitError.self) { try TemporalSplit(windows: 0..<5, testCount: 0) }
    }

    @Test func byFractionRoundsAndKeepsEveryPart() throws {
        // 10 windows: round(1.5) = 2 for testing, max(1, round(0.4)) = 1 for validation.
        let split = try TemporalSplit(windows: 0..<10, validationFraction: 0.04, testFraction: 0.15)
        #expect(split.train == Array(0..<7) && split.validation == [7] && split.test == [8, 9])
        #expect(try TemporalSplit(windows: 0..<10, testFraction: 0.3).test == [7, 8, 9])
        #expect(throws: TemporalSplitError.tooFewWindows(needed: 3, have: 2)) {
            try TemporalSplit(windows: [1, 2], validationFraction: 0.1, testFraction: 0.1)
        }
        #expect(throws: TemporalSplitError.self) { try TemporalSplit(windows: 0..<10, validationFraction: 0.5, testFraction: 0.5) }
    }

    @Test func byDateCutsAtLocalMidnight() throws {
        let zone = try ZoneClock(identifier: "America/Chicago")
        let days = try WindowSpan(.sequential(.daily, zone: zone), from: LocalDay("2024-03-01"), until: LocalDay("2024-03-21"))
        let split = try TemporalSplit(windows: days, trainFrom: LocalDay("2024-03-01"), validationFrom: LocalDay("2024-03-08"),
                                      testFrom: LocalDay("2024-03-15"), testUntil: LocalDay("2024-03-21"))
        #expect(split.train == Array(0..<7) && split.validation == Array(7..<14) && split.test == Array(14..<20))
        #expect(throws: TemporalSplitError.self) {
            try TemporalSplit(windows: days, trainFrom: LocalDay("2025-01-01"), testFrom: LocalDay("2025-02-01"), testUntil: LocalDay("2025-03-01"))
        }
    }

    @Test func explicitPartsMustBeChronological() throws {
        #expect(try TemporalSplit(train: [0, 2], validation: [3], test: [5]).validation == [3])
        #expect(throws: TemporalSplitError.self) { try TemporalSplit(train: [0, 4], test: [3]) }
        #expect(throws: TemporalSplitError.self) { try TemporalSplit(train: [2, 1], test: [3]) }
        #expect(throws: TemporalSplitError.self) { try TemporalSplit(train: [], test: [3]) }
    }

    @Test func rollingOriginsExpandOrSlide() throws {
        let expanding = try TemporalSplit.rollingOrigins(windows: 0..<10, initialWindows: 4, horizon: 3)
        #expect(expanding.map(\.test) == [[4, 5, 6], [7, 8, 9]])
        #expect(expanding.map(\.train) == [Array(0..<4), Array(0..<7)])
        let sliding = try TemporalSplit.rollingOrigins(windows: [0, 2, 4, 6, 8], initialWindows: 2, horizon: 2, step: 1,
                                                       maximumTrainingWindows: 2)
        #expect(sliding.map(\.train) == [[0, 2], [2, 4], [4, 6]])
        #expect(sliding.map(\.test) == [[4, 6], [6, 8], [8]])
        #expect(throws: TemporalSplitError.tooFewWindows(needed: 11, have: 10)) {
            try TemporalSplit.rollingOrigins(windows: 0..<10, initialWindows: 10)
        }
        #expect(throws: TemporalSplitError.self) { try TemporalSplit.rollingOrigins(windows: 0..<10, initialWindows: 2, step: 0) }
    }

    @Test func thinningKeepsTheFreshestTrainingWindow() throws {
        let split = try TemporalSplit(windows: 0..<12, testCount: 2)
        #expect(split.thinnedTrain(stride: 4) == [1, 5, 9])
        #expect(split.thinnedTrain(stride: 1) == split.train)
    }
}
