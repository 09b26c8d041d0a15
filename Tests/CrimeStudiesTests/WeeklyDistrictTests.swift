import Foundation
import Testing
import CrimeCore
import CrimeEval
import CrimeStudies

/// The weekly district pipeline of the Chicago CNN-LSTM study, on tiny hand-made series.
@Suite struct WeeklyDistrictTests {
    /// `weeks` weeks, 3 districts, 2×2 images whose pixel p of week w is 10·w + p, one feature equal to
    /// the week number, and district c counting 10·c + w (week 5 of district 0 set to 50).
    func series(weeks: Int = 8) throws -> WeeklyDistrictSeries {
        var counts = [Double]()
        for w in 0..<weeks { for c in 0..<3 { counts.append(Double(10 * c + w)) } }
        counts[5 * 3] = 50
        return try WeeklyDistrictSeries(weekLabels: (0..<weeks).map { "w\($0)" }, districtLabels: ["a", "b", "c"], imageSize: 2,
                                        images: (0..<weeks).flatMap { w in (0..<4).map { Float(10 * w + $0) } },
                                        counts: counts, featureNames: ["x"], features: (0..<weeks).map(Double.init))
    }

    @Test func windowsSeeThePreviousWeeksInOrder() throws {
        let s = try series()
        let scaling = try s.featureScaler(weeks: 0..<4)
        #expect(scaling.mean == [1.5])
        #expect(abs(scaling.scale[0] - 1.25.squareRoot()) < 1e-12)
        let samples = try s.inputs(history: 3, targetWeeks: [3, 5], scaler: scaling)
        #expect(samples.images.shape == [2, 3, 1, 2, 2])
        #expect(samples.socio.shape == [2, 3, 1])
        // Sample 0 sees weeks 0, 1, 2; sample 1 sees weeks 2, 3, 4.
        #expect(samples.images[0, 0, 0, 0, 0] == 0)
        #expect(samples.images[0, 2, 0, 1, 1] == 23)
        #expect(samples.images[1, 0, 0, 0, 1] == 21)
        #expect(samples.images[1, 2, 0, 1, 0] == 42)
        #expect(abs(samples.socio[1, 2, 0] - Float((4 - 1.5) / 1.25.squareRoot())) < 1e-6)
        #expect(try s.counts(weeks: [3, 5]) == [3, 13, 23, 50, 15, 25])
        // The week after the series has inputs but no target.
        #expect(try s.inputs(history: 3, targetWeeks: [8], scaler: scaling).images.shape[0] == 1)
        #expect(throws: WeeklyDistrictError.weekOutOfRange(week: 2, weeks: 8)) {
            try s.inputs(history: 3, targetWeeks: [2], scaler: scaling)
        }
        #expect(throws: WeeklyDistrictError.self) { try s.counts(weeks: [8]) }
    }

    @Test func chronologicalSplitHasNoLeakage() throws {
        var study = WeeklyDistrictStudy()
        (study.history, study.testWeeks) = (3, 4)
        let split = try study.split(weekCount: 10)
        #expect(split.train == [3, 4, 5])
        #expect(split.test == [6, 7, 8, 9])
        #expect(split.test.first == 6)
        // Every training window (inputs and target) ends before the first test target.
        #expect((split.train.max() ?? 99) < (split.test.first ?? 0))
        #expect(throws: WeeklyDistrictError.tooFewWeeks(have: 7, need: 8)) { try study.split(weekCount: 7) }
        study.history = 0
        #expect(throws: WeeklyDistrictError.self) { try study.split(weekCount: 10) }
    }

    @Test func baselinesByHand() throws {
        let s = try series()
        // Season of 4 weeks: week 3 has no week −1, so it falls back to week 2; week 6 uses week 2.
        #expect(try s.oneStepForecasts(.seasonalNaive(period: 4), weeks: [3, 6]) == [2, 12, 22, 2, 12, 22])
        #expect(try s.oneStepForecasts(.previousWindow, weeks: [6]) == [50, 15, 25])
        // Means over weeks 4..<6: district 0 (4 + 50)/2, district 1 (14 + 15)/2, district 2 (24 + 25)/2.
        #expect(try s.forecast(.historicalAverage, history: 4..<6, weeks: [6, 7]) == [27, 14.5, 24.5, 27, 14.5, 24.5])
        #expect(throws: WeeklyDistrictError.self) { try s.forecast(.historicalAverage, history: 0..<9, weeks: [9]) }
    }

    @Test func scoresByHand() throws {
        // Two weeks of two districts; truth 1, 3 / 5, 7 (mean 4, variance 5).
        let truth: [Double] = [1, 3, 5, 7]
        let perfect = try WeeklyDistrictStudy.score(model: "p", truth: truth, predicted: truth, districts: 2)
        #expect(perfect.regression?.mse == 0 && perfect.regression?.r2 == 1 && perfect.varianceRatio == 1 && perfect.withinCellVarianceRatio == 1)
        // Each district's mean: errors ±2 everywhere, MSE 4, R² 1 − 4/5; pooled prediction variance 1;
        // no weekly movement at all.
        let means = try WeeklyDistrictStudy.score(model: "m", truth: truth, predicted: [3, 5, 3, 5], districts: 2)
        #expect(means.regression?.mse == 4)
        #expect(abs(try #require(means.regression).r2 - 0.2) < 1e-12)
        #expect(means.varianceRatio == 0.2)
        #expect(means.withinCellVarianceRatio == 0)
        #expect(throws: WeeklyDistrictError.self) { try WeeklyDistrictStudy.score(model: "x", truth: truth, predicted: [1], districts: 2) }
    }

    @Test func heatmapsCountPixelsNorthUp() throws {
        let zone = try ZoneClock(identifier: "America/Chicago")
        let windows = try WindowSpan(.sequential(.weekly, zone: zone), from: LocalDay("2024-01-01"), until: LocalDay("2024-01-15"))
        let box = BoundingBox(minLatitude: 41, minLongitude: -88, maxLatitude: 42, maxLongitude: -87)
        let monday = try LocalDay("2024-01-01").start(in: zone)
        // Week 0: two incidents in the north-west pixel, one in the south-east; week 1: one outside the box.
        let images = try WeeklyHeatmaps.images(latitudes: [41.9, 41.8, 41.1, 43], longitudes: [-87.9, -87.6, -87.2, -87.5],
                                               times: [monday + 3600, monday + 7200, monday + 9000, monday + 8 * 86_400],
                                               windows: windows, bounds: box, size: 2)
        #expect(images.count == 8)
        #expect(images[0] == log1p(2))
        #expect(images[3] == log1p(1))
        #expect(images[1] == 0 && images[2] == 0)
        #expect(images[4...].allSatisfy { $0 == 0 })
        #expect(throws: WeeklyDistrictError.self) {
            try WeeklyHeatmaps.images(latitudes: [41], longitudes: [], times: [0], windows: windows, bounds: box, size: 2)
        }
    }

    @Test func wholeWeeksDropPartialEnds() throws {
        let zone = try ZoneClock(identifier: "America/Chicago")
        // From Wednesday 2024-01-03 to Monday 2024-01-29 noon: whole weeks start 2024-01-08 and end
        // 2024-01-29 (the week of the 29th has only its first day).
        let times = [try LocalDay("2024-01-03").start(in: zone) + 3600, try LocalDay("2024-01-29").start(in: zone) + 43_200]
        let span = try WeeklyDistrictSeries.wholeWeeks(covering: times, zone: zone)
        #expect(span.labels.count == 3)
        #expect(span.boundaries.first == (try LocalDay("2024-01-08")).start(in: zone))
        #expect(span.boundaries.last == (try LocalDay("2024-01-29")).start(in: zone))
    }

    @Test func seriesRejectsMismatchedArrays() throws {
        #expect(throws: WeeklyDistrictError.lengthMismatch(what: "counts", expected: 6, got: 5)) {
            try WeeklyDistrictSeries(weekLabels: ["a", "b"], districtLabels: ["x", "y", "z"], imageSize: 1, images: [0, 0],
                                     counts: [0, 0, 0, 0, 0], featureNames: [], features: [])
        }
    }

    @Test func studyRunsEndToEndOnATinySeries() throws {
        let s = try series(weeks: 12)
        var study = WeeklyDistrictStudy()
        study.history = 2
        study.testWeeks = 3
        study.channels = [2]
        study.hidden = 3
        study.denseUnits = 3
        study.options.epochs = 2
        study.options.batchSize = 4
        let result = try study.run(s)
        #expect(result.scores.map(\.model).first == "CNN-LSTM")
        #expect(result.scores.count == 4)
        #expect(result.training.epochs.count == 2)
        #expect(result.nextWeek.count == 3 && result.nextWeek.allSatisfy { $0.isFinite && $0 >= 0 })
        #expect(result.testTruth == (try s.counts(weeks: [9, 10, 11])))
        #expect(result.predictionTable().rows.count == 9)
        #expect(result.scoreTable().rows.count == 4)
    }
}
