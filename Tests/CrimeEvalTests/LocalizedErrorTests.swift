import CrimeCore
import CrimeEval
import CrimeGeo
import CrimeTestSupport
import Foundation
import Testing

/// Every public error type of CrimeEval, thrown by public API and caught as `any Error`, prints its
/// own sentence through `localizedDescription`.
@Suite struct EvalLocalizedErrorTests {
    @Test func metricsError() {
        expectLocalizedDescription(MetricsError.self) { _ = try Metrics.poissonDeviance([1, -1], [1, 1]) }
    }

    @Test func chartError() {
        expectLocalizedDescription(ChartError.self) { _ = try LineChart(frame: ChartFrame(title: "t"), series: []).svg() }
    }

    @Test func disparityError() {
        expectLocalizedDescription(DisparityError.self) { _ = try DeploymentArea.quantileGroups([1, .nan, 2], count: 2) }
    }

    @Test func patrolError() {
        expectLocalizedDescription(PatrolError.self) { _ = try PatrolPlanner().plan([], budget: .cells(1)) }
    }

    @Test func reportError() throws {
        let box = BoundingBox(minLatitude: 41.80, minLongitude: -87.70, maxLatitude: 41.83, maxLongitude: -87.66)
        let grid = try RegularGrid(covering: box, side: 1000)
        let cells = try grid.cells(covering: box)
        expectLocalizedDescription(ReportError.self) {
            _ = try ChoroplethMap(index: grid, cells: cells, values: [1], title: "t", legendTitle: "v")
        }
    }
}
