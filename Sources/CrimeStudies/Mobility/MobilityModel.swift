import CrimeEval
/// The models the mobility study compares.
public enum MobilityModel: String, Sendable, CaseIterable, Codable {
    /// The study's ConvLSTM over whole tiles.
    case convLSTM = "ConvLSTM"
    /// An LSTM over one cell's sequence of channels.
    case lstm = "LSTM"
    /// A random forest on per-cell lag, mean and layer features.
    case randomForest = "random forest"
    /// Logistic regression on the same features.
    case logisticRegression = "logistic regression"
    /// The share of history windows in which the cell had an incident (no fitting).
    case historicalRate = "historical rate"

    /// Whether the model learns from the channels beyond crime (the historical rate ignores them).
    public var usesLayers: Bool { self != .historicalRate }
}
