import Testing
import CrimeEval

/// Hand-computed cases. Five cells ranked by forecast 0 (0.9), 4 (0.7), 2 (0.5), 3 (0.3), 1 (0.1);
/// observed counts 4, 0, 1, 3, 2 (10 in all).
@Suite struct HotspotMetricsTests {
    let predicted: [Double] = [0.9, 0.1, 0.5, 0.3, 0.7]
    let observed: [Double] = [4, 0, 1, 3, 2]

    @Test func equalAreas() throws {
        let h = try HotspotMetrics(predicted: predicted, observed: observed)
        // 20 %: cell 0 → 4 of 10; PAI 0.4/0.2 = 2; the best single cell also holds 4 → PEI 1.
        let p20 = try h.at(areaFraction: 0.2)
        #expect(p20.cellsFlagged == 1 && abs(p20.hitRate - 0.4) < 1e-12 && abs(p20.pai - 2) < 1e-12 && abs(p20.pei - 1) < 1e-12)
        // 40 %: cells 0, 4 → 6; PAI 1.5; best two cells hold 4 + 3 = 7 → PEI 6/7, PAI* 1.75.
        let p40 = try h.at(areaFraction: 0.4)
        #expect(abs(p40.hitRate - 0.6) < 1e-12 && abs(p40.pai - 1.5) < 1e-12)
        #expect(abs(p40.pei - 6.0 / 7) < 1e-12 && abs(p40.maximumPAI - 1.75) < 1e-12)
        // 50 % needs a third cell (2.5 cells of area): 0, 4, 2 → 7 of 10 over 60 %; best 3 cells 9 → PEI 7/9.
        let p50 = try h.at(areaFraction: 0.5)
        #expect(p50.cellsFlagged == 3 && abs(p50.areaFraction - 0.6) < 1e-12)
        #expect(abs(p50.pai - 7.0 / 6) < 1e-12 && abs(p50.pei - 7.0 / 9) < 1e-12)
        #expect(try h.at(areaFraction: 1).hitRate == 1)
        #expect(h.curve().map(\.captured) == [4, 6, 7, 10, 10])
        #expect(try h.curve(areaFractions: [0.2, 0.4]).map(\.cellsFlagged) == [1, 2])
    }

    /// Cell 0 twice as large (total area 6). 25 % asks for 1.5 units: cell 0 alone covers 2 → a = 1/3,
    /// h = 0.4, PAI 1.2. Densities 2, 0, 1, 3, 2: the best 2 units hold cell 3 (3) plus one unit at
    /// density 2 → 5, so PEI 4/5 and PAI* = 0.5 / (1/3) = 1.5.
    @Test func unequalAreas() throws {
        let h = try HotspotMetrics(predicted: predicted, observed: observed, areas: [2, 1, 1, 1, 1])
        let p = try h.at(areaFraction: 0.25)
        #expect(abs(p.areaFraction - 1.0 / 3) < 1e-12 && abs(p.hitRate - 0.4) < 1e-12 && abs(p.pai - 1.2) < 1e-12)
        #expect(abs(p.pei - 0.8) < 1e-12 && abs(p.maximumPAI - 1.5) < 1e-12)
        for q in h.curve() { #expect(q.pei <= 1 + 1e-12) }
    }

    @Test func badInputs() {
        #expect(throws: MetricsError.self) { try HotspotMetrics(predicted: [1, 2], observed: [1]) }
        #expect(throws: MetricsError.self) { try HotspotMetrics(predicted: [1], observed: [0]) }
        #expect(throws: MetricsError.self) { try HotspotMetrics(predicted: [1, 2], observed: [1, 1], areas: [1, 0]) }
        #expect(throws: MetricsError.self) { try HotspotMetrics(predicted: [1, .nan], observed: [1, 1]) }
        #expect(throws: MetricsError.self) { try HotspotMetrics(predicted: [1, 2], observed: [1, -1]) }
        #expect(throws: MetricsError.self) { try HotspotMetrics(predicted: [1], observed: [1]).at(areaFraction: 1.2) }
        #expect(throws: MetricsError.self) { try HotspotMetrics(predicted: [1], observed: [1]).at(areaFraction: 0) }
    }
}
