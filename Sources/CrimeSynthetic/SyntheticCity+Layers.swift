import CrimeCore
import Foundation

/// Static sociodemographic layers of a synthetic city, one value per raster cell.
public struct SyntheticCensus: Sendable, Equatable {
    /// The layer names, in the row order of ``values``.
    public let names: [String]
    /// Layers × raster cells; column `row × rasterSize + column` (row 0 south), the order of
    /// ``SyntheticCity/rasterWeights``.
    public let values: Matrix

    /// The names of the layers ``SyntheticCity/syntheticCensus(noise:seed:)`` draws.
    public static let layerNames = ["population_density", "poverty_rate", "median_income"]
}

extension SyntheticCity {
    /// Synthetic footfall (visits) of every raster cell in every window between consecutive UTC
    /// `boundaries`: `scale × (expected background events of the cell in the window) × exp(σz − σ²/2)`
    /// with `z` standard normal, independent per cell and window, so footfall follows the city's hot
    /// spots and its weekly and daily rhythm (the true background intensity) with multiplicative noise
    /// of log-standard deviation `noise` and mean 1. It carries no trace of the near-repeat excitation.
    ///
    /// Rows are windows, columns raster cells in the order of ``rasterWeights``. Each window draws from
    /// its own stream split from `seed`, so the result does not depend on evaluation order.
    /// Throws when fewer than two boundaries are given, they do not increase, or a setting is negative.
    public func syntheticFootfall(boundaries: [Int64], scale: Double = 400, noise: Double = 0.35,
                                  seed: UInt64) throws -> Matrix {
        guard scale > 0, scale.isFinite, noise >= 0, noise.isFinite else {
            throw SyntheticCityError.badSetting("footfall scale must be > 0 and noise ≥ 0, got \(scale) and \(noise)")
        }
        guard boundaries.count >= 2 else {
            throw SyntheticCityError.badSetting("window boundaries: need at least two, got \(boundaries.count)")
        }
        for k in 1..<boundaries.count where boundaries[k] <= boundaries[k - 1] {
            throw SyntheticCityError.badSetting(
                "window boundaries must increase: boundary \(k + 1) (\(boundaries[k])) is not after \(boundaries[k - 1])")
        }
        let cells = rasterWeights.count, windows = boundaries.count - 1
        let root = SeededGenerator(seed: seed)
        var values = [Double](repeating: 0, count: windows * cells)
        values.withUnsafeMutableBufferPointer { out in
            rasterWeights.withUnsafeBufferPointer { weights in
                for w in 0..<windows {
                    let total = scale * backgroundTotal(from: boundaries[w], to: boundaries[w + 1])
                    var rng = root.split(w)
                    var c = 0
                    while c < cells {
                        let (z0, z1) = rng.nextGaussianPair()
                        out[w * cells + c] = total * weights[c] * exp(noise * z0 - noise * noise / 2)
                        if c + 1 < cells {
                            out[w * cells + c + 1] = total * weights[c + 1] * exp(noise * z1 - noise * noise / 2)
                        }
                        c += 2
                    }
                }
            }
        }
        return Matrix(rows: windows, columns: cells, values: values)
    }

    /// Static census-like layers per raster cell, each tied to the background surface `s` (the cell's
    /// share of ``rasterWeights`` relative to the mean) through independent noise `z` of standard
    /// deviation `noise`:
    /// - `population_density`: `2000 × s^0.8 × exp(noise·z)` residents per km²;
    /// - `poverty_rate`: `logistic(−1.8 + 0.6·ln s + noise·z)`;
    /// - `median_income`: `60000 × s^−0.3 × exp(noise·z / 2)` dollars.
    ///
    /// Denser, poorer and lower-income cells therefore have more crime, as in the mobility study's
    /// census covariates, but no layer reveals the surface exactly.
    public func syntheticCensus(noise: Double = 0.5, seed: UInt64) throws -> SyntheticCensus {
        guard noise >= 0, noise.isFinite else { throw SyntheticCityError.badSetting("census noise must be ≥ 0, got \(noise)") }
        let cells = rasterWeights.count
        let mean = 1 / Double(cells)
        var rng = SeededGenerator(seed: seed)
        var values = [Double](repeating: 0, count: 3 * cells)
        for c in 0..<cells {
            let logS = log(max(rasterWeights[c] / mean, 1e-12))
            let (z0, z1) = rng.nextGaussianPair()
            let (z2, _) = rng.nextGaussianPair()
            values[c] = 2000 * exp(0.8 * logS + noise * z0)
            values[cells + c] = 1 / (1 + exp(-(-1.8 + 0.6 * logS + noise * z1)))
            values[2 * cells + c] = 60_000 * exp(-0.3 * logS + noise * z2 / 2)
        }
        return SyntheticCensus(names: SyntheticCensus.layerNames, values: Matrix(rows: 3, columns: cells, values: values))
    }
}
