import CrimeCore
import CrimeForecast
import Foundation

/// The scores of a rolling-origin backtest, per method and origin, with pooled summaries and paired
/// bootstrap intervals of the difference between two methods.
public struct ForecastBacktestResult: Sendable, Equatable, Codable {
    /// The area shares of the hot-spot scores.
    public let areaShares: [Double]
    /// Windows forecast from each origin.
    public let horizon: Int
    /// Each method's scores, in the order the methods were given.
    public let methods: [MethodBacktest]

    /// A score of one origin that summaries and intervals can be taken of.
    public enum Measure: Sendable, Hashable, Codable {
        /// Hit rate at an area share.
        case hitRate(Double)
        /// PAI at an area share.
        case pai(Double)
        /// PEI at an area share.
        case pei(Double)
        /// PEI* at an area share.
        case peiStar(Double)
        /// Recapture rate index at an area share.
        case recaptureRateIndex(Double)
        /// Mean absolute error per cell.
        case mae
        /// Root mean squared error per cell.
        case rmse
        /// Mean Poisson deviance per cell.
        case deviance
    }

    /// The measure from each origin of `method` (NaN for hot-spot measures at origins where nothing was
    /// observed). Throws for an unknown method or an area share the backtest did not score.
    public func values(of measure: Measure, method: String) throws -> [Double] {
        guard let m = methods.first(where: { $0.name == method }) else {
            throw ForecastError.unknownMethod(method, known: methods.map(\.name))
        }
        func point(_ share: Double, _ origin: OriginScore) throws -> HotspotPoint? {
            guard let k = areaShares.firstIndex(where: { abs($0 - share) < 1e-12 }) else {
                throw ForecastError.badParameter(name: "area share", reason: "\(share) was not scored; scored: \(areaShares.map { "\($0)" }.joined(separator: ", "))")
            }
            return origin.hotspots.isEmpty ? nil : origin.hotspots[k]
        }
        return try m.origins.map { o in
            switch measure {
            case let .hitRate(s): return try point(s, o)?.hitRate ?? .nan
            case let .pai(s): return try point(s, o)?.pai ?? .nan
            case let .pei(s): return try point(s, o)?.pei ?? .nan
            case let .peiStar(s): return try point(s, o)?.peiStar ?? .nan
            case let .recaptureRateIndex(s): return try point(s, o)?.recaptureRateIndex ?? .nan
            case .mae: return o.mae
            case .rmse: return o.rmse
            case .deviance: return o.deviance
            }
        }
    }

    /// The mean of a measure over the origins where it is defined (NaN when it is nowhere).
    public func mean(of measure: Measure, method: String) throws -> Double {
        let v = try values(of: measure, method: method).filter { !$0.isNaN }
        return v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count)
    }

    /// The mean of `method`'s measure as a share of the same mean for `reference` (e.g. the oracle).
    public func share(of measure: Measure, method: String, reference: String) throws -> Double {
        try mean(of: measure, method: method) / mean(of: measure, method: reference)
    }

    /// A paired bootstrap interval of mean(`a` − `b`) over origins: origins are resampled with
    /// replacement (the same origins for both methods), `replicates` times; the interval is the
    /// percentile interval at `confidence`. Origins where either value is undefined are left out.
    public func pairedDifference(_ measure: Measure, _ a: String, minus b: String, replicates: Int = 2000,
                                 confidence: Double = 0.95, seed: UInt64 = 1) throws -> PairedDifference {
        guard replicates >= 10 else { throw ForecastError.badParameter(name: "replicates", reason: "must be at least 10, got \(replicates)") }
        guard confidence > 0, confidence < 1 else { throw ForecastError.badParameter(name: "confidence", reason: "must lie in (0, 1), got \(confidence)") }
        let va = try values(of: measure, method: a), vb = try values(of: measure, method: b)
        let d = zip(va, vb).compactMap { $0.isNaN || $1.isNaN ? nil : $0 - $1 }
        guard !d.isEmpty else { throw ForecastError.badParameter(name: "origins", reason: "no origin scores both \(a) and \(b)") }
        var rng = SeededGenerator(seed: seed)
        var means = [Double]()
        means.reserveCapacity(replicates)
        for _ in 0..<replicates {
            var sum = 0.0
            for _ in d.indices { sum += d[Int(rng.next() % UInt64(d.count))] }
            means.append(sum / Double(d.count))
        }
        means.sort()
        let tail = (1 - confidence) / 2
        func quantile(_ q: Double) -> Double { means[min(means.count - 1, max(0, Int((q * Double(means.count - 1)).rounded())))] }
        return PairedDifference(mean: d.reduce(0, +) / Double(d.count), low: quantile(tail), high: quantile(1 - tail), origins: d.count)
    }
}

/// The mean difference of a measure between two methods over origins, with its bootstrap interval.
public struct PairedDifference: Sendable, Equatable, Codable {
    /// The mean difference over the origins both methods were scored on.
    public let mean: Double
    /// The interval's bounds.
    public let low: Double, high: Double
    /// How many origins went in.
    public let origins: Int

    /// True when the whole interval lies above zero.
    public var isAboveZero: Bool { low > 0 }
}
