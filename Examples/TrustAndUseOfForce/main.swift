import ArgumentParser
import CrimeCore
import CrimeEval
import CrimeModels
import Foundation
import CrimeSynthetic
import CrimeStudies

/// The use-of-force and public-trust study: OLS regressions of survey trust on use-of-force counts,
/// outcomes and subject age groups per borough and quarter (with log-log elasticities), a random
/// forest forecast of next quarter's trust, and a borough dashboard of the forecast.
///
/// With no arguments it runs on a synthetic 32-borough panel with a planted elasticity;
/// `--data FILE` reads a panel CSV with the columns the synthetic one has (see the
/// TrustAndUseOfForce article in Docs/ for building it from the Met's use-of-force and public
/// attitude survey releases).
@main
struct TrustAndUseOfForce: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "TrustAndUseOfForce", abstract: "Use of force and public trust per borough and quarter.")

    @Option(name: .long, help: "A borough × quarter panel CSV (borough, quarter, use_of_force, arrest_share, injury_share, age_* counts, trust).")
    var data: String?
    @Option(name: .long, help: "Folder for the report.")
    var out = "trust-and-use-of-force"
    @Flag(name: .long, help: "A small, fast run (12 quarters, 50 trees).")
    var quick = false
    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    func run() throws {
        let layout = try SyntheticAreaLayout(rows: 4, columns: 8, bounds: BoundingBox(minLatitude: 51.29, minLongitude: -0.51,
                                                                                       maxLatitude: 51.69, maxLongitude: 0.33),
                                             jitter: 0.6, seed: seed)
        let csvText: String
        if let data {
            csvText = try String(contentsOfFile: data, encoding: .utf8)
        } else {
            let panel = try SyntheticTrustPanel(boroughs: layout.names, quarters: quick ? 12 : 28, seed: seed)
            csvText = panel.csv()
            print("synthetic: \(layout.names.count) boroughs × \(quick ? 12 : 28) quarters; planted elasticity \(panel.elasticity)\n")
        }
        let table = try DataTable(csv: csvText, file: data ?? "synthetic panel")

        var report = HTMLReport(title: "Use of force and public trust")
        let formulas = [
            ("Count", "trust ~ use_of_force"),
            ("Outcomes", "trust ~ arrest_share + injury_share"),
            ("Age groups", "trust ~ age_11_17 + age_18_34 + age_35_49 + age_50_plus"),
            ("Log-log", "log(trust) ~ log(use_of_force)"),
            ("Log-log, borough effects", "log(trust) ~ log(use_of_force) + injury_share + C(borough)"),
        ]
        report.add(.heading("Regressions"))
        report.add(.paragraph("Caveats, as in the study: \(table.rowCount) borough-quarters from a few dozen boroughs are a small, observational sample; the age-group counts add up to the use-of-force count, so those regressors are collinear (see their variance inflation factors below) and their separate coefficients are unstable; trust is itself a survey estimate with sampling error. Associations here are not effects of policy."))
        for (title, formula) in formulas {
            let fit = try OLS.fit(formula: formula, data: table)
            let term = fit.termNames.first { $0.contains("use_of_force") } ?? fit.termNames[min(1, fit.termNames.count - 1)]
            let effect = try fit.effect(of: term)
            print(title.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "R² %.3f  ", fit.rsquared) + effect.sentence)
            report.add(.paragraph("\(title): \(formula). \(effect.sentence)"))
            if formula.contains("C(borough)") { continue }
            if title == "Age groups" {
                let vifs = zip(fit.termNames, fit.vif).filter { $0.0 != "Intercept" }
                    .map { String(format: "%@ %.1f", $0.0, $0.1) }.joined(separator: ", ")
                report.add(.paragraph("Variance inflation factors: \(vifs)."))
            }
            report.add(.preformatted(try fit.summary(covariance: .hc1)))
        }

        let panel = try trustPanel(table)
        let forest = RandomForestRegressor(trees: quick ? 50 : 300, minSamplesLeaf: 3, maxFeatures: .fraction(0.5), seed: seed)
        let lastPeriod = panel.periods.max() ?? 0
        let evaluation = try PanelForecast.evaluate(forest, panel: panel, testFrom: lastPeriod - 4)
        print(String(format: "\nNext-quarter forecast on the last 4 quarters (%d rows): forest R² %.3f, MAE %.4f; persistence R² %.3f, MAE %.4f",
                     evaluation.testRows, evaluation.r2, evaluation.mae, evaluation.persistenceR2, evaluation.persistenceMAE))
        report.add(.heading("Forecasting next quarter"))
        report.add(.table(ReportTable(columns: ["model", "R2", "MAE"], rows: [
            ["random forest", String(format: "%.3f", evaluation.r2), String(format: "%.4f", evaluation.mae)],
            ["persistence (last quarter)", String(format: "%.3f", evaluation.persistenceR2), String(format: "%.4f", evaluation.persistenceMAE)],
        ])))

        let latest = Dictionary(panel.units.indices.map { (panel.units[$0], (panel.periods[$0], panel.target[$0])) },
                                uniquingKeysWith: { $0.0 > $1.0 ? $0 : $1 })
        let rings = Dictionary(uniqueKeysWithValues: zip(layout.names, layout.rings))
        let areas = evaluation.nextPeriod.compactMap { next -> ChoroplethMap.Area? in
            guard let ring = rings[next.unit] else { return nil }
            return ChoroplethMap.Area(label: next.unit, rings: [ring], value: 100 * next.forecast,
                                      details: [("last quarter", String(format: "%.1f%%", 100 * (latest[next.unit]?.1 ?? .nan)))])
        }
        if areas.isEmpty {
            print("(no borough geometry for these names; the dashboard map is skipped)")
        } else {
            let map = ChoroplethMap(title: "Predicted trust next quarter (%)", legendTitle: "% trusting", areas: areas)
            report.add(.figure(svg: map.svg(), caption: "Forecast share of residents who trust the police, per borough; hover for last quarter's survey."))
        }
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try report.write(to: folder.appendingPathComponent("report.html"))
        let forecastCSV = ReportTable(columns: ["borough", "forecast_trust"],
                                      rows: evaluation.nextPeriod.map { [$0.unit, String(format: "%.4f", $0.forecast)] })
        try Data(forecastCSV.csv().utf8).write(to: folder.appendingPathComponent("forecast.csv"), options: .atomic)
        print("Report: \(out)/report.html")
    }

    /// The panel for forecasting: trust by borough and quarter with use of force (log), outcome shares and age shares.
    private func trustPanel(_ table: DataTable) throws -> Panel {
        func numbers(_ name: String) throws -> [Double] {
            guard case let .numeric(values)? = table.column(name) else { throw ValidationError("the panel needs a numeric column '\(name)'") }
            return values
        }
        guard case let .text(boroughs)? = table.column("borough") else { throw ValidationError("the panel needs a text column 'borough'") }
        let uof = try numbers("use_of_force")
        let ages = try ["age_11_17", "age_18_34", "age_35_49", "age_50_plus"].map { name in
            Panel.Predictor(name: "share_\(name)", values: zip(try numbers(name), uof).map { $1 > 0 ? $0 / $1 : 0 })
        }
        return try Panel(units: boroughs, periods: try numbers("quarter").map { Int($0) }, target: try numbers("trust"),
                         predictors: [Panel.Predictor(name: "log_use_of_force", values: uof.map { log(max($0, 1)) }),
                                      Panel.Predictor(name: "arrest_share", values: try numbers("arrest_share")),
                                      Panel.Predictor(name: "injury_share", values: try numbers("injury_share"))] + ages)
    }
}
