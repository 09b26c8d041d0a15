import CrimeCore
import Foundation
import Testing
@testable import CrimeSynthetic

@Suite("Synthetic areas, deployments and trust panels")
struct SyntheticStudyDataTests {
    let box = BoundingBox(minLatitude: 51.3, minLongitude: -0.5, maxLatitude: 51.7, maxLongitude: 0.3)

    /// Shoelace area in degrees², positive for counter-clockwise rings.
    func area(_ ring: [GeoPoint]) -> Double {
        var s = 0.0
        for k in ring.indices {
            let a = ring[k], b = ring[(k + 1) % ring.count]
            s += a.longitude * b.latitude - b.longitude * a.latitude
        }
        return s / 2
    }

    @Test func layoutTilesTheBox() throws {
        let layout = try SyntheticAreaLayout(rows: 4, columns: 8, bounds: box, jitter: 0.6, seed: 3)
        #expect(layout.rings.count == 32)
        #expect(Set(layout.names).count == 32)
        #expect(layout.rings.allSatisfy { area($0) > 0 })
        let total: Double = layout.rings.map(area).reduce(0, +)
        let boxArea: Double = 0.4 * 0.8
        #expect(abs(total - boxArea) < 1e-12)
        // East neighbours share an edge: the east side of area 0 is the west side of area 1.
        let first = layout.rings[0], second = layout.rings[1]
        #expect(first[1] == second[0])
        #expect(first[2] == second[3])
        #expect(throws: SyntheticLayoutError.badJitter(1.5)) {
            try SyntheticAreaLayout(rows: 2, columns: 2, bounds: box, jitter: 1.5, seed: 1)
        }
    }

    @Test func deploymentSightingsFollowTheirRates() throws {
        let names = (0..<400).map { "n\($0)" }
        let areas = SyntheticDeploymentArea.generate(names: names)
        #expect(areas == SyntheticDeploymentArea.generate(names: names))
        let expected: Double = areas.map { $0.trueRate * $0.frames }.reduce(0, +)
        let observed: Double = areas.map(\.sightings).reduce(0, +)
        #expect(abs(observed - expected) < 4 * expected.squareRoot(), "observed \(observed), expected \(expected)")
        // Group B areas are poorer on average: the confounding the audit's controls must remove.
        let incomeA = areas.filter { $0.majority == "A" }.map(\.medianIncome)
        let incomeB = areas.filter { $0.majority == "B" }.map(\.medianIncome)
        let meanA: Double = incomeA.reduce(0, +) / Double(incomeA.count)
        let meanB: Double = incomeB.reduce(0, +) / Double(incomeB.count)
        #expect(meanA > meanB)
        // At equal income the true rates differ by exactly the planted ratio.
        let a = try #require(areas.first { $0.majority == "A" })
        let b = try #require(areas.first { $0.majority == "B" })
        let incomeRatio: Double = pow(b.medianIncome / a.medianIncome, -0.25 / 0.35)
        let ratio: Double = (b.trueRate / a.trueRate) / incomeRatio
        #expect(abs(ratio - 1.5) < 0.01)
    }

    /// Within-borough slope of log trust on log use of force recovers the planted elasticity.
    @Test func trustPanelCarriesThePlantedElasticity() throws {
        let boroughs = (0..<32).map { "b\($0)" }
        let panel = try SyntheticTrustPanel(boroughs: boroughs, quarters: 24, seed: 9)
        #expect(panel.rows.count == 32 * 24)
        #expect(panel.rows[5].quarterLabel == "2018Q2")
        var sxy = 0.0, sxx = 0.0
        for b in boroughs {
            let rows = panel.rows.filter { $0.borough == b }
            let x: [Double] = rows.map { log(Double($0.useOfForce)) }
            let y: [Double] = rows.map { log($0.trust) }
            let mx: Double = x.reduce(0, +) / Double(x.count)
            let my: Double = y.reduce(0, +) / Double(y.count)
            for k in x.indices { sxy += (x[k] - mx) * (y[k] - my); sxx += (x[k] - mx) * (x[k] - mx) }
        }
        let slope = sxy / sxx
        #expect(abs(slope - panel.elasticity) < 0.03, "slope \(slope)")
        let header = panel.csv().split(separator: "\n").first.map(String.init)
        #expect(header == "borough,quarter,quarter_label,use_of_force,arrests,injuries,age_11_17,age_18_34,age_35_49,age_50_plus,arrest_share,injury_share,trust")
    }
}
