import CrimeCore
import CrimeEval
import CrimeForecast
import Foundation

/// Writes what a ``ForecastComparison`` found: `report.html` (the backtest table, the leader's forecast
/// map with the patrol plan outlined, the plan and its exposure audit), `summary.json` (naming the
/// leader and the rule that chose it), `backtest.csv`, and the leader's `forecast.csv`,
/// `forecast.geojson` and `forecast.svg`.
public enum ForecastComparisonReport {
    /// The rule the leader is chosen by, as printed and written to `summary.json`.
    public static let leaderRule = "highest mean PAI at 5 % of the area over the rolling origins (the oracle excluded)"

    /// The backtest table: per method PAI, hit rate and PEI at 5 %, MAE, deviance, the share of the
    /// oracle's PAI@5 % (when there is one) and fit seconds.
    public static func table(_ result: ForecastComparisonResult, oracle: String = "oracle") throws -> ReportTable {
        try table(result.backtest, leader: result.leader, oracle: oracle)
    }

    /// The same table for any backtest; `leader` (if any) is marked.
    public static func table(_ b: ForecastBacktestResult, leader: String?, oracle: String = "oracle") throws -> ReportTable {
        let hasOracle = b.methods.contains { $0.name == oracle }
        return ReportTable(columns: ["method", "PAI@5%", "hit@5%", "PEI@5%", "MAE", "deviance", "oracle share", "fit s"],
                           rows: try b.methods.map { m in
            [m.name + (m.name == leader ? " (leader)" : ""),
             format(try b.mean(of: .pai(0.05), method: m.name)), format(try b.mean(of: .hitRate(0.05), method: m.name)),
             format(try b.mean(of: .pei(0.05), method: m.name)), format(try b.mean(of: .mae, method: m.name)),
             format(try b.mean(of: .deviance, method: m.name)),
             hasOracle ? format(try b.share(of: .pai(0.05), method: m.name, reference: oracle)) : "–",
             String(format: "%.2f", m.origins.reduce(0) { $0 + $1.fitSeconds })]
        })
    }

    /// The exposure audit's rates per group: the share of each group's cells the plan patrols.
    public static func exposureTable(_ result: ForecastComparisonResult) throws -> ReportTable? {
        guard !result.exposure.isEmpty else { return nil }
        let rates = try DisparityAudit(areas: result.exposure).groupRates()
        return ReportTable(columns: ["group", "neighbourhoods", "cells", "cells patrolled", "share patrolled"], rows: rates.map { r in
            [r.group, String(r.areas), String(format: "%.0f", r.coverage), String(format: "%.0f", r.sightings), String(format: "%.1f%%", 100 * r.rate)]
        })
    }

    /// Writes the report and its data into `folder`, creating it; returns the report's URL.
    @discardableResult
    public static func write(_ result: ForecastComparisonResult, title: String, dataNote: String, to folder: URL) throws -> URL {
        try OutputFolder.create(folder)
        try result.forecast.write(to: folder)
        let scores = try table(result)
        try OutputFile.write(scores.csv(), to: folder.appendingPathComponent("backtest.csv"))
        let plan = result.plan, forecast = result.forecast
        var report = HTMLReport(title: title)
        report.add(.paragraph(dataNote))
        report.add(.heading("Which method, judged on the past year"))
        report.add(.paragraph("Each method was fitted on the history before each of \(result.backtest.methods.first?.origins.count ?? 0) rolling origins and forecast the next window; the scores are means over the origins. PAI is the share of incidents in the flagged 5 % of the area divided by 0.05; PEI is PAI over the best PAI that area could have had. The leader is the method with the \(leaderRule)."))
        report.add(.table(scores))
        report.add(.heading("Next window: \(forecast.span.labels[0]) (\(result.leader))"))
        let chosen = plan.cells
        let map = ChoroplethMap(title: "Expected incidents, \(forecast.span.labels[0])", legendTitle: "expected",
                                areas: (0..<forecast.cells.count).map { c in
                                    ChoroplethMap.Area(label: forecast.cells.labels[c], rings: [forecast.cells.boundaries[c]],
                                                       value: forecast.window(0)[c], highlighted: chosen.contains(forecast.cells.ids[c]))
                                })
        report.add(.figure(svg: map.svg(), caption: "The leader's forecast per cell; outlined: the \(plan.selections.count) cells of the patrol plan."))
        report.add(.paragraph(String(format: "The plan's %d cells cover %.1f%% of the area and %.1f%% of the incidents expected next window.",
                                     plan.selections.count, 100 * result.planArea, 100 * plan.coveredShare)))
        if let exposure = try exposureTable(result) {
            report.add(.heading("Whom the plan sends police to"))
            report.add(.paragraph("The share of each group's cells (by the majority group of the neighbourhood a cell's centre lies in) that the plan patrols. A plan that follows past incidents follows past policing too; read a gap here beside the data's own history."))
            report.add(.table(exposure))
        }
        let url = folder.appendingPathComponent("report.html")
        try report.write(to: url)
        try writeSummary(result, to: folder.appendingPathComponent("summary.json"))
        return url
    }

    /// `summary.json`: the leader, the rule, each method's pooled scores, the forecast and the plan.
    static func writeSummary(_ result: ForecastComparisonResult, to url: URL) throws {
        let b = result.backtest
        var methods: [JSONValue] = []
        for m in b.methods {
            var fields: [(String, JSONValue)] = [("name", .string(m.name))]
            for (key, measure) in [("pai05", ForecastBacktestResult.Measure.pai(0.05)), ("hit_rate05", .hitRate(0.05)),
                                   ("pei05", .pei(0.05)), ("mae", .mae), ("deviance", .deviance)] {
                let v = try b.mean(of: measure, method: m.name)
                fields.append((key, v.isFinite ? .number(v) : .null))
            }
            methods.append(.object(fields))
        }
        let summary = JSONValue.object([
            ("leader", .string(result.leader)), ("leader_rule", .string(leaderRule)),
            ("origins", .number(Double(b.methods.first?.origins.count ?? 0))), ("methods", .array(methods)),
            ("forecast_window", .string(result.forecast.span.labels[0])),
            ("forecast_expected_total", .number(result.forecast.window(0).reduce(0, +))),
            ("plan_cells", .number(Double(result.plan.selections.count))), ("plan_area_share", .number(result.planArea)),
            ("plan_expected_share", .number(result.plan.coveredShare)),
        ])
        try OutputFile.write(summary.serialized(), to: url)
    }

    static func format(_ v: Double) -> String { v.isFinite ? String(format: "%.3f", v) : "–" }
}
