import CrimeCore
import Foundation
import CrimeEval

/// Writes a ``WeeklyDistrictResult`` as `report.html` (headline table, loss curve, map of next week's
/// forecast, the study's caveats), `test_predictions.csv` and `next_week.csv`.
public enum WeeklyDistrictReport {
    /// Writes the report into `folder` (created if needed); districts are drawn from `index`.
    public static func write(_ result: WeeklyDistrictResult, index: some SpatialIndex, title: String,
                             dataNote: String, to folder: URL) throws {
        try OutputFolder.create(folder)
        var report = HTMLReport(title: title)
        let series = result.series
        report.add(.paragraph(dataNote))
        report.add(.paragraph("\(series.weekCount) weeks × \(series.districtCount) districts; each sample sees \(series.imageSize)×\(series.imageSize) weekly crime images and \(series.featureCount) weekly features (\(series.featureNames.joined(separator: ", "))) for the previous weeks and predicts next week's count per district. Training targets: weeks \(series.weekLabels[result.split.train.first ?? 0]) to \(series.weekLabels[result.split.train.last ?? 0]); test: the last \(result.split.test.count) weeks, from \(series.weekLabels[result.split.test.first ?? 0])."))
        report.add(.heading("Next-week counts on the held-out weeks"))
        report.add(.table(result.scoreTable()))
        report.add(.paragraph("R² pools all (week, district) pairs, so most of it comes from telling busy districts from quiet ones; the weekly variance ratio asks whether a forecast follows each district's ups and downs (0 for a model that predicts a constant per district, 1 for one that moves as much as the truth). The study reported R² 0.20 and found its CNN-LSTM regressing to the mean: its predictions varied far less than the counts did."))

        let epochs = result.training.epochs
        var lines = [LineChart.Series(name: "training loss", x: epochs.map { Double($0.epoch) }, y: epochs.map(\.trainingLoss))]
        let validation = epochs.compactMap { e in e.validationLoss.map { (Double(e.epoch), $0) } }
        if !validation.isEmpty {
            lines.append(LineChart.Series(name: "validation loss", x: validation.map(\.0), y: validation.map(\.1)))
        }
        if !epochs.isEmpty {
            let chart = LineChart(frame: ChartFrame(title: "CNN-LSTM training loss", xLabel: "epoch",
                                                    yLabel: "MSE on counts ÷ \(String(format: "%.1f", result.targetScale)) (+ L2)"),
                                  series: lines)
            report.add(.figure(svg: try chart.svg(), caption: "Loss per epoch (mean squared error of scaled counts plus the L2 penalty)."))
        }

        if !series.cells.isEmpty {
            let d = series.districtCount
            let lastWeek = series.weekCount - 1
            let areas = try series.cells.enumerated().map { c, cell in
                ChoroplethMap.Area(label: index.label(of: cell), rings: [try index.boundary(of: cell)], value: result.nextWeek[c],
                                   details: [("last week observed", String(format: "%.0f", series.counts[lastWeek * d + c]))])
            }
            let map = ChoroplethMap(title: "CNN-LSTM forecast for the week after \(series.weekLabels[lastWeek])",
                                    legendTitle: "predicted incidents", areas: areas)
            report.add(.figure(svg: map.svg(), caption: "Predicted incidents per district next week; hover for last week's count."))
        }
        report.add(.heading("Caveats"))
        report.add(.paragraph("A low R² at the district-week level is expected: weekly counts are noisy, and a model trained on squared error is pulled towards each district's average. Forecasts learned from recorded crime inherit how it was recorded and where police looked; acting on them can send more patrols to the same places, record more crime there and confirm the forecast (a feedback loop). Read them as a description of past records, not of where crime will happen."))
        try report.write(to: folder.appendingPathComponent("report.html"))
        try OutputFile.write(result.predictionTable().csv(), to: folder.appendingPathComponent("test_predictions.csv"))
        try OutputFile.write(result.nextWeekTable().csv(), to: folder.appendingPathComponent("next_week.csv"))
    }
}
