import CrimeCore
import CrimeGeo
import Foundation
import CrimeEval

/// Writes the mobility study's outputs: `report.html` (the table, an F1 bar chart, the neural models'
/// loss curves and a map of predicted probabilities for one test tile) and `scores.csv`.
public enum MobilityReport {
    /// Writes the report into `folder` (created if needed) and returns the HTML file's URL.
    @discardableResult
    public static func write(_ result: MobilityResult, grid: RegularGrid, tiles: [GridTile], title: String,
                             notes: [String] = [], to folder: URL) throws -> URL {
        try OutputFolder.create(folder)
        let table = result.table()
        var report = HTMLReport(title: title)
        let counts = result.sampleCounts
        report.add(.paragraph("Each sample is a 16 × 16 tile of 0.2 km² cells; the target is whether each cell sees at least one incident in the next 12-hour window. Samples (tiles × origins): \(counts.train) for training, \(counts.validation) for validation (thresholds and early stopping), \(counts.test) for testing, in time order. "
            + String(format: "%.1f%% of test cells are positive.", 100 * result.testPositiveRate)))
        for note in notes { report.add(.paragraph(note)) }
        report.add(.heading("Test scores at thresholds chosen on validation"))
        report.add(.table(table))
        let bars = BarChart(frame: ChartFrame(title: "F1 on the test windows", xLabel: "model · channels · history", yLabel: "F1"),
                            labels: result.runs.map { "\($0.model.rawValue) · \($0.channels.rawValue) · \($0.history)" },
                            values: result.runs.map { $0.score.classification?.confusion.f1 ?? 0 })
        report.add(.figure(svg: try bars.svg(), caption: "Pooled F1 of every run."))
        // The neural runs of the example map's channel set and history, so the chart stays legible.
        let shown = result.runs.filter { run in
            !run.epochs.isEmpty && result.exampleRun.map { run.channels == $0.channels && run.history == $0.history } ?? true
        }
        let curves = shown.flatMap { run -> [LineChart.Series] in
            let name = "\(run.model.rawValue) \(run.channels.rawValue) h\(run.history)"
            let x = run.epochs.map { Double($0.epoch) }
            var series = [LineChart.Series(name: "\(name) train", x: x, y: run.epochs.map(\.trainingLoss))]
            let held = run.epochs.compactMap(\.validationLoss)
            if held.count == x.count { series.append(LineChart.Series(name: "\(name) validation", x: x, y: held)) }
            return series
        }
        if !curves.isEmpty {
            let chart = LineChart(frame: ChartFrame(title: "Loss per epoch", xLabel: "epoch", yLabel: "weighted BCE"), series: curves)
            report.add(.figure(svg: try chart.svg(), caption: "Training and validation loss per epoch (the models' training history) of the neural models with the example map's channels and history."))
        }
        if let map = result.exampleMap, let run = result.exampleRun, tiles.indices.contains(map.tile) {
            let tile = tiles[map.tile]
            var cells: [CellID] = [], values: [Double] = []
            var truth: Set<CellID> = []
            for (p, cell) in tile.cells.enumerated() {
                guard let cell else { continue }
                cells.append(cell)
                values.append(map.probabilities[p])
                if map.truth[p] > 0 { truth.insert(cell) }
            }
            let choropleth = try ChoroplethMap(index: grid, cells: cells, values: values,
                                               title: "Predicted probability, tile \(tile.tileRow),\(tile.tileColumn), window \(map.origin + 1)",
                                               legendTitle: "P(≥1 crime)", highlighted: truth)
            report.add(.figure(svg: choropleth.svg(), caption: String(format: "%@ (%@, history %d); outlined cells had an incident; the validation threshold is %.2f.",
                                                                     run.model.rawValue, run.channels.rawValue, run.history, map.threshold)))
        }
        let url = folder.appendingPathComponent("report.html")
        try report.write(to: url)
        try OutputFile.write(table.csv(), to: folder.appendingPathComponent("scores.csv"))
        return url
    }
}
