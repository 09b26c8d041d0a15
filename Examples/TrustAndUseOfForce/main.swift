import ArgumentParser
import CrimeCore
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
/// TrustAndUseOfForce article of the CrimeStudies catalog,
/// `Sources/CrimeStudies/CrimeStudies.docc/TrustAndUseOfForce.md`, for building it from the Met's
/// use-of-force and public attitude survey releases).
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
        let result = try TrustStudy(trees: quick ? 50 : 300, seed: seed).run(table)
        for regression in result.regressions {
            print(regression.specification.title.padding(toLength: 26, withPad: " ", startingAt: 0)
                  + String(format: "R² %.3f  ", regression.fit.rsquared) + regression.effect.sentence)
        }
        let evaluation = result.forecast
        print(String(format: "\nNext-quarter forecast on the last 4 quarters (%d rows): forest R² %.3f, MAE %.4f; persistence R² %.3f, MAE %.4f",
                     evaluation.testRows, evaluation.r2, evaluation.mae, evaluation.persistenceR2, evaluation.persistenceMAE))
        let rings = Dictionary(uniqueKeysWithValues: zip(layout.names, layout.rings))
        if try !TrustReport.write(result, rings: rings, to: URL(fileURLWithPath: out)) {
            print("(no borough geometry for these names; the dashboard map is skipped)")
        }
        print("Report: \(out)/report.html")
    }
}
