import CrimeCore
import Foundation
import Testing
@testable import CrimeSynthetic

/// The manifest's true trigger parameters: they are the config's, and the simulated events bear them out.
///
/// Every event, background or offspring, draws Poisson(α) offspring; one is kept when its delay
/// (exponential, mean τ) ends before the city does and its displacement (normal, σ along each axis)
/// stays on the raster. So the offspring count has expectation Λ = Σᵢ α (1 − e^{−(end − tᵢ)/τ}) Pᵢ(on
/// raster) over all events i, and variance Λ (the compensator of the offspring process). Without edges
/// E[offspring] = α·E[events]: with B background events there are B/(1 − α) events in all, of which
/// αB/(1 − α) offspring, so the offspring share is α itself (α/(1 + α) would hold if offspring had no
/// offspring of their own).
@Suite struct SyntheticTriggerParameterTests {
    private func city() throws -> SyntheticCity {
        var c = SyntheticCityConfig()
        // A small raster and two days, so that the edges lose many offspring and the losses pin τ and σ.
        c.rasterSize = 8
        c.cellSide = 200
        c.days = 2
        c.start = "2024-06-03"
        c.dailyRate = 2500
        c.branchingRatio = 0.45
        c.offspringMeanDelay = 0.75 * 86_400
        c.offspringSpread = 320
        c.dirt = .none
        c.seed = 11
        return try SyntheticCity(config: c)
    }

    /// Λ for given parameters (α, τ in days, σ in metres) from the city's events.
    private func compensator(_ city: SyntheticCity, branching: Double, decayDays: Double, sigma: Double) -> Double {
        let frame = SyntheticMetricFrame(city)
        let half = Double(city.config.rasterSize) * city.config.cellSide / 2
        var total = 0.0
        for event in city.events {
            let (x, y) = frame.metres(GeoPoint(latitude: event.latitude, longitude: event.longitude))
            let inTime = -expm1(-Double(city.interval.upperBound - event.time) / (decayDays * 86_400))
            total += branching * inTime * normalMass(from: (-half - x) / sigma, to: (half - x) / sigma)
                * normalMass(from: (-half - y) / sigma, to: (half - y) / sigma)
        }
        return total
    }

    @Test func manifestCarriesTheConfigsTriggerParameters() throws {
        let city = try city()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-\(UUID().uuidString)-trigger.csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let manifest = try city.writeChicagoExtract(to: URL(fileURLWithPath: path))
        #expect(manifest.branchingRatio == 0.45)
        #expect(manifest.triggerDecayDays == 0.75)
        #expect(manifest.triggerSigmaMetres == 320)
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(manifest)) as? [String: Any])
        #expect(json["branching_ratio"] as? Double == 0.45)
        #expect(json["trigger_decay_days"] as? Double == 0.75)
        #expect(json["trigger_sigma_m"] as? Double == 320)
    }

    /// The realised offspring count is within four standard deviations of Λ computed from the
    /// manifest's parameters, and halving or doubling any one of them moves it beyond five.
    @Test func simulatedOffspringBearTheParametersOut() throws {
        let city = try city()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crimekit-\(UUID().uuidString)-trigger.csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let m = try city.writeChicagoExtract(to: URL(fileURLWithPath: path))
        let offspring = Double(m.offspring)
        let score = { (a: Double, tau: Double, sigma: Double) -> Double in
            let lambda = compensator(city, branching: a, decayDays: tau, sigma: sigma)
            return (offspring - lambda) / lambda.squareRoot()
        }
        let truth = score(m.branchingRatio, m.triggerDecayDays, m.triggerSigmaMetres)
        #expect(abs(truth) < 4, "z \(truth) with the true parameters")
        for factor in [0.5, 2.0] {
            let wrong = [score(m.branchingRatio * factor, m.triggerDecayDays, m.triggerSigmaMetres),
                         score(m.branchingRatio, m.triggerDecayDays * factor, m.triggerSigmaMetres),
                         score(m.branchingRatio, m.triggerDecayDays, m.triggerSigmaMetres * factor)]
            #expect(wrong.allSatisfy { abs($0) > 5 }, "×\(factor): z \(wrong)")
        }
        // Edges lose offspring: the share of all events stays below the branching ratio, by Λ's losses.
        let share = offspring / Double(m.events)
        #expect(share < m.branchingRatio)
    }
}
