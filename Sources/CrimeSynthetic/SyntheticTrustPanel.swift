import CrimeCore
import Foundation

/// One borough × quarter of a synthetic use-of-force and public-trust panel.
public struct SyntheticTrustRow: Sendable, Equatable {
    /// The borough.
    public var borough: String
    /// Quarter ordinal from 0.
    public var quarter: Int
    /// Quarter label, `2019Q1`.
    public var quarterLabel: String
    /// Use-of-force incidents recorded in the quarter.
    public var useOfForce: Int
    /// Of those, incidents ending in arrest.
    public var arrests: Int
    /// Of those, incidents in which the subject was injured.
    public var injuries: Int
    /// Subjects aged 11–17, 18–34, 35–49 and 50 or over.
    public var ages: [Int]
    /// Share of survey respondents who trust the police, in (0, 1).
    public var trust: Double
}

/// A synthetic borough × quarter panel whose survey trust falls with use of force through a
/// planted log-log elasticity, with borough effects and persistence so next quarter is predictable.
public struct SyntheticTrustPanel: Sendable {
    /// The age groups of ``SyntheticTrustRow/ages``.
    public static let ageGroups = ["age_11_17", "age_18_34", "age_35_49", "age_50_plus"]

    /// The rows, borough by borough, quarters in order.
    public let rows: [SyntheticTrustRow]
    /// The planted elasticity of trust with respect to use of force.
    public let elasticity: Double
    /// The planted change of log trust per unit share of incidents with an injury.
    public let injuryEffect: Double

    /// Draws `quarters` quarters from `firstYear` Q1 for each borough.
    public init(boroughs: [String], quarters: Int, firstYear: Int = 2017, elasticity: Double = -0.08,
                injuryEffect: Double = -0.3, seed: UInt64) throws {
        guard !boroughs.isEmpty, quarters >= 2 else { throw SyntheticLayoutError.badShape(rows: boroughs.count, columns: quarters) }
        var rng = SeededGenerator(seed: seed)
        var rows = [SyntheticTrustRow]()
        for borough in boroughs {
            let (g1, g2) = rng.nextGaussianPair()
            let scale = 120 * exp(0.6 * g1)                 // the borough's typical use of force per quarter
            let baseline = log(0.72) + 0.06 * g2            // its log trust at typical use of force
            var shock = 0.0
            for q in 0..<quarters {
                let (g3, g4) = rng.nextGaussianPair()
                let season = 1 + 0.1 * sin(Double(q) * .pi / 2)
                let uof = max(1, rng.nextPoisson(mean: scale * season * exp(0.25 * g3)))
                let arrests = (0..<uof).reduce(0) { n, _ in n + (rng.nextUniform() < 0.45 ? 1 : 0) }
                let injuries = (0..<uof).reduce(0) { n, _ in n + (rng.nextUniform() < 0.12 ? 1 : 0) }
                var ages = [0, 0, 0, 0]
                for _ in 0..<uof {
                    let u = rng.nextUniform()
                    ages[u < 0.12 ? 0 : u < 0.62 ? 1 : u < 0.87 ? 2 : 3] += 1
                }
                shock = 0.6 * shock + 0.02 * g4             // persistent survey noise
                let logTrust = baseline + elasticity * log(Double(uof) / 120)
                    + injuryEffect * (Double(injuries) / Double(uof) - 0.12) + shock
                rows.append(SyntheticTrustRow(borough: borough, quarter: q,
                                              quarterLabel: "\(firstYear + q / 4)Q\(q % 4 + 1)", useOfForce: uof,
                                              arrests: arrests, injuries: injuries, ages: ages,
                                              trust: min(max(exp(logTrust), 0.01), 0.99)))
            }
        }
        self.rows = rows
        self.elasticity = elasticity
        self.injuryEffect = injuryEffect
    }

    /// The panel as CSV: borough, quarter, quarter_label, use_of_force, arrests, injuries, the age
    /// groups, arrest_share, injury_share and trust.
    public func csv() -> String {
        var lines = ["borough,quarter,quarter_label,use_of_force,arrests,injuries,"
                     + Self.ageGroups.joined(separator: ",") + ",arrest_share,injury_share,trust"]
        for r in rows {
            let n = Double(r.useOfForce)
            lines.append("\(r.borough),\(r.quarter),\(r.quarterLabel),\(r.useOfForce),\(r.arrests),\(r.injuries),"
                         + r.ages.map(String.init).joined(separator: ",")
                         + ",\(Double(r.arrests) / n),\(Double(r.injuries) / n),\(r.trust)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
