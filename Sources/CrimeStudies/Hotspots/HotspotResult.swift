import CrimeCore
import CrimeGeo
import Foundation
import CrimeEval

/// One model's or baseline's forecast of a hot-spot study's test period.
public struct HotspotForecast: Sendable {
    /// The model's or baseline's name.
    public let model: String
    /// The forecast per (cell, bucket), cell-major like ``HotspotData/test``.
    public let values: [Double]
}

/// Forecasts and scores of a hot-spot study, and the decisions drawn from them.
public struct HotspotResult: Sendable {
    /// The study's data.
    public let data: HotspotData
    /// The feature columns the models saw.
    public let featureNames: [String]
    /// Scores, models first, then baselines: MAE, RMSE and R² (`ForecastScore.regression`) and
    /// the pooled hit rate, PAI and PEI (`ForecastScore.hotspot`) of ``HotspotStudy/run(_:models:)``.
    public let scores: [ForecastScore]
    /// Test-period forecasts, in the order of ``scores``.
    public let forecasts: [HotspotForecast]
    /// Which cells the study kept and by which rule (`StudyAreaSelection`), when ``HotspotPipeline``
    /// chose them; nil when the caller passed its own cells to ``HotspotData``.
    public var studyArea: StudyAreaSelection?

    /// The method, model or baseline, with the lowest test MAE: what to forecast with when a naive
    /// baseline beats every fitted model.
    public var leader: String {
        scores.min { ($0.regression?.mae ?? .infinity) < ($1.regression?.mae ?? .infinity) }?.model ?? scores[0].model
    }

    /// The fitted model (not baseline) with the lowest test MAE; ``leader`` may be a baseline that beats it.
    public var bestModel: String {
        scores.filter { !$0.isBaseline }.min { ($0.regression?.mae ?? .infinity) < ($1.regression?.mae ?? .infinity) }?.model
            ?? scores[0].model
    }

    /// One model's forecast, or a typed error.
    public func forecast(of model: String) throws -> [Double] {
        guard let f = forecasts.first(where: { $0.model == model }) else {
            throw HotspotError.badForecast(model: model, reason: "no such model in this study")
        }
        return f.values
    }

    /// Per cell: observed minus forecast, summed over the buckets of the test period.
    public func cellResiduals(of model: String) throws -> [Double] {
        let f = try forecast(of: model)
        let b = data.buckets.count
        return data.cells.indices.map { c in (0..<b).reduce(0) { $0 + data.test[c * b + $1] - f[c * b + $1] } }
    }

    /// The `k` cells with the largest absolute summed residual: label, observed, forecast, residual.
    public func worstCells(of model: String, count k: Int) throws -> ReportTable {
        let f = try forecast(of: model)
        let residuals = try cellResiduals(of: model)
        let b = data.buckets.count
        let order = data.cells.indices.sorted {
            abs(residuals[$0]) != abs(residuals[$1]) ? abs(residuals[$0]) > abs(residuals[$1]) : $0 < $1
        }
        return ReportTable(columns: ["cell", "observed", "forecast", "residual"], rows: order.prefix(max(k, 0)).map { c in
            let observed = (0..<b).reduce(0) { $0 + data.test[c * b + $1] }
            let forecast = (0..<b).reduce(0) { $0 + f[c * b + $1] }
            return [data.labels[c], displayNumber(observed), displayNumber(forecast), displayNumber(residuals[c])]
        })
    }

    /// Patrol candidates for one bucket ("Saturday Late Night"), from a model's forecast.
    public func candidates(for bucket: String, model: String) throws -> [PatrolCandidate] {
        let k = try data.bucket(named: bucket)
        let f = try forecast(of: model)
        let b = data.buckets.count
        return data.cells.indices.map { c in
            PatrolCandidate(cell: data.cells[c], label: data.labels[c], center: data.centers[c], expected: max(0, f[c * b + k]))
        }
    }

    /// Each bucket's expected load (the model's forecast summed over cells) against the mean load
    /// of the `baseline` buckets.
    public func resourceRatios(model: String, baseline: [String]) throws -> ResourceRatioReport {
        let f = try forecast(of: model)
        let b = data.buckets.count
        let loads = data.buckets.indices.map { k in
            (window: data.buckets[k], expected: data.cells.indices.reduce(0) { $0 + max(0, f[$1 * b + k]) })
        }
        return try ResourceRatioReport(loads: loads, baseline: baseline.map { try data.buckets[data.bucket(named: $0)] })
    }

    /// The same ratios from the incidents observed in the test period, to check the forecast's.
    public func observedResourceRatios(baseline: [String]) throws -> ResourceRatioReport {
        let b = data.buckets.count
        let loads = data.buckets.indices.map { k in
            (window: data.buckets[k], expected: data.cells.indices.reduce(0) { $0 + data.test[$1 * b + k] })
        }
        return try ResourceRatioReport(loads: loads, baseline: baseline.map { try data.buckets[data.bucket(named: $0)] })
    }

    /// The scores as a table: model, MAE, RMSE, R², and the hit rate, PAI and PEI at
    /// ``HotspotStudy/areaShare`` of the area pooled over the buckets.
    public func scoreTable() -> ReportTable {
        let share = String(format: "%.0f%%", 100 * HotspotStudy.areaShare)
        return ReportTable(columns: ["model", "MAE", "RMSE", "R2", "hit rate \(share)", "PAI \(share)", "PEI \(share)"], rows: scores.map {
            let r = $0.regression, h = $0.hotspot
            return [$0.model, fixed(r?.mae, 3), fixed(r?.rmse, 3), fixed(r?.r2, 3),
                    fixed(h?.hitRate, 3), fixed(h?.pai, 2), fixed(h?.pei, 3)]
        })
    }

    private func fixed(_ value: Double?, _ digits: Int) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? ""
    }
}
