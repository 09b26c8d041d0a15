import ArgumentParser
import CrimeCore
import CrimeEval
import CrimeModels
import Foundation
import CrimeSynthetic
import CrimeStudies

/// The police-deployment disparity study: where police are observed (dashcam sightings per frame)
/// against neighbourhood demographics and income. Rates by majority group and by income tertile with
/// cluster-bootstrap intervals, and an OLS of the log rate with income and density as controls.
///
/// With no arguments it runs on synthetic neighbourhoods with a planted 1.5× disparity that is
/// confounded with income, and shows that the adjusted estimate recovers it. `--data FILE` reads a
/// CSV with columns `name,sightings,coverage,group,income,density` (see the DeploymentDisparities
/// article in Docs/ for building it from dashcam data).
@main
struct DeploymentDisparities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "DeploymentDisparities", abstract: "Police deployment disparities from dashcam sightings.")

    @Option(name: .long, help: "Per-neighbourhood CSV: name,sightings,coverage,group,income,density.")
    var data: String?
    @Option(name: .long, help: "The reference group of the comparison (default: A for the synthetic data).")
    var reference = "A"
    @Option(name: .long, help: "Folder for the report.")
    var out = "deployment-disparities"
    @Flag(name: .long, help: "A small, fast run (fewer neighbourhoods and bootstrap replicates).")
    var quick = false
    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    func run() throws {
        let replicates = quick ? 400 : 4000
        var rings: [String: [GeoPoint]] = [:]
        let areas: [DeploymentArea]
        if let data {
            areas = try DeploymentTable.read(URL(fileURLWithPath: data))
        } else {
            let layout = try SyntheticAreaLayout(rows: quick ? 8 : 14, columns: quick ? 10 : 16,
                                                 bounds: BoundingBox(minLatitude: 40.57, minLongitude: -74.04,
                                                                     maxLatitude: 40.88, maxLongitude: -73.75),
                                                 jitter: 0.6, seed: seed)
            var config = SyntheticDeploymentConfig()
            config.seed = seed
            let synthetic = SyntheticDeploymentArea.generate(names: layout.names, config: config)
            areas = synthetic.map {
                DeploymentArea(name: $0.name, sightings: $0.sightings, coverage: $0.frames, group: $0.majority,
                               covariates: ["income": $0.medianIncome, "density": $0.density])
            }
            rings = Dictionary(uniqueKeysWithValues: zip(layout.names, layout.rings))
            print("synthetic: \(areas.count) neighbourhoods; planted rate ratio B / A = \(config.plantedRatio) at equal income\n")
        }

        let byGroup = try DisparityAudit(areas: areas)
        let groupTable = try comparisonTable(byGroup, reference: reference, replicates: replicates)
        print("Police sightings per 1,000 frames by majority group (reference \(reference)):")
        print(groupTable.text())

        let tertiles = try DeploymentArea.quantileGroups(areas.map { $0.covariates["income"] ?? .nan }, count: 3)
        let byIncome = try DisparityAudit(areas: zip(areas, tertiles).map { area, q in
            var a = area
            a.group = "income \(q)"
            return a
        })
        let incomeTable = try comparisonTable(byIncome, reference: "income Q3", replicates: replicates)
        print("By income tertile (Q1 poorest; reference Q3):")
        print(incomeTable.text())

        let model = try DeploymentRegression.fit(areas, reference: reference)
        print(model.sentence)
        print("")

        var report = HTMLReport(title: "Police deployment disparities")
        report.add(.paragraph("Sightings of police vehicles per 1,000 dashcam frames, pooled by group, with \(replicates) cluster-bootstrap replicates over neighbourhoods (95% percentile intervals)."))
        report.add(.paragraph("Caveats: dashcam coverage is not random (drivers go where riders are), so rates are per frame, not per hour; detections have their own errors; the comparisons and the regression are associations, and because income and group are correlated the adjusted ratio depends on the controls chosen."))
        report.add(.heading("By majority group"))
        report.add(.table(groupTable))
        report.add(.heading("By income tertile"))
        report.add(.table(incomeTable))
        report.add(.heading("Controlling for income and density"))
        report.add(.paragraph(model.sentence))
        report.add(.table(model.table))
        if !rings.isEmpty {
            let map = ChoroplethMap(title: "Police sightings per 1,000 frames", legendTitle: "rate", areas: areas.map { a in
                ChoroplethMap.Area(label: a.name, rings: [rings[a.name] ?? []], value: 1000 * a.rate,
                                   details: [("majority", a.group), ("income", displayIncome(a.covariates["income"]))])
            })
            report.add(.figure(svg: map.svg(), caption: "Deployment rate per neighbourhood; hover for group and income."))
        }
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try report.write(to: folder.appendingPathComponent("report.html"))
        try Data((groupTable.csv()).utf8).write(to: folder.appendingPathComponent("rates-by-group.csv"), options: .atomic)
        try Data((incomeTable.csv()).utf8).write(to: folder.appendingPathComponent("rates-by-income.csv"), options: .atomic)
        print("Report: \(out)/report.html")
    }

    private func comparisonTable(_ audit: DisparityAudit, reference: String, replicates: Int) throws -> ReportTable {
        let rates = try audit.groupRates()
        let comparisons = try audit.compare(to: reference, replicates: replicates, seed: seed)
        return ReportTable(columns: ["group", "areas", "rate per 1000", "ratio", "95% interval"], rows: rates.map { r in
            guard let c = comparisons.first(where: { $0.group == r.group }) else {
                return [r.group, String(r.areas), String(format: "%.3f", 1000 * r.rate), "1 (reference)", ""]
            }
            return [r.group, String(r.areas), String(format: "%.3f", 1000 * r.rate), String(format: "%.3f", c.ratio),
                    String(format: "%.3f – %.3f", c.ratioLow, c.ratioHigh)]
        })
    }

    private func displayIncome(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "unknown" }
        return String(format: "$%.0f", value)
    }
}
