import CrimeCore
import CrimeGeo
import Foundation
import CrimeEval

/// What the hot-spot report shows beyond the scores.
public struct HotspotReportOptions: Sendable {
    /// Buckets to draw patrol plans for ("Saturday Late Night").
    public var queries: [String]
    /// Cells per patrol plan.
    public var patrolCells: Int
    /// Planner rules (spacing, group caps).
    public var planner: PatrolPlanner
    /// Buckets whose mean load is the resource baseline (weekday day shifts).
    public var baselineBuckets: [String]
    /// Buckets whose mean ratio the summary states (weekend late nights).
    public var focusBuckets: [String]
    /// Rows of the worst-cells table.
    public var worstCells: Int

    /// Creates options.
    public init(queries: [String], patrolCells: Int = 10, planner: PatrolPlanner = PatrolPlanner(),
                baselineBuckets: [String], focusBuckets: [String], worstCells: Int = 10) {
        self.queries = queries
        self.patrolCells = patrolCells
        self.planner = planner
        self.baselineBuckets = baselineBuckets
        self.focusBuckets = focusBuckets
        self.worstCells = worstCells
    }
}

/// The headline numbers of a written hot-spot report.
public struct HotspotSummary: Sendable, Codable, Equatable {
    /// A patrol plan's coverage.
    public struct Plan: Sendable, Codable, Equatable {
        public var query: String
        public var cells: Int
        public var cellShare: Double
        public var expectedCovered: Double
        public var expectedShare: Double
    }
    /// Which cells were studied (``HotspotResult/studyArea``).
    public struct Area: Sendable, Codable, Equatable {
        /// The rule that kept the cells: "boundary" or "around incidents (1 ring)".
        public var rule: String
        /// The cells kept.
        public var cells: Int
        /// The cells of the training incidents' bounding box, for comparison.
        public var boxCells: Int

        /// A study area of `cells` cells kept by `rule`, against `boxCells` in the box.
        public init(rule: String, cells: Int, boxCells: Int) {
            self.rule = rule
            self.cells = cells
            self.boxCells = boxCells
        }
    }
    /// The study area, when ``HotspotPipeline`` chose the cells.
    public var studyArea: Area?
    /// Scores of every model and baseline (``HotspotResult/scores``).
    public var scores: [ForecastScore]
    /// The fitted model (not baseline) with the lowest MAE.
    public var bestModel: String
    /// The method, model or baseline, with the lowest MAE (``HotspotResult/leader``).
    public var leader: String
    /// One entry per query.
    public var plans: [Plan]
    /// Mean ratio of the focus buckets' forecast load to the baseline buckets' forecast load.
    public var focusRatio: Double
    /// The same ratio from the incidents observed in the test period.
    public var observedFocusRatio: Double
    /// The files written, relative to the output folder.
    public var files: [String]
}

/// Writes a hot-spot study's report into a folder: `report.html` (scores, residual map, worst
/// cells, patrol plans with maps, resource ratios), plus SVG maps, GeoJSON, CSV and `summary.json`.
public enum HotspotReport {
    /// Writes every file and returns the summary (also written as `summary.json`).
    @discardableResult
    public static func write(_ result: HotspotResult, index: some SpatialIndex, options: HotspotReportOptions,
                             title: String, to folder: URL) throws -> HotspotSummary {
        let data = result.data
        let best = result.bestModel
        var files: [String] = []
        func save(_ text: String, _ name: String) throws {
            try OutputFile.write(text, to: folder.appendingPathComponent(name))
            files.append(name)
        }
        try OutputFolder.create(folder)
        var report = HTMLReport(title: title)
        report.add(.paragraph("Counts per cell × day-of-week × shift bucket. Models are fitted on \(data.trainDays.lowerBound)…\(data.trainDays.upperBound) (exclusive) and scored on \(data.testDays.lowerBound)…\(data.testDays.upperBound) (exclusive): \(data.cells.count) cells × \(data.buckets.count) buckets = \(data.rowCount) rows. Features: \(result.featureNames.joined(separator: ", ")). Every model stands beside naive baselines built from the training period only."))
        if let area = result.studyArea { report.add(.paragraph(studyAreaSentence(area))) }
        report.add(.heading("Accuracy on the test period"))
        let share = String(format: "%.0f%%", 100 * HotspotStudy.areaShare)
        report.add(.paragraph("MAE, RMSE and R² score every (cell, bucket) count. The hit rate, PAI and PEI score the forecast as a patrol map: in each day-of-week × shift bucket the cells with the highest forecast are flagged until they cover \(share) of the study area, and the incidents they capture, the area they cover and the most incidents that much area could have held are summed over the buckets. The hit rate is the share of all test incidents captured, PAI the hit rate divided by the area share, PEI the captured incidents divided by the most capturable."))
        let scores = result.scoreTable()
        report.add(.table(scores))
        try save(scores.csv(), "scores.csv")

        let residuals = try result.cellResiduals(of: best)
        let b = data.buckets.count
        let observed = data.cells.indices.map { c in (0..<b).reduce(0) { $0 + data.test[c * b + $1] } }
        let observedMap = try ChoroplethMap(index: index, cells: data.cells, values: observed,
                                            title: "Observed incidents per cell, test period", legendTitle: "incidents")
        let residualMap = try ChoroplethMap(index: index, cells: data.cells, values: residuals,
                                            title: "Residuals of \(best) (observed − forecast)", legendTitle: "residual",
                                            ramp: .diverging)
        try save(observedMap.svg(), "observed-map.svg")
        try save(residualMap.svg(), "residual-map.svg")
        try save(GeoJSONFeatures(index: index, cells: data.cells) { c in
            [("observed", .number(observed[c])), ("residual", .number(residuals[c]))]
        }.serialized(), "residuals.geojson")
        let forecastTotal = try result.forecast(of: best).reduce(0, +), observedTotal = data.test.reduce(0, +)
        report.add(.heading("Where the model misses"))
        report.add(.paragraph(String(format: "Over the test period the cells recorded %.0f incidents against %.0f forecast by %@ (%+.1f%%): a city-wide change between the periods (a trend) shows as residuals of one sign everywhere.",
                                     observedTotal, forecastTotal, best, forecastTotal > 0 ? 100 * (observedTotal / forecastTotal - 1) : 0)))
        report.add(.figure(svg: observedMap.svg(), caption: "Observed incidents per cell over the test period."))
        report.add(.figure(svg: residualMap.svg(), caption: "Observed minus forecast per cell, summed over buckets: red where \(best) predicted too little, blue where too much."))
        let worst = try result.worstCells(of: best, count: options.worstCells)
        report.add(.paragraph("The cells \(best) misses most:"))
        report.add(.table(worst))
        try save(worst.csv(), "worst-cells.csv")

        report.add(.heading("Patrol plans"))
        var plans: [HotspotSummary.Plan] = []
        for query in options.queries {
            let candidates = try result.candidates(for: query, model: best)
            let plan = try options.planner.plan(candidates, budget: .cells(min(options.patrolCells, candidates.count)))
            let slug = query.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
            let map = try plan.map(index: index, candidates: candidates, title: "Patrol plan: \(query), \(plan.selections.count) cells")
            try save(map.svg(), "patrol-\(slug).svg")
            try save(plan.geoJSON(index: index).serialized(), "patrol-\(slug).geojson")
            try save(plan.table().csv(), "patrol-\(slug).csv")
            report.add(.paragraph(String(format: "%@: %d cells (%.1f%% of the area) cover %.1f of %.1f expected incidents (%.1f%%).",
                                         query, plan.selections.count, 100 * plan.cellShare, plan.coveredExpected,
                                         plan.cityExpected, 100 * plan.coveredShare)))
            report.add(.figure(svg: map.svg(), caption: "Forecast for \(query) by \(best); the patrol cells are outlined."))
            report.add(.table(plan.table()))
            plans.append(.init(query: query, cells: plan.selections.count, cellShare: plan.cellShare,
                               expectedCovered: plan.coveredExpected, expectedShare: plan.coveredShare))
        }

        report.add(.heading("Resources by time window"))
        let ratios = try result.resourceRatios(model: best, baseline: options.baselineBuckets)
        let focus = try ratios.meanRatio(of: options.focusBuckets)
        let observedFocus = try result.observedResourceRatios(baseline: options.baselineBuckets).meanRatio(of: options.focusBuckets)
        report.add(.paragraph(String(format: "%@ carry %.2f× the forecast load of the mean of %@ (observed in the test period: %.2f×).",
                                     options.focusBuckets.joined(separator: " and "), focus,
                                     options.baselineBuckets.joined(separator: ", "), observedFocus)))
        report.add(.table(ratios.table()))
        try save(ratios.table().csv(), "resource-ratios.csv")

        let summary = HotspotSummary(
            studyArea: result.studyArea.map { .init(rule: ruleName($0.rule), cells: $0.cells.count, boxCells: $0.boxCellCount) },
            scores: result.scores,
            bestModel: best, leader: result.leader, plans: plans, focusRatio: focus, observedFocusRatio: observedFocus, files: files + ["report.html", "summary.json"])
        try save(report.html(), "report.html")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try save(String(decoding: try encoder.encode(summary), as: UTF8.self), "summary.json")
        return summary
    }

    /// Which cells the report covers, by which rule, against the bounding box.
    static func studyAreaSentence(_ area: StudyAreaSelection) -> String {
        let kept: String
        switch area.rule {
        case .boundary: kept = "whose centre lies inside the boundary"
        case let .aroundIncidents(rings):
            kept = "holding an incident of the training period, with their neighbours up to \(rings) ring\(rings == 1 ? "" : "s")"
        }
        return "The study area: the \(area.cells.count) cells \(kept), against \(area.boxCellCount) cells in the training incidents' bounding box (a box's cells beyond the city, over water or empty land, would add easy zeros and dilute the area shares). Every score, map, patrol plan and area share uses the kept cells."
    }

    /// The rule's name in `summary.json`.
    static func ruleName(_ rule: StudyAreaSelection.Rule) -> String {
        switch rule {
        case .boundary: return "boundary"
        case let .aroundIncidents(rings): return "around incidents (\(rings) ring\(rings == 1 ? "" : "s"))"
        }
    }
}
