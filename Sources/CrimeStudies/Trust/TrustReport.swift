import CrimeCore
import CrimeEval
import Foundation

/// Writes the trust study's HTML report (regressions, forecast scores, borough dashboard) and
/// `forecast.csv`.
public enum TrustReport {
    /// Writes `report.html` and `forecast.csv` into `folder`, creating it. Boroughs with an outline in
    /// `rings` (keyed by name) are drawn on the dashboard map; returns whether the map was drawn.
    @discardableResult
    public static func write(_ result: TrustStudyResult, rings: [String: [GeoPoint]], to folder: URL) throws -> Bool {
        var report = HTMLReport(title: "Use of force and public trust")
        report.add(.heading("Regressions"))
        report.add(.paragraph("Caveats, as in the study: \(result.rows) borough-quarters from a few dozen boroughs are a small, observational sample; the age-group counts add up to the use-of-force count, so those regressors are collinear (see their variance inflation factors below) and their separate coefficients are unstable; trust is itself a survey estimate with sampling error. Associations here are not effects of policy."))
        for regression in result.regressions {
            let spec = regression.specification
            report.add(.paragraph("\(spec.title): \(spec.formula). \(regression.effect.sentence)"))
            if spec.formula.contains("C(borough)") { continue }
            if spec.title == "Age groups" {
                let vifs = zip(regression.fit.termNames, regression.fit.vif).filter { $0.0 != "Intercept" }
                    .map { String(format: "%@ %.1f", $0.0, $0.1) }.joined(separator: ", ")
                report.add(.paragraph("Variance inflation factors: \(vifs)."))
            }
            report.add(.preformatted(try regression.fit.summary(covariance: .hc1)))
        }
        let evaluation = result.forecast
        report.add(.heading("Forecasting next quarter"))
        report.add(.table(ReportTable(columns: ["model", "R2", "MAE"], rows: [
            ["random forest", String(format: "%.3f", evaluation.r2), String(format: "%.4f", evaluation.mae)],
            ["persistence (last quarter)", String(format: "%.3f", evaluation.persistenceR2), String(format: "%.4f", evaluation.persistenceMAE)],
        ])))
        let panel = result.panel
        let latest = Dictionary(panel.units.indices.map { (panel.units[$0], (panel.periods[$0], panel.target[$0])) },
                                uniquingKeysWith: { $0.0 > $1.0 ? $0 : $1 })
        let areas = evaluation.nextPeriod.compactMap { next -> ChoroplethMap.Area? in
            guard let ring = rings[next.unit] else { return nil }
            return ChoroplethMap.Area(label: next.unit, rings: [ring], value: 100 * next.forecast,
                                      details: [("last quarter", String(format: "%.1f%%", 100 * (latest[next.unit]?.1 ?? .nan)))])
        }
        if !areas.isEmpty {
            let map = ChoroplethMap(title: "Predicted trust next quarter (%)", legendTitle: "% trusting", areas: areas)
            report.add(.figure(svg: map.svg(), caption: "Forecast share of residents who trust the police, per borough; hover for last quarter's survey."))
        }
        try OutputFolder.create(folder)
        try report.write(to: folder.appendingPathComponent("report.html"))
        let forecastCSV = ReportTable(columns: ["borough", "forecast_trust"],
                                      rows: evaluation.nextPeriod.map { [$0.unit, String(format: "%.4f", $0.forecast)] })
        try OutputFile.write(forecastCSV.csv(), to: folder.appendingPathComponent("forecast.csv"))
        return !areas.isEmpty
    }
}
