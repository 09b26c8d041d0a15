import CrimeCore
import CrimeEval
import Foundation

/// Writes the deployment study's HTML report and its CSV tables.
public enum DeploymentReport {
    /// Writes `report.html`, `rates-by-group.csv` and `rates-by-income.csv` into `folder`, creating it.
    /// Neighbourhoods with a ring in `rings` (keyed by area name) are drawn on a choropleth map.
    public static func write(_ result: DeploymentStudyResult, rings: [String: [GeoPoint]] = [:], to folder: URL) throws {
        var report = HTMLReport(title: "Police deployment disparities")
        report.add(.paragraph("Sightings of police vehicles per 1,000 dashcam frames, pooled by group, with \(result.replicates) cluster-bootstrap replicates over neighbourhoods (95% percentile intervals)."))
        report.add(.paragraph("Caveats: dashcam coverage is not random (drivers go where riders are), so rates are per frame, not per hour; detections have their own errors; the comparisons and the regression are associations, and because income and group are correlated the adjusted ratio depends on the controls chosen."))
        report.add(.heading("By majority group"))
        report.add(.table(result.byGroup))
        report.add(.heading("By income tertile"))
        report.add(.table(result.byIncome))
        report.add(.heading("Controlling for income and density"))
        report.add(.paragraph(result.regression.sentence))
        report.add(.table(result.regression.table))
        if !rings.isEmpty {
            let map = ChoroplethMap(title: "Police sightings per 1,000 frames", legendTitle: "rate", areas: result.areas.map { a in
                ChoroplethMap.Area(label: a.name, rings: [rings[a.name] ?? []], value: 1000 * a.rate,
                                   details: [("majority", a.group), ("income", displayIncome(a.covariates["income"]))])
            })
            report.add(.figure(svg: map.svg(), caption: "Deployment rate per neighbourhood; hover for group and income."))
        }
        try OutputFolder.create(folder)
        try report.write(to: folder.appendingPathComponent("report.html"))
        try OutputFile.write(result.byGroup.csv(), to: folder.appendingPathComponent("rates-by-group.csv"))
        try OutputFile.write(result.byIncome.csv(), to: folder.appendingPathComponent("rates-by-income.csv"))
    }

    private static func displayIncome(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "unknown" }
        return String(format: "$%.0f", value)
    }
}
