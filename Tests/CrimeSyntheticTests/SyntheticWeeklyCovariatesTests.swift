import Testing
import CrimeCore
@testable import CrimeSynthetic

/// The synthetic weekly temperature/unemployment series and the thinning that makes incidents follow them.
@Suite struct SyntheticWeeklyCovariatesTests {
    func weeks() throws -> WindowSpan {
        let zone = try ZoneClock(identifier: "America/Chicago")
        return try WindowSpan(.sequential(.weekly, zone: zone), from: LocalDay("2021-01-04"), until: LocalDay("2022-01-03"))
    }

    @Test func temperatureHasASummerPeak() throws {
        let c = SyntheticWeeklyCovariates(span: try weeks(), seed: 3)
        #expect(c.weekCount == 52)
        #expect(c.names == ["temperature_c", "unemployment_pct"])
        #expect(c.values.count == 104)
        let temperature = stride(from: 0, to: 104, by: 2).map { c.values[$0] }
        let january = temperature[0..<4].reduce(0, +) / 4, july = temperature[27..<31].reduce(0, +) / 4
        #expect(july - january > 15)
        let unemployment = stride(from: 1, to: 104, by: 2).map { c.values[$0] }
        #expect(unemployment.allSatisfy { abs($0 - 6) < 3 })
    }

    @Test func thinningFollowsTheMultiplierAndTheSeed() throws {
        let span = try weeks()
        let c = SyntheticWeeklyCovariates(span: span, temperatureEffect: 0.05, unemploymentEffect: 0, seed: 3)
        var table = IncidentTable(zone: span.windowing.zone)
        // 400 incidents in every week, an hour apart.
        for w in 0..<span.count {
            for k in 0..<400 {
                table.append(id: "\(w)-\(k)", time: span.boundaries[w] + Int64(k) * 1_200,
                             location: GeoPoint(latitude: 41.8, longitude: -87.7), category: .other, offense: "X")
            }
        }
        let kept = c.thinned(table)
        #expect(kept == c.thinned(table))
        let perWeek = kept.times.reduce(into: [Int](repeating: 0, count: span.count)) { $0[span.ordinal(utc: $1) ?? 0] += 1 }
        let top = c.rateMultiplier.max() ?? 1
        // Each week keeps about 400 × multiplier ÷ top (binomial, sd ≤ 10).
        for w in 0..<span.count { #expect(abs(Double(perWeek[w]) - 400 * c.rateMultiplier[w] / top) < 50) }
        let warmest = c.rateMultiplier.indices.max { c.rateMultiplier[$0] < c.rateMultiplier[$1] } ?? 0
        let coldest = c.rateMultiplier.indices.min { c.rateMultiplier[$0] < c.rateMultiplier[$1] } ?? 0
        #expect(perWeek[warmest] > 2 * perWeek[coldest])
    }
}
