import CrimeCore
import CrimeModels
import Foundation
import CrimeEval

/// The audit's regression with controls: the log deployment rate on group dummies and the log of
/// each covariate, with HC1 standard errors. Exponentiated group coefficients are rate ratios
/// against the reference group at equal covariates.
///
/// The response is `log((sightings + 0.5) / coverage)`; the half count keeps areas with no sightings
/// in the model (a standard continuity correction) and barely moves areas with many.
public struct DeploymentRegression: Sendable {
    /// The fitted model.
    public let result: OLSResult
    /// Terms, coefficients, HC1 standard errors and rate ratios with 95% intervals.
    public let table: ReportTable
    /// The first group's adjusted rate ratio and its 95% interval.
    public let ratio: Double, low: Double, high: Double
    /// One sentence stating the adjusted ratio.
    public let sentence: String

    /// Fits the model; covariates present in every area are the controls (all must be positive).
    public static func fit(_ areas: [DeploymentArea], reference: String) throws -> DeploymentRegression {
        let groups = Array(Set(areas.map(\.group))).sorted()
        guard groups.contains(reference) else { throw DisparityError.unknownGroup(reference) }
        let others = groups.filter { $0 != reference }
        guard !others.isEmpty else { throw DisparityError.tooFewGroups(groups.count) }
        let controls = Array(Set(areas.flatMap(\.covariates.keys))).sorted().filter { name in
            areas.allSatisfy { $0.covariates[name] != nil }
        }
        for name in controls {
            if let bad = areas.first(where: { !(($0.covariates[name] ?? 0) > 0) }) {
                throw DisparityError.invalidValue(what: "\(name) in \(bad.name) (its log is a control)", value: bad.covariates[name] ?? .nan)
            }
        }
        for a in areas where !(a.coverage > 0) { throw DisparityError.noCoverage(group: "area \(a.name)") }
        let names = ["Intercept"] + others.map { "group[T.\($0)]" } + controls.map { "log(\($0))" }
        var values = [Double]()
        for a in areas {
            values.append(1)
            for g in others { values.append(a.group == g ? 1 : 0) }
            for c in controls { values.append(log(a.covariates[c] ?? 1)) }
        }
        let response = areas.map { log(($0.sightings + 0.5) / $0.coverage) }
        let result = try OLS.fit(design: Matrix(rows: areas.count, columns: names.count, values: values),
                                 response: response, termNames: names, responseName: "log_rate")
        let hc1 = try result.inference(.hc1)
        let intervals = hc1.confInt()
        let rows = names.indices.map { k -> [String] in
            let isGroup = k >= 1 && k <= others.count
            return [names[k], String(format: "%.4f", hc1.params[k]), String(format: "%.4f", hc1.bse[k]),
                    String(format: "%.4f", hc1.pvalues[k]),
                    isGroup ? String(format: "%.3f", exp(hc1.params[k])) : "",
                    isGroup ? String(format: "%.3f – %.3f", exp(intervals[k].low), exp(intervals[k].high)) : ""]
        }
        let ratio = exp(hc1.params[1]), low = exp(intervals[1].low), high = exp(intervals[1].high)
        let controlText = controls.isEmpty ? "With no controls" : "Controlling for " + controls.map { "log(\($0))" }.joined(separator: " and ")
        let sentence = String(format: "%@, areas in group %@ see police at %.2f× the rate of group %@ areas (95%% CI %.2f–%.2f, HC1 standard errors, %d areas).",
                              controlText, others[0], ratio, reference, low, high, areas.count)
        return DeploymentRegression(result: result,
                                    table: ReportTable(columns: ["term", "coef", "se (HC1)", "p", "rate ratio", "95% interval"], rows: rows),
                                    ratio: ratio, low: low, high: high, sentence: sentence)
    }
}
