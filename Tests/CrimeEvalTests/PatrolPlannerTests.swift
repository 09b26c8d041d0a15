import CrimeCore
import CrimeEval
import Testing

@Suite("Patrol planner")
struct PatrolPlannerTests {
    /// Five cells on a line 1 km apart (0.009° of latitude ≈ 1,000.8 m) with hand-set forecasts.
    let candidates: [PatrolCandidate] = [(0, 5.0, "A"), (1, 9.0, "A"), (2, 7.0, "B"), (3, 1.0, "B"), (4, 8.0, "A")]
        .map { i, expected, group in
            PatrolCandidate(cell: CellID(row: 0, column: i), label: "c\(i)",
                            center: GeoPoint(latitude: 36 + 0.009 * Double(i), longitude: -115),
                            expected: expected, group: group)
        }

    @Test func bestKCellsWithoutRules() throws {
        let plan = try PatrolPlanner().plan(candidates, budget: .cells(3))
        #expect(plan.selections.map(\.candidate.label) == ["c1", "c4", "c2"])
        #expect(plan.coveredExpected == 24)
        #expect(plan.cityExpected == 30)
        #expect(abs(plan.coveredShare - 0.8) < 1e-12)
        #expect(plan.selections.map(\.cumulativeExpected) == [9, 17, 24])
        #expect(abs(plan.cellShare - 0.6) < 1e-12)
    }

    @Test func spacingSkipsNeighbours() throws {
        // 1.5 km spacing: after c1 (9), c2 and c0 are 1 km away; c4 (8) is 3 km away; c3 is 1 km from c4.
        let plan = try PatrolPlanner(minimumSpacing: 1500).plan(candidates, budget: .cells(3))
        #expect(plan.selections.map(\.candidate.label) == ["c1", "c4"])
    }

    @Test func groupShareCap() throws {
        // At most 2 of 3 cells in one group: c1, c4 (A), then c2 (B) — and with a cap of 1/3, one per group.
        let twoThirds = try PatrolPlanner(maximumGroupShare: 2.0 / 3).plan(candidates, budget: .cells(3))
        #expect(twoThirds.selections.map(\.candidate.label) == ["c1", "c4", "c2"])
        let oneThird = try PatrolPlanner(maximumGroupShare: 1.0 / 3).plan(candidates, budget: .cells(3))
        #expect(oneThird.selections.map(\.candidate.label) == ["c1", "c2"])
    }

    @Test func officerHoursUseExpectedPerHour() throws {
        var costly = candidates
        costly[1].cost = 4      // 9 per 4 h = 2.25/h
        costly[4].cost = 2      // 8 per 2 h = 4/h
        // Rates: c0 5, c2 7, c4 4, c1 2.25, c3 1. Budget 4 h: c2 (1), c0 (1), c4 (2) = 4 h; 20 expected.
        let plan = try PatrolPlanner().plan(costly, budget: .officerHours(4))
        #expect(plan.selections.map(\.candidate.label) == ["c2", "c0", "c4"])
        #expect(plan.budgetUsed == 4)
        #expect(plan.coveredExpected == 20)
    }

    @Test func tiesBreakByCellID() throws {
        let flat = candidates.map { c -> PatrolCandidate in var c = c; c.expected = 2; return c }
        let plan = try PatrolPlanner().plan(flat, budget: .cells(2))
        #expect(plan.selections.map(\.candidate.label) == ["c0", "c1"])
    }

    @Test func badInputIsTyped() throws {
        #expect(throws: PatrolError.budgetExceedsCity(requested: "6 cells", available: "5 cells")) {
            try PatrolPlanner().plan(candidates, budget: .cells(6))
        }
        #expect(throws: PatrolError.budgetNotPositive("0 cells")) { try PatrolPlanner().plan(candidates, budget: .cells(0)) }
        #expect(throws: PatrolError.noCandidates) { try PatrolPlanner().plan([], budget: .cells(1)) }
        #expect(throws: PatrolError.invalidShare(1.5)) {
            try PatrolPlanner(maximumGroupShare: 1.5).plan(candidates, budget: .cells(1))
        }
        var bad = candidates
        bad[2].expected = .nan
        #expect(throws: PatrolError.self) { try PatrolPlanner().plan(bad, budget: .cells(1)) }
        #expect(throws: PatrolError.budgetExceedsCity(requested: "6 officer-hours", available: "5 officer-hours")) {
            try PatrolPlanner().plan(candidates, budget: .officerHours(6))
        }
    }

    @Test func resourceRatioAgainstWeekdayShifts() throws {
        let report = try ResourceRatioReport(
            loads: [("Mon Day", 10), ("Tue Day", 14), ("Sat Late Night", 36), ("Sun Late Night", 30)],
            baseline: ["Mon Day", "Tue Day"])
        #expect(report.baseline == 12)
        #expect(report.ratio(of: "Sat Late Night") == 3)
        #expect(try report.meanRatio(of: ["Sat Late Night", "Sun Late Night"]) == 2.75)
        #expect(throws: PatrolError.unknownWindow("Fri Day")) {
            try ResourceRatioReport(loads: [("Mon Day", 1)], baseline: ["Fri Day"])
        }
        #expect(throws: PatrolError.zeroBaseline(["Mon Day"])) {
            try ResourceRatioReport(loads: [("Mon Day", 0)], baseline: ["Mon Day"])
        }
    }
}
