import Foundation
import Testing
import CrimeCore
@testable import CrimeSynthetic

/// Synthetic footfall and census layers carry the city's true intensity, with noise, and are seeded.
@Suite struct SyntheticLayersTests {
    private func city() throws -> SyntheticCity {
        var c = SyntheticCityConfig()
        (c.days, c.rasterSize, c.cellSide, c.seed, c.dirt, c.dailyRate) = (2, 40, 500, 5, .none, 50)
        return try SyntheticCity(config: c)
    }

    private func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count), ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var sab = 0.0, saa = 0.0, sbb = 0.0
        for (x, y) in zip(a, b) { sab += (x - ma) * (y - mb); saa += (x - ma) * (x - ma); sbb += (y - mb) * (y - mb) }
        return sab / (saa * sbb).squareRoot()
    }

    private func halfDays(_ city: SyntheticCity) -> [Int64] {
        stride(from: city.interval.lowerBound, through: city.interval.upperBound, by: 43_200).map { $0 }
    }

    @Test func footfallFollowsTheTrueBackgroundIntensity() throws {
        let city = try city()
        let boundaries = halfDays(city)
        let footfall = try city.syntheticFootfall(boundaries: boundaries, scale: 400, noise: 0.35, seed: 9)
        #expect(footfall.rows == 4 && footfall.columns == 1600)
        let truth = try city.expectedRasterCounts(boundaries: boundaries)
        // Background share of each entry (the truth table also holds near-repeat excitation).
        var logFootfall: [Double] = [], logBackground: [Double] = []
        for w in 0..<4 {
            let hours = Int((boundaries[w] - city.interval.lowerBound) / 3600)
            let total = city.hourlyExpected[hours..<(hours + 12)].reduce(0, +)
            for c in 0..<1600 {
                logFootfall.append(log(footfall[w, c]))
                logBackground.append(log(city.rasterWeights[c] * total))
                #expect(truth[w, c] >= city.rasterWeights[c] * total * (1 - 1e-9))
            }
        }
        // log footfall = log background + σz: the correlation is sd(signal) / √(sd(signal)² + σ²).
        let n = Double(logBackground.count), mean = logBackground.reduce(0, +) / n
        let variance = logBackground.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let expected = (variance / (variance + 0.35 * 0.35)).squareRoot()
        let r = correlation(logFootfall, logBackground)
        #expect(r > 0.8 && abs(r - expected) < 0.02, "r \(r), expected \(expected)")
        // Mean-one noise: total footfall ≈ scale × expected background events.
        let ratio = footfall.values.reduce(0, +) / (400 * city.hourlyExpected.reduce(0, +))
        #expect(abs(ratio - 1) < 0.05, "ratio \(ratio)")
    }

    @Test func censusLayersCorrelateWithTheBaseRate() throws {
        let city = try city()
        let census = try city.syntheticCensus(noise: 0.5, seed: 3)
        #expect(census.names == SyntheticCensus.layerNames && census.values.rows == 3)
        let logWeight = city.rasterWeights.map { log($0) }
        #expect(correlation(census.values.row(0).map { log($0) }, logWeight) > 0.6)
        #expect(correlation(census.values.row(1), logWeight) > 0.4)
        #expect(correlation(census.values.row(2).map { log($0) }, logWeight) < -0.4)
        #expect(census.values.row(1).allSatisfy { $0 > 0 && $0 < 1 })
    }

    @Test func layersAreSeeded() throws {
        let city = try city()
        let b = halfDays(city)
        #expect(try city.syntheticFootfall(boundaries: b, seed: 1) == city.syntheticFootfall(boundaries: b, seed: 1))
        #expect(try city.syntheticFootfall(boundaries: b, seed: 1) != city.syntheticFootfall(boundaries: b, seed: 2))
        #expect(try city.syntheticCensus(seed: 4) == city.syntheticCensus(seed: 4))
        #expect(try city.syntheticCensus(seed: 4) != city.syntheticCensus(seed: 5))
    }

    @Test func badSettingsThrow() throws {
        let city = try city()
        #expect(throws: SyntheticCityError.self) { try city.syntheticFootfall(boundaries: halfDays(city), noise: -1, seed: 1) }
        #expect(throws: SyntheticCityError.self) { try city.syntheticFootfall(boundaries: [5, 5], seed: 1) }
        #expect(throws: SyntheticCityError.self) { try city.syntheticCensus(noise: .nan, seed: 1) }
    }
}
