/// A score is one flat JSON object, so that tables read from it (pandas' `json_normalize`, `jq`)
/// need no nesting: `model`, `baseline` and `fold`, then every figure present under its own key.
/// Precision, recall and F1 are written beside the confusion counts for readers and recomputed from
/// the counts when read back.
extension ForecastScore: Codable {
    private enum Key: String, CodingKey {
        case model, baseline, fold
        case mae, mse, rmse, r2
        case threshold, truePositives = "true_positives", falsePositives = "false_positives"
        case trueNegatives = "true_negatives", falseNegatives = "false_negatives", precision, recall, f1
        case requestedAreaShare = "requested_area_share", areaShare = "area_share", cellsFlagged = "cells_flagged"
        case captured, hitRate = "hit_rate", pai, maximumPAI = "max_pai", pei, peiStar = "pei_star", rri
        case perSampleF1 = "per_sample_f1", tolerantF1 = "tolerant_f1"
        case varianceRatio = "variance_ratio", withinCellVarianceRatio = "within_cell_variance_ratio"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(model, forKey: .model)
        try c.encode(isBaseline, forKey: .baseline)
        try c.encodeIfPresent(fold, forKey: .fold)
        if let r = regression {
            try c.encode(r.mae, forKey: .mae)
            try c.encode(r.mse, forKey: .mse)
            try c.encode(r.rmse, forKey: .rmse)
            try c.encode(r.r2, forKey: .r2)
        }
        if let p = classification {
            let m = p.confusion
            try c.encode(p.threshold, forKey: .threshold)
            try c.encode(m.truePositives, forKey: .truePositives)
            try c.encode(m.falsePositives, forKey: .falsePositives)
            try c.encode(m.trueNegatives, forKey: .trueNegatives)
            try c.encode(m.falseNegatives, forKey: .falseNegatives)
            try c.encode(m.precision, forKey: .precision)
            try c.encode(m.recall, forKey: .recall)
            try c.encode(m.f1, forKey: .f1)
        }
        if let h = hotspot {
            try c.encode(h.requestedFraction, forKey: .requestedAreaShare)
            try c.encode(h.areaFraction, forKey: .areaShare)
            try c.encode(h.cellsFlagged, forKey: .cellsFlagged)
            try c.encode(h.captured, forKey: .captured)
            try c.encode(h.hitRate, forKey: .hitRate)
            try c.encode(h.pai, forKey: .pai)
            try c.encode(h.maximumPAI, forKey: .maximumPAI)
            try c.encode(h.pei, forKey: .pei)
            try c.encode(h.peiStar, forKey: .peiStar)
            if h.recaptureRateIndex.isFinite { try c.encode(h.recaptureRateIndex, forKey: .rri) }
        }
        try c.encodeIfPresent(perSampleF1, forKey: .perSampleF1)
        try c.encodeIfPresent(tolerantF1, forKey: .tolerantF1)
        try c.encodeIfPresent(varianceRatio, forKey: .varianceRatio)
        try c.encodeIfPresent(withinCellVarianceRatio, forKey: .withinCellVarianceRatio)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        self.init(model: try c.decode(String.self, forKey: .model), isBaseline: try c.decode(Bool.self, forKey: .baseline),
                  fold: try c.decodeIfPresent(Int.self, forKey: .fold))
        if c.contains(.mae) {
            regression = RegressionSummary(mae: try c.decode(Double.self, forKey: .mae), mse: try c.decode(Double.self, forKey: .mse),
                                           rmse: try c.decode(Double.self, forKey: .rmse), r2: try c.decode(Double.self, forKey: .r2))
        }
        if c.contains(.threshold) {
            let confusion = ConfusionMatrix(truePositives: try c.decode(Int.self, forKey: .truePositives),
                                            falsePositives: try c.decode(Int.self, forKey: .falsePositives),
                                            trueNegatives: try c.decode(Int.self, forKey: .trueNegatives),
                                            falseNegatives: try c.decode(Int.self, forKey: .falseNegatives))
            classification = ThresholdPoint(threshold: try c.decode(Double.self, forKey: .threshold), confusion: confusion)
        }
        if c.contains(.hitRate) {
            hotspot = HotspotPoint(requestedFraction: try c.decode(Double.self, forKey: .requestedAreaShare),
                                   areaFraction: try c.decode(Double.self, forKey: .areaShare),
                                   cellsFlagged: try c.decode(Int.self, forKey: .cellsFlagged),
                                   captured: try c.decode(Double.self, forKey: .captured),
                                   hitRate: try c.decode(Double.self, forKey: .hitRate), pai: try c.decode(Double.self, forKey: .pai),
                                   maximumPAI: try c.decode(Double.self, forKey: .maximumPAI), pei: try c.decode(Double.self, forKey: .pei),
                                   peiStar: try c.decode(Double.self, forKey: .peiStar),
                                   recaptureRateIndex: try c.decodeIfPresent(Double.self, forKey: .rri) ?? .nan)
        }
        perSampleF1 = try c.decodeIfPresent(Double.self, forKey: .perSampleF1)
        tolerantF1 = try c.decodeIfPresent(Double.self, forKey: .tolerantF1)
        varianceRatio = try c.decodeIfPresent(Double.self, forKey: .varianceRatio)
        withinCellVarianceRatio = try c.decodeIfPresent(Double.self, forKey: .withinCellVarianceRatio)
    }
}
