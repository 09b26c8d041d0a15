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

/// Pooling over groups (time buckets) of the same four cells, areas 2, 1, 1, 1 (5 in all), flagging
/// 40 % (2 units) per group, worked by hand:
/// - group 0, forecasts 0.1, 0.9, 0.8, 0.2, counts 3, 2, 0, 1: cells 1 then 2 reach 2 units and
///   hold 2; the best 2 units are cell 1 (density 2) and half of cell 0 (density 1.5): 2 + 1.5 = 3.5;
/// - group 1, forecasts 0.5, 0.1, 0.2, 0.3, no incidents: cell 0 alone covers 2 units, holds 0;
/// - group 2, forecasts 0.3, 0.2, 0.1, 0.4, counts 4, 0, 0, 0: cell 3 (1 unit) then cell 0 (3 units)
///   hold 4; the best 3 units hold 4.
/// Pooled: 7 of 15 units flagged, 6 of 10 incidents captured (hit rate 0.6), PAI 0.6 ÷ 7/15 = 9/7,
/// best 7.5 → PEI 0.8 and PAI* (7.5/10) ÷ (7/15) = 45/28; 2 + 1 + 2 = 5 cells flagged.
@Suite struct HotspotMetricsPooledTests {
    let areas: [Double] = [2, 1, 1, 1]
    let predicted: [[Double]] = [[0.1, 0.9, 0.8, 0.2], [0.5, 0.1, 0.2, 0.3], [0.3, 0.2, 0.1, 0.4]]
    let observed: [[Double]] = [[3, 2, 0, 1], [0, 0, 0, 0], [4, 0, 0, 0]]

    @Test func pooledByHand() throws {
        let p = try HotspotMetrics.pooled(predicted: predicted, observed: observed, areas: areas, areaFraction: 0.4)
        #expect(p.cellsFlagged == 5 && p.captured == 6 && p.requestedFraction == 0.4)
        #expect(abs(p.areaFraction - 7.0 / 15) < 1e-12 && abs(p.hitRate - 0.6) < 1e-12)
        #expect(abs(p.pai - 9.0 / 7) < 1e-12 && abs(p.pei - 0.8) < 1e-12 && abs(p.maximumPAI - 45.0 / 28) < 1e-12)
        // The first group alone: 2 of 6 incidents on 2 of 5 units; PAI (1/3) ÷ 0.4 = 5/6, PEI 2/3.5 = 4/7.
        let first = try HotspotMetrics.pooled(predicted: [predicted[0]], observed: [observed[0]], areas: areas, areaFraction: 0.4)
        #expect(abs(first.pai - 5.0 / 6) < 1e-12 && abs(first.pei - 4.0 / 7) < 1e-12)
        #expect(first == (try HotspotMetrics(predicted: predicted[0], observed: observed[0], areas: areas).at(areaFraction: 0.4)))
    }

    @Test func badGroups() {
        #expect(throws: MetricsError.self) { try HotspotMetrics.pooled(predicted: [], observed: [], areaFraction: 0.1) }
        #expect(throws: MetricsError.self) { try HotspotMetrics.pooled(predicted: [[1, 2]], observed: [[1, 1], [1, 1]], areaFraction: 0.1) }
        #expect(throws: MetricsError.self) { try HotspotMetrics.pooled(predicted: [[1, 2], [1]], observed: [[1, 1], [1]], areaFraction: 0.1) }
        #expect(throws: MetricsError.self) { try HotspotMetrics.pooled(predicted: [[1, 2]], observed: [[0, 0]], areaFraction: 0.1) }
        #expect(throws: MetricsError.self) { try HotspotMetrics.pooled(predicted: [[1, 2]], observed: [[1, 0]], areaFraction: 0) }
    }
}
