import CrimeEval
import CrimeForecast
import Foundation

/// The JSON of `crimekit backtest`: `origins` and, per method, hit rate / PAI / PEI / PEI* / RRI keyed by
/// area share, MAE, RMSE, deviance, seconds, the share of the oracle's PAI@5 % and fitted parameters, and
/// paired comparisons with the best naive baseline and with each of them.
struct BacktestReport: Encodable {
    struct Method: Encodable {
        let name: String
        let hitRate: [String: Double]
        let pai: [String: Double]
        let pei: [String: Double]
        let peiStar: [String: Double]
        let rri: [String: Double]
        let mae: Double
        let rmse: Double
        let deviance: Double
        let fitSeconds: Double
        let forecastSeconds: Double
        let oracleSharePAI05: Double?
        let params: [String: Double]
        let versusBestBaseline: Comparison?
        /// Against each naive baseline in the run (not for the baselines themselves).
        let versusBaselines: [String: Comparison]?
        /// Whether every interval of ``versusBaselines`` lies on the method's side: PAI@5 % above zero and
        /// deviance below.
        let beatsEveryBaseline: Bool?

        enum CodingKeys: String, CodingKey {
            case name, hitRate = "hit_rate", pai, pei, peiStar = "pei_star", rri, mae, rmse, deviance
            case fitSeconds = "fit_seconds", forecastSeconds = "forecast_seconds"
            case oracleSharePAI05 = "oracle_share_pai05", params, versusBestBaseline = "vs_best_baseline"
            case versusBaselines = "vs_baselines", beatsEveryBaseline = "beats_every_baseline"
        }
    }

    /// A method against the best naive baseline (highest mean PAI@5 %): mean differences over origins
    /// with 95 % paired bootstrap intervals (2,000 replicates, seed 1).
    struct Comparison: Encodable {
        let baseline: String
        let pai05: Interval
        let deviance: Interval
    }

    /// A mean difference and its interval, `[mean, low, high]` in JSON.
    struct Interval: Encodable {
        let mean: Double, low: Double, high: Double
        init(_ d: PairedDifference) { (mean, low, high) = (d.mean, d.low, d.high) }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(mean)
            try c.encode(low)
            try c.encode(high)
        }
    }

    /// The naive baselines' names.
    static let baselines: Set = ["previous", "seasonal", "historical", "margins"]

    let origins: Int
    let methods: [Method]

    /// Pools `result` per method; `oracle` names the method whose PAI@5 % the others are shared against.
    init(result: ForecastBacktestResult, origins: Int, oracle: String?) throws {
        self.origins = origins
        func keyed(_ measure: (Double) -> ForecastBacktestResult.Measure, _ method: String) throws -> [String: Double] {
            var out: [String: Double] = [:]
            for share in result.areaShares {
                let v = try result.mean(of: measure(share), method: method)
                if v.isFinite { out[Self.key(share)] = v }
            }
            return out
        }
        let hasOracle = oracle.map { name in result.methods.contains { $0.name == name } } ?? false
        let best = try result.methods.map(\.name).filter { Self.baselines.contains($0) }
            .max { try result.mean(of: .pai(0.05), method: $0) < result.mean(of: .pai(0.05), method: $1) }
        let present = result.methods.map(\.name).filter { Self.baselines.contains($0) }
        methods = try result.methods.map { m in
            func compare(_ b: String) throws -> Comparison {
                Comparison(baseline: b, pai05: Interval(try result.pairedDifference(.pai(0.05), m.name, minus: b)),
                           deviance: Interval(try result.pairedDifference(.deviance, m.name, minus: b)))
            }
            let isBaseline = Self.baselines.contains(m.name)
            let comparison = try best.flatMap { b -> Comparison? in
                guard b != m.name, !isBaseline else { return nil }
                return try compare(b)
            }
            let all = isBaseline || present.isEmpty ? nil
                : try Dictionary(uniqueKeysWithValues: present.map { ($0, try compare($0)) })
            let beats = all.map { $0.values.allSatisfy { $0.pai05.low > 0 && $0.deviance.high < 0 } }
            let share = hasOracle ? try result.share(of: .pai(0.05), method: m.name, reference: oracle ?? "") : nil
            return Method(name: m.name, hitRate: try keyed(ForecastBacktestResult.Measure.hitRate, m.name),
                          pai: try keyed(ForecastBacktestResult.Measure.pai, m.name), pei: try keyed(ForecastBacktestResult.Measure.pei, m.name),
                          peiStar: try keyed(ForecastBacktestResult.Measure.peiStar, m.name),
                          rri: try keyed(ForecastBacktestResult.Measure.recaptureRateIndex, m.name),
                          mae: try result.mean(of: .mae, method: m.name), rmse: try result.mean(of: .rmse, method: m.name),
                          deviance: try result.mean(of: .deviance, method: m.name),
                          fitSeconds: m.origins.reduce(0) { $0 + $1.fitSeconds },
                          forecastSeconds: m.origins.reduce(0) { $0 + $1.forecastSeconds },
                          oracleSharePAI05: share.flatMap { $0.isFinite ? $0 : nil },
                          params: m.origins.last?.parameters.filter { $0.value.isFinite } ?? [:],
                          versusBestBaseline: comparison, versusBaselines: all, beatsEveryBaseline: beats)
        }
    }

    /// `0.05` → `"0.05"`, `0.1` → `"0.1"`.
    static func key(_ share: Double) -> String {
        var text = String(format: "%.4f", share)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
